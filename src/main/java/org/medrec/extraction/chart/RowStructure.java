package org.medrec.extraction.chart;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.MedicationSigs;

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

    /** A cell stands level with its row when its middle is at most this share of the text's height off the row's. */
    static final double LEVEL = 0.5;

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
        double pitch = pitch(rows);
        double[] drifts = rows.stream().mapToDouble(RowStructure::drift).toArray();
        double[] known = java.util.Arrays.stream(drifts).filter(d -> d >= 0).sorted().toArray();
        if (pitch > 0 && known.length > 0 && known[known.length / 2] > SLOPE * pitch) {
            String why = "the lines of this table slope across the page (each falls or rises by about "
                    + Math.round(known[known.length / 2] / pitch * 10) / 10.0 + " line spacings from its first column to its"
                    + " last): which cells belong to which line is uncertain, so every value of the table is for a person to check";
            for (int i = 0; i < rows.size(); i++) {
                doubts.putIfAbsent(i, why);
            }
            return doubts;
        }
        for (int i = 0; i < rows.size(); i++) {
            String level = pitch > 0 && drifts[i] > SLOPE * pitch ? "this line slopes across the page by about "
                    + Math.round(drifts[i] / pitch * 10) / 10.0 + " line spacings: a cell of the line above or below may have"
                    + " been taken into it, so a person checks the line" : notLevel(rows.get(i));
            if (level != null) {
                // its cells may belong to the rows above and below: they are in doubt with it
                for (int j = Math.max(0, i - 1); j <= Math.min(rows.size() - 1, i + 1); j++) {
                    doubts.putIfAbsent(j, j == i ? level : "the line " + (j < i ? "below" : "above") + " this one does not"
                            + " stand level across its columns, so which cells belong to which line is uncertain: a person"
                            + " checks it");
                }
            }
        }
        return doubts;
    }

    /** Pairs of consecutive dates, at least, and the share of them in one order, for a table to be kept in date order. */
    static final int ORDER_PAIRS = 4;
    static final double ORDER_SHARE = 0.8;

    /**
     * The rows whose date breaks the order the table keeps (an appointment history, a ledger, a list
     * of doses printed oldest first): where most consecutive dates run one way, two that run the other
     * way are both in doubt, as one of them is misread (or its line is not where it belongs). By row
     * index; only the dates.
     */
    static Map<Integer, String> outOfOrder(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        if (!table.columns().containsKey("date")) {
            return Map.of();
        }
        List<Integer> at = new java.util.ArrayList<>();
        List<java.time.LocalDate> dates = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Cell cell = rows.get(i).cells().get("date");
            org.medrec.extraction.validation.Normalized n = cell == null ? null : values.read(table.list(), "date", cell.text());
            if (n != null && n.value() != null && n.status() != org.medrec.extraction.validation.Normalized.Status.INVALID) {
                at.add(i);
                dates.add(java.time.LocalDate.parse(n.value()));
            }
        }
        int up = 0, down = 0;
        for (int k = 1; k < dates.size(); k++) {
            int c = dates.get(k).compareTo(dates.get(k - 1));
            up += c > 0 ? 1 : 0;
            down += c < 0 ? 1 : 0;
        }
        if (up + down < ORDER_PAIRS || Math.max(up, down) < ORDER_SHARE * (up + down) || up == 0 || down == 0) {
            return Map.of();
        }
        int sign = up > down ? -1 : 1;   // the order broken: a later date before an earlier one, or the reverse
        Map<Integer, String> doubts = new HashMap<>();
        for (int k = 1; k < dates.size(); k++) {
            if (Integer.signum(dates.get(k).compareTo(dates.get(k - 1))) == sign) {
                String why = "the dates of this table run " + (up > down ? "from the oldest to the newest" : "from the newest to"
                        + " the oldest") + ", and this one and the one " + "%s" + " it do not: one of them is misread or"
                        + " stands on the wrong line, so a person checks both";
                doubts.putIfAbsent(at.get(k - 1), String.format(why, "below"));
                doubts.putIfAbsent(at.get(k), String.format(why, "above"));
            }
        }
        return doubts;
    }

    /** A line that falls or rises by more than this share of the spacing of the table's lines is not read as one line. */
    static final double SLOPE = 0.4;

    /** The median distance between the first lines of consecutive rows on one page, or 0 when there are too few. */
    private static double pitch(List<RuledTables.Row> rows) {
        List<Double> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            ChartLine a = rows.get(i - 1).first(), b = rows.get(i).first();
            if (a.page() == b.page() && b.top() > a.top()) {
                gaps.add((double) (b.top() - a.top()));
            }
        }
        return gaps.size() < 2 ? 0 : gaps.stream().sorted().toList().get(gaps.size() / 2);
    }

    /**
     * How far the row's first line falls or rises from its first word to its last (the slope of its
     * words' middles, fitted, across its width), or -1 for a line of fewer than three words.
     */
    private static double drift(RuledTables.Row row) {
        List<ChartWord> words = row.first().words().stream().filter(w -> w.text().matches(".*[\\p{L}\\d].*")).toList();
        if (words.size() < 3) {
            return -1;
        }
        double n = words.size(), sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (ChartWord w : words) {
            double x = w.centerX(), y = w.top() + w.layout().height / 2.0;
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double den = n * sxx - sx * sx;
        if (den == 0) {
            return -1;
        }
        double slope = (n * sxy - sx * sy) / den;
        return Math.abs(slope) * (words.get(words.size() - 1).centerX() - words.get(0).centerX());
    }

    /**
     * A row whose cells do not stand level: the first line of each cell has its middle more than
     * {@link #LEVEL} text heights off the middle of the row's other cells (on a rumpled page or
     * after lines lost in a fax, a cell of the row above or below taken into this one).
     */
    private static String notLevel(RuledTables.Row row) {
        List<double[]> middles = new java.util.ArrayList<>();   // middle, height
        for (Map.Entry<String, Cell> e : row.cells().entrySet()) {
            if (e.getValue().isEmpty() || e.getKey().equals(RuledTables.UNREAD)) {
                continue;
            }
            Span first = e.getValue().parts().get(0);
            if (first.line() != row.first()) {
                continue;
            }
            double[] m = first.words().stream().mapToDouble(w -> w.top() + w.layout().height / 2.0).sorted().toArray();
            double[] h = first.words().stream().mapToDouble(w -> w.layout().height).sorted().toArray();
            middles.add(new double[] {m[m.length / 2], h[h.length / 2]});
        }
        if (middles.size() < 2) {
            return null;
        }
        double[] all = middles.stream().mapToDouble(m -> m[0]).sorted().toArray();
        double[] heights = middles.stream().mapToDouble(m -> m[1]).sorted().toArray();
        double middle = all[all.length / 2], height = heights[heights.length / 2];
        for (double[] m : middles) {
            if (Math.abs(m[0] - middle) > LEVEL * height) {
                return "the cells of this line do not stand level (one stands " + Math.round(Math.abs(m[0] - middle) / height * 10)
                        / 10.0 + " text heights off the others): a cell of the line above or below may have been taken"
                        + " into it, so a person checks the line";
            }
        }
        return null;
    }

    private static String unknownColumn(RuledTables.Row row) {
        Cell unsplit = row.cells().get(RuledTables.UNSPLIT);
        return unsplit == null || unsplit.isEmpty() ? null : "words of this line ('" + unsplit.text() + "') run from one"
                + " column into the next with no gap between them: which words belong to which column is uncertain, so a"
                + " person checks the line";
    }

    /** The medication's name ends in a route or a frequency its row has a column for ("Insulin glargine SC"), or null. */
    private static String sig(String field, String[] words, java.util.Set<String> columns) {
        if (!field.equals("name")) {
            return null;
        }
        for (int n = 1; n <= Math.min(3, words.length - 1); n++) {
            String tail = String.join(" ", java.util.Arrays.copyOfRange(words, words.length - n, words.length));
            if (columns.contains("route") && MedicationSigs.route(tail).isOk()) {
                return "route ('" + tail + "')";
            }
            if (columns.contains("frequency") && MedicationSigs.frequency(tail).isOk()) {
                return "frequency ('" + tail + "')";
            }
        }
        return null;
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
            String tail = sig(e.getKey(), words, row.columns());
            if (tail != null) {
                return "the " + e.getKey() + " '" + e.getValue().text() + "' ends with what reads as a " + tail + ": it may have"
                        + " taken in the value of the column beside it, so a person checks the line";
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
