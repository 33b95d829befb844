package org.medrec.record;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed record-model path: {@code encounters[0].diagnoses[1].code} is the steps
 * {@code encounters[0]}, {@code diagnoses[1]}, {@code code}. Thread-safe (immutable).
 */
public record RecordPath(List<Step> steps) {

    /** One step: a name and, for list entries, an index. */
    public record Step(String name, Integer index) {
        @Override
        public String toString() {
            return index == null ? name : name + "[" + index + "]";
        }
    }

    private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[(\\d+)])?");

    public RecordPath {
        steps = List.copyOf(steps);
    }

    public static RecordPath parse(String path) {
        if (path.equals("*")) {
            return new RecordPath(List.of(new Step("*", null)));
        }
        List<Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a record-model path: " + path);
            }
            steps.add(new Step(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
        return new RecordPath(steps);
    }

    public Step first() {
        return steps.get(0);
    }

    public Step last() {
        return steps.get(steps.size() - 1);
    }

    @Override
    public String toString() {
        return String.join(".", steps.stream().map(Step::toString).toList());
    }
}
