package org.medrec.extraction.chart;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;

/**
 * The values of a table's rows, with what the table as a whole says about them: a ledger's
 * running balance that does not add up, a CVX code that does not fit its vaccine, a cell beside
 * one that did not validate, and a table whose rows cannot be told apart. Stateless.
 */
final class TableFields {

    /** Share of a table's rows whose key was not read before which line is which entry is in doubt. */
    static final double POOR_TABLE = 0.3;

    private TableFields() {
    }

    static void add(TableSpec table, List<RuledTables.Row> rows, ChartValues values, RecordDraft draft) {
        Map<Integer, String> unbalanced = table.list().equals("charges") ? unbalanced(table, rows, values) : Map.of();
        String tableDoubt = poorlyRead(table, rows, values);
        java.util.Set<String> mixedCase = mixedCaseColumns(rows);
        Map<Integer, String> rowDoubts = RowStructure.doubts(table, rows, values);
        Map<Integer, String> outOfOrder = RowStructure.outOfOrder(table, rows, values);
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Cell> cells = rows.get(i).cells();
            String prefix = table.list() + "[" + i + "].";
            if (cells.containsKey(RuledTables.UNREAD)) {
                Span line = cells.get(RuledTables.UNREAD).parts().get(0);
                for (String field : table.columns().keySet()) {
                    if (!field.startsWith("skip") && !field.equals("balance") && !field.equals("type")) {
                        draft.addMissing(prefix + field, line, "this line of the table could not be split into its columns"
                                + " ('" + line.text() + "'): enter its values");
                    }
                }
                continue;
            }
            for (String field : table.columns().keySet()) {
                boolean needed = table.required().contains(field) || tableDoubt != null;
                if (needed && !cells.containsKey(field) && !field.startsWith("skip") && !field.equals("balance")
                        && !field.equals("type")) {
                    draft.addMissing(prefix + field, rows.get(i).first().all(), tableDoubt != null ? tableDoubt
                            : "this line of the table has no " + field + " where its column stands");
                }
            }
            String badNeighbour = null;
            for (Map.Entry<String, Cell> e : cells.entrySet()) {
                if (!RuledTables.TEXT_FIELDS.contains(e.getKey()) && !e.getKey().equals(RuledTables.UNKNOWN)
                        && !e.getKey().equals(RuledTables.UNSPLIT) && values.read(table.list(), e.getKey(), e.getValue().text()).status() == Normalized.Status.INVALID) {
                    badNeighbour = "the " + e.getKey() + " beside it could not be read, so where this column ends is uncertain";
                }
            }
            String rowDoubt = tableDoubt != null ? tableDoubt : rowDoubts.get(i);
            // the export writes "dose route frequency" as one text: without the route (no column read, or none read on
            // this line) the dose and the frequency cannot be told apart there
            if (rowDoubt == null && table.list().equals("medications") && !cells.containsKey("route")
                    && (cells.containsKey("dose") || cells.containsKey("frequency"))) {
                draft.addMissing(prefix + "route", rows.get(i).first().all(), rows.get(i).columns().contains("route")
                        ? "no route was read on this line of a table that prints one: without it the dose and the"
                                + " frequency cannot be told apart in the record"
                        : "no route column was read in this table: without a route the dose and the frequency cannot be"
                                + " told apart in the record");
            }
            for (Map.Entry<String, Cell> e : cells.entrySet()) {
                String field = e.getKey();
                if (field.equals("balance") || field.equals("type") || field.equals(RuledTables.UNKNOWN)
                        || field.equals(RuledTables.UNSPLIT)) {
                    continue;   // not part of the record model's export; the balance checks the arithmetic
                }
                Normalized n = values.read(table.list(), field, e.getValue().text());
                String doubt = rowDoubt != null ? rowDoubt
                        : field.equals("charge") || field.equals("payment") ? unbalanced.get(i)
                        : RuledTables.TEXT_FIELDS.contains(field) ? badNeighbour : null;
                if (doubt == null && field.equals("date")) {
                    doubt = outOfOrder.get(i);
                }
                if (doubt == null && mixedCase.contains(field) && CAPITALS.matcher(e.getValue().text()).matches()) {
                    doubt = "written in capitals where the rest of its column is not: possibly by hand or stamped, check it";
                }
                if (rowDoubt == null && field.equals("cvx") && n.isOk() && cells.containsKey("vaccine")) {
                    Normalized consistent = Cvx.consistent(cells.get("vaccine").text(), n.value());
                    doubt = consistent.isOk() ? null : consistent.problem();
                }
                draft.add(prefix + field, e.getValue(), n, doubt);
            }
        }
    }

    /** A word of capitals only ({@code KEPT}), two letters or more. */
    private static final java.util.regex.Pattern CAPITALS = java.util.regex.Pattern.compile("[^\\p{Ll}]*\\p{Lu}{2}[^\\p{Ll}]*");
    /**
     * Columns whose words come from a short list a clinic prints the same way on every line (an
     * appointment's status); names and descriptions mix acronyms with words, so their style tells nothing.
     */
    private static final java.util.Set<String> STYLED = java.util.Set.of("status");
    /** Values a column needs before its style tells: a capitalised column of this many or more. */
    private static final int STYLE_SAMPLE = 4;

    /**
     * The columns whose words are written in lower case with capitals (Kept, Completed) in three
     * quarters of their rows or more: a value in capitals only there stands out as another hand.
     */
    private static java.util.Set<String> mixedCaseColumns(List<RuledTables.Row> rows) {
        Map<String, int[]> counts = new java.util.HashMap<>();   // field: {mixed, all}
        for (RuledTables.Row row : rows) {
            row.cells().forEach((field, cell) -> {
                if (!STYLED.contains(field)) {
                    return;
                }
                String letters = cell.text().replaceAll("[^\\p{L}]", "");
                if (letters.length() >= 2) {
                    int[] c = counts.computeIfAbsent(field, f -> new int[2]);
                    c[0] += letters.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
                    c[1]++;
                }
            });
        }
        java.util.Set<String> mixed = new java.util.HashSet<>();
        counts.forEach((field, c) -> {
            if (c[1] >= STYLE_SAMPLE && 4 * c[0] >= 3 * c[1]) {
                mixed.add(field);
            }
        });
        return mixed;
    }

    /**
     * Why no value of the table may be trusted, or null: when the lines of many of its rows could not
     * be told (no key, or a key that does not validate, such as a line not split into columns),
     * which line is which entry is itself in doubt.
     */
    private static String poorlyRead(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        int bad = 0;
        for (RuledTables.Row row : rows) {
            Cell key = row.cells().get(table.key());
            bad += key == null || values.read(table.list(), table.key(), key.text()).status() == Normalized.Status.INVALID ? 1 : 0;
        }
        return rows.size() >= 3 && bad >= Math.max(2, POOR_TABLE * rows.size())
                ? bad + " of the " + rows.size() + " lines of this table were not read cleanly: which line is which is"
                + " uncertain, so every value of it is for a person to check" : null;
    }

    /**
     * Ledger lines whose running balance does not add up (the balance before plus the charge less
     * the payment), with the line above: the balance brought forward may be the misread one.
     */
    private static Map<Integer, String> unbalanced(TableSpec table, List<RuledTables.Row> rows, ChartValues values) {
        Map<Integer, String> doubts = new java.util.HashMap<>();
        BigDecimal balance = BigDecimal.ZERO;
        boolean known = true;
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Cell> cells = rows.get(i).cells();
            Normalized charge = read(values, table, cells, "charge");
            Normalized payment = read(values, table, cells, "payment");
            Normalized printed = read(values, table, cells, "balance");
            if (!cells.containsKey("balance")) {
                return doubts;
            }
            if (charge.isOk() && payment.isOk() && printed.isOk() && known) {
                BigDecimal expected = balance.add(Money.amount(charge)).subtract(Money.amount(payment));
                if (expected.compareTo(Money.amount(printed)) != 0) {
                    String why = "the running balance does not add up (line " + (i + 1) + ": expected " + expected
                            + ", printed " + printed.value() + ")";
                    doubts.put(i, why);
                    if (i > 0) {
                        doubts.putIfAbsent(i - 1, why);
                    }
                }
            }
            known = printed.isOk();
            balance = printed.isOk() ? Money.amount(printed) : balance;
        }
        return doubts;
    }

    private static Normalized read(ChartValues values, TableSpec table, Map<String, Cell> cells, String field) {
        Cell cell = cells.get(field);
        return cell == null ? Normalized.empty() : values.read(table.list(), field, cell.text());
    }
}
