package org.medrec.record;

import java.util.ArrayList;
import java.util.List;

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

    public RecordPath {
        steps = List.copyOf(steps);
    }

    /**
     * The steps of {@code path}; each step is {@code [a-z_][a-z0-9_]*} with an optional index
     * {@code [digits]}. Read by hand, not by a regular expression: every value of a million-row
     * sheet is parsed a few times, and the matcher was a tenth of the import's CPU.
     */
    public static RecordPath parse(String path) {
        if (path.equals("*")) {
            return new RecordPath(List.of(new Step("*", null)));
        }
        List<Step> steps = new ArrayList<>(4);
        int start = 0;
        while (true) {
            int end = path.indexOf('.', start);
            Step step = step(path, start, end < 0 ? path.length() : end);
            if (step == null) {
                throw new IllegalArgumentException("not a record-model path: " + path);
            }
            steps.add(step);
            if (end < 0) {
                return new RecordPath(steps);
            }
            start = end + 1;
        }
    }

    /** The step {@code path[from, to)}, or null when it is not one. */
    private static Step step(String path, int from, int to) {
        int i = from;
        if (i >= to || !(isLower(path.charAt(i)) || path.charAt(i) == '_')) {
            return null;
        }
        while (i < to && (isLower(path.charAt(i)) || isDigit(path.charAt(i)) || path.charAt(i) == '_')) {
            i++;
        }
        String name = path.substring(from, i);
        if (i == to) {
            return new Step(name, null);
        }
        if (path.charAt(i) != '[' || path.charAt(to - 1) != ']' || i + 1 >= to - 1) {
            return null;
        }
        for (int k = i + 1; k < to - 1; k++) {
            if (!isDigit(path.charAt(k))) {
                return null;
            }
        }
        return new Step(name, Integer.valueOf(path.substring(i + 1, to - 1)));
    }

    private static boolean isLower(char c) {
        return c >= 'a' && c <= 'z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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
