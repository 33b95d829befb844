package org.medrec.spreadsheet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives each row of one sheet its {@link RowRole}, in row order, and keeps the running facts a
 * {@link SheetLayout} reports. A totals row is a sparse row (at most half the columns filled) that
 * is labelled as a total in its first non-empty cell ({@code Total}, {@code TOTAL},
 * {@code Grand total}, {@code Subtotal}), holds SUM/SUBTOTAL formulas, or (in a table of three
 * columns or more, with the first column empty or a label) whose numbers are each the sum of their
 * column over the data rows above. Empty rows between data rows, including rows
 * the file leaves out, are listed in the layout. Only per-column sums are kept, so memory does not
 * grow with the row count.
 *
 * <p>Not thread-safe: one per sheet.
 */
public final class RowClassifier {

    /** Empty rows listed in a layout at most. */
    public static final int MAX_EMPTY_ROWS_LISTED = 10_000;

    private static final Pattern TOTAL_LABEL = Pattern.compile("(?i)(grand\\s*|sub-?\\s*)?totals?\\b.{0,40}");
    private static final Pattern SUM_FORMULA = Pattern.compile("(?i)^\\s*(SUM|SUBTOTAL|AGGREGATE)\\s*\\(");
    private static final Pattern TEXT_NUMBER = Pattern.compile("-?\\$?\\d+([.,]\\d+)?");

    private final String sheet;
    private final TableHeader header;
    private final Map<Integer, double[]> columnSums = new HashMap<>();   // column -> {sum, count}
    private final List<Integer> pendingEmpty = new ArrayList<>();
    private final List<Integer> emptyRows = new ArrayList<>();
    private int lastRowNumber;
    private int widest;
    private int firstDataRow;
    private int lastDataRow;
    private int totalsRow;
    private long dataRows;

    RowClassifier(String sheet, TableHeader header) {
        this.sheet = sheet;
        this.header = header;
        this.lastRowNumber = header == null ? 0 : header.headerRow();
        this.widest = header == null ? 0 : header.columns().size();
    }

    public ClassifiedRow classify(SheetRow row) {
        int n = row.rowNumber();
        if (header != null && n <= header.headerRow()) {
            if (n == header.headerRow()) {
                return new ClassifiedRow(row, RowRole.HEADER, "header row");
            }
            if (n == header.groupRow()) {
                return new ClassifiedRow(row, RowRole.HEADER, "group labels above the header row");
            }
            return new ClassifiedRow(row, RowRole.ABOVE_HEADER,
                    row.isEmpty() ? "empty row above the header" : "title above the header row");
        }
        for (int gap = lastRowNumber + 1; gap < n && pendingEmpty.size() < MAX_EMPTY_ROWS_LISTED; gap++) {
            pendingEmpty.add(gap);
        }
        lastRowNumber = Math.max(lastRowNumber, n);
        if (row.broken() != null) {
            return new ClassifiedRow(row, RowRole.DATA, null);   // a row whose columns are unknown: its mapping reports it
        }
        if (row.isEmpty()) {
            if (pendingEmpty.size() < MAX_EMPTY_ROWS_LISTED) {
                pendingEmpty.add(n);
            }
            return new ClassifiedRow(row, RowRole.EMPTY, "empty row");
        }
        List<SheetCell> cells = row.nonEmptyCells();
        widest = Math.max(widest, cells.get(cells.size() - 1).column() + 1);
        if (isRepeatedHeader(cells)) {
            return new ClassifiedRow(row, RowRole.REPEATED_HEADER, "the header row repeated");
        }
        String totals = totalsReason(cells);
        if (totals != null) {
            totalsRow = n;
            return new ClassifiedRow(row, RowRole.TOTALS, totals);
        }
        if (firstDataRow == 0) {
            firstDataRow = n;
        } else {
            for (int i = 0; i < pendingEmpty.size() && emptyRows.size() < MAX_EMPTY_ROWS_LISTED; i++) {
                emptyRows.add(pendingEmpty.get(i));
            }
        }
        pendingEmpty.clear();
        lastDataRow = n;
        dataRows++;
        for (SheetCell cell : cells) {
            Double value = numberIn(cell);
            if (value != null) {
                double[] sum = columnSums.computeIfAbsent(cell.column(), c -> new double[2]);
                sum[0] += value;
                sum[1]++;
            }
        }
        return new ClassifiedRow(row, RowRole.DATA, null);
    }

    /** The layout so far (complete once the last row was classified). */
    public SheetLayout layout() {
        return new SheetLayout(sheet, header, firstDataRow, lastDataRow, emptyRows, totalsRow, dataRows);
    }

    private boolean isRepeatedHeader(List<SheetCell> cells) {
        if (header == null) {
            return false;
        }
        long named = header.columns().stream().filter(c -> !c.name().isEmpty()).count();
        int same = 0;
        for (SheetCell cell : cells) {
            if (cell.column() >= header.columns().size()
                    || !header.columns().get(cell.column()).name().equalsIgnoreCase(cell.formatted().strip())) {
                return false;
            }
            same++;
        }
        return same >= 2 && same * 5 >= named * 4;
    }

    private String totalsReason(List<SheetCell> cells) {
        int width = Math.max(widest, 2);
        if (cells.size() * 2 > width) {
            return null;
        }
        SheetCell first = cells.get(0);
        if (first.kind() == CellKind.TEXT && TOTAL_LABEL.matcher(first.text().strip()).matches()) {
            return "totals row: labelled as a total in column " + first.columnName();
        }
        int sumFormulas = 0;
        int labels = 0;
        List<SheetCell> numbers = new ArrayList<>();
        for (SheetCell cell : cells) {
            if (cell.formula() != null && SUM_FORMULA.matcher(cell.formula()).find()) {
                sumFormulas++;
            } else if (numberIn(cell) != null) {
                numbers.add(cell);
            } else if (cell.kind() == CellKind.TEXT) {
                labels++;
            } else {
                return null;
            }
        }
        if (labels > 1) {
            return null;
        }
        if (sumFormulas > 0) {
            return "totals row: SUM formulas over the columns above";
        }
        // the sum rule needs a table of three columns or more, and the key (first) column left out of the sums
        if (numbers.isEmpty() || width < 3 || numbers.get(0).column() == firstColumn()) {
            return null;
        }
        for (SheetCell cell : numbers) {
            double[] sum = columnSums.get(cell.column());
            double value = numberIn(cell);
            if (sum == null || sum[1] < 2 || Math.abs(value - sum[0]) > 0.005 + Math.abs(sum[0]) * 1e-9) {
                return null;
            }
        }
        return "totals row: its numbers are the sums of the columns above";
    }

    private int firstColumn() {
        if (header != null) {
            for (HeaderColumn column : header.columns()) {
                if (!column.name().isEmpty()) {
                    return column.column();
                }
            }
        }
        return 0;
    }

    /** A NUMBER cell's value, or a TEXT cell that is a plain number (decimal point or comma); else null. */
    private static Double numberIn(SheetCell cell) {
        if (cell.kind() == CellKind.NUMBER) {
            return Double.valueOf(cell.text());
        }
        if (cell.kind() == CellKind.TEXT) {
            String text = cell.text().strip();
            if (TEXT_NUMBER.matcher(text).matches()) {
                return Double.valueOf(text.replace("$", "").replace(',', '.'));
            }
        }
        return null;
    }
}
