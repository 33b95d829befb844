package org.medrec.extraction.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table row recognised by its shape rather than by a header (a header printed white on a dark
 * bar is often not read): a regular expression over the line's text with one named group per
 * field, written in {@code jobs/forms} with the macros {@code DATE}, {@code TIME}, {@code MONEY},
 * {@code CPT}, {@code CVX}, {@code ICD10}. Thread-safe (immutable).
 */
final class RowPattern {

    private static final Map<String, String> MACROS = Map.of(
            "DATE", "(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2}|[A-Za-z]{3,9}\\.? \\d{1,2},? \\d{4}"
                    + "|\\d{1,2}[- ][A-Za-z]{3}[- ]\\d{2,4})",
            "TIME", "(?:\\d{1,2}:\\d{2}(?: ?[AaPp]\\.?[Mm]\\.?)?)",
            "MONEY", "(?:\\(?-?[$S]? ?[\\dOoIl]{1,3}(?:,?[\\dOoIl]{3})*[.,:;][\\dOoIl]{2}\\)?)",
            "CPT", "(?:\\d{4}[0-9A-Z])",
            "CVX", "(?:\\d{1,3})",
            "ICD10", "(?:[A-TV-Z]\\d[0-9AB](?:\\.[0-9A-Z]{1,4})?)");
    private static final Pattern GROUP = Pattern.compile("\\(\\?<([a-zA-Z]+)>");

    private final Pattern pattern;
    private final List<String> fields;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    RowPattern(String expression) {
        String expanded = expression;
        for (Map.Entry<String, String> m : MACROS.entrySet()) {
            expanded = expanded.replace(m.getKey(), m.getValue());
        }
        this.pattern = Pattern.compile("^" + expanded + "$");
        List<String> names = new ArrayList<>();
        Matcher g = GROUP.matcher(expression);
        while (g.find()) {
            names.add(g.group(1));
        }
        this.fields = List.copyOf(names);
    }

    /** The line's cells by field when the whole line has the row's shape, else null. */
    Map<String, Cell> match(ChartLine line) {
        List<ChartWord> words = line.words();
        StringBuilder text = new StringBuilder();
        int[] starts = new int[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                text.append(' ');
            }
            starts[i] = text.length();
            text.append(words.get(i).text());
        }
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            return null;
        }
        Map<String, Cell> cells = new LinkedHashMap<>();
        for (String field : fields) {
            if (m.start(field) < 0) {
                continue;
            }
            int from = -1, to = -1;
            for (int i = 0; i < words.size(); i++) {
                int end = starts[i] + words.get(i).text().length();
                if (end > m.start(field) && starts[i] < m.end(field)) {
                    from = from < 0 ? i : from;
                    to = i + 1;
                }
            }
            if (from < 0 || field.startsWith("skip")) {
                continue;
            }
            String rest = text.substring(m.end(field), starts[to - 1] + words.get(to - 1).text().length());
            if (starts[from] != m.start(field) || rest.codePoints().anyMatch(Character::isLetterOrDigit)) {
                return null;   // the field would cut a word: not this row's shape after all
            }
            {
                cells.put(field, Cell.of(line.span(from, to)));
            }
        }
        return cells;
    }
}
