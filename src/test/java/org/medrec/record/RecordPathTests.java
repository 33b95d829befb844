package org.medrec.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written path reader reads what the regular expression it replaced read, and refuses what it refused. */
class RecordPathTests {

    private static final Pattern STEP = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\[(\\d+)])?");

    @Test
    void shouldReadEveryPathAsTheRegularExpressionDid() {
        List<String> paths = List.of("mrn", "patient.family", "encounters[0].date", "encounters[12].diagnoses[3].code",
                "patient.insurance[0].member_id", "_a1.b_2[007]", "encounters[0].vitals.bp_systolic", "*",
                "", ".", "a.", ".a", "A", "a[]", "a[1", "a1]", "a[1]x", "a[1][2]", "a[-1]", "1a", "a b", "a[1]]", "é",
                "a..b", "a[٣]", "encounters[*].date");
        for (String path : paths) {
            List<RecordPath.Step> expected = byRegex(path);
            if (expected == null) {
                assertThatThrownBy(() -> RecordPath.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
            } else {
                assertThat(RecordPath.parse(path).steps()).as(path).isEqualTo(expected);
            }
        }
    }

    private static List<RecordPath.Step> byRegex(String path) {
        if (path.equals("*")) {
            return List.of(new RecordPath.Step("*", null));
        }
        List<RecordPath.Step> steps = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            Matcher m = STEP.matcher(part);
            if (!m.matches()) {
                return null;
            }
            steps.add(new RecordPath.Step(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2))));
        }
        return steps;
    }
}
