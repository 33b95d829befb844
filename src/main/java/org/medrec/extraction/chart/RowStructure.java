package org.medrec.extraction.chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Whether the structure that places a table row's values is certain: a value is only as good as
 * the row and the column it was put in. A row is in doubt, every value of it, when words of it
 * under a column whose caption medrec does not know run into a neighbour's with no gap (what
 * stands clearly under such a column is only not taken), or
 * when one of its text cells begins or ends with what reads as another column's value (a
 * description that took in its amount, {@code ... FIRST VACCINE 26.00}; a medication's name that
 * took in its dose). Stateless.
 */
final class RowStructure {

    /** The shapes of the values of columns a text cell may take in from its neighbours. */
    private static final Map<String, Pattern> SHAPES = Map.of(
            "charge", Pattern.compile("\\$?-?\\d{1,3}(,\\d{3})*[.,]\\d{2}-?"),
            "payment", Pattern.compile("\\$?-?\\d{1,3}(,\\d{3})*[.,]\\d{2}-?"),
            "balance", Pattern.compile("\\$?-?\\d{1,3}(,\\d{3})*[.,]\\d{2}-?"),
            "date", Pattern.compile("\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{2,4}"),
            "time", Pattern.compile("\\d{1,2}:\\d{2}([ap]\\.?m\\.?)?", Pattern.CASE_INSENSITIVE),
            "cpt", Pattern.compile("\\d{5}|\\d{4}[A-Z]|[A-Z]\\d{4}"),
            "code", Pattern.compile("[A-TV-Z]\\d[0-9AB]\\.?[0-9A-Z]{0,4}"),
            "dose", Pattern.compile("(?i)\\d+(\\.\\d+)?\\s?(mg|mcg|g|iu|units?|ml|meq|%|puffs?|tabs?|tablets?|caps?|capsules?)[.,]?"));

    private RowStructure() {
    }

    /** Why each row's values are in doubt as a whole, by row index (rows not in doubt are absent). */
    static Map<Integer, String> doubts(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        Map<Integer, String> doubts = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String doubt = unknownColumn(rows.get(i));
            doubt = doubt != null ? doubt : swallowed(rows.get(i));
            if (doubt != null) {
                doubts.put(i, doubt);
            }
        }
        return doubts;
    }

    private static String unknownColumn(RuledTables.Row row) {
        Cell unsplit = row.cells().get(RuledTables.UNSPLIT);
        return unsplit == null || unsplit.isEmpty() ? null : "words of this line ('" + unsplit.text() + "') run from one"
                + " column into the next with no gap between them: which words belong to which column is uncertain, so a"
                + " person checks the line";
    }

    /** A text cell that begins or ends with a value of the shape of another column of its row. */
    private static String swallowed(RuledTables.Row row) {
        for (Map.Entry<String, Cell> e : row.cells().entrySet()) {
            if (!RuledTables.TEXT_FIELDS.contains(e.getKey()) || e.getValue().isEmpty()) {
                continue;
            }
            String[] words = e.getValue().text().strip().split("\\s+");
            if (words.length < 2) {
                continue;
            }
            for (String other : row.columns()) {
                Pattern shape = SHAPES.get(other);
                if (shape == null) {
                    continue;
                }
                String last = words[words.length - 1], lastTwo = words[words.length - 2] + " " + last;
                String first = words[0];
                String taken = shape.matcher(last).matches() ? last : shape.matcher(lastTwo).matches() ? lastTwo
                        : shape.matcher(first).matches() ? first : null;
                if (taken != null) {
                    return "the " + e.getKey() + " '" + e.getValue().text() + "' begins or ends with what reads as a " + other
                            + " ('" + taken + "'): it may have taken in the value of the column beside it, so a person checks"
                            + " the line";
                }
            }
        }
        return null;
    }
}
