package org.medrec.spreadsheet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the header row of a sheet among its first rows, and classifies every row after it.
 *
 * <p>The header is the first row whose non-empty cells (at least {@code minHeaderCells}) are all
 * labels: text with a letter, few digits, not long. Rows above it are titles (report name, print
 * date). A label row is passed over when the next row is also all labels and either wider (a
 * title or group row above the real header) or, right below it, sits under one of its merged
 * cells (a two-row header: {@code Visit} merged over {@code Date} and {@code Provider}); a label
 * row of one or two cells is also passed over when a wider label row follows within three rows
 * (a title, then a print date, then the header). The upper row of a two-row header gives each
 * column its group, and names the columns the lower row leaves empty. A merged header cell names
 * every column it spans. When two wide rows of data come before any label row, the sheet has no
 * header.
 *
 * <p>Thread-safe (immutable); the {@link RowClassifier}s it makes are not.
 */
public final class HeaderLocator {

    public static final int DEFAULT_LOOKAHEAD_ROWS = 30;
    public static final int DEFAULT_MIN_HEADER_CELLS = 2;
    /** Rows looked past a title of one or two cells for the wider header row. */
    private static final int TITLE_GAP = 3;
    /** Rows (empty ones included) held back while looking for the header in {@link #scan}. */
    private static final int MAX_BUFFERED_ROWS = 10_000;

    private final int lookaheadRows;
    private final int minHeaderCells;

    public HeaderLocator() {
        this(DEFAULT_LOOKAHEAD_ROWS, DEFAULT_MIN_HEADER_CELLS);
    }

    /**
     * @param lookaheadRows  non-empty rows looked at to find the header, 2 to 1000
     * @param minHeaderCells non-empty cells a header row needs at least, 1 to 100
     */
    public HeaderLocator(int lookaheadRows, int minHeaderCells) {
        if (lookaheadRows < 2 || lookaheadRows > 1000) {
            throw new IllegalArgumentException("lookaheadRows must be 2 to 1000, was " + lookaheadRows);
        }
        if (minHeaderCells < 1 || minHeaderCells > 100) {
            throw new IllegalArgumentException("minHeaderCells must be 1 to 100, was " + minHeaderCells);
        }
        this.lookaheadRows = lookaheadRows;
        this.minHeaderCells = minHeaderCells;
    }

    public int lookaheadRows() {
        return lookaheadRows;
    }

    /**
     * The header of a sheet, judged from its first rows (as read; empty rows are ignored and only
     * the first {@code lookaheadRows} non-empty ones are looked at).
     */
    public Optional<TableHeader> locate(SheetInfo sheet, List<SheetRow> leadingRows) {
        List<SheetRow> rows = leadingRows.stream().filter(r -> !r.isEmpty()).limit(lookaheadRows).toList();
        int dataRowsInARow = 0;
        SheetRow passedOver = null;
        for (int i = 0; i < rows.size(); i++) {
            SheetRow row = rows.get(i);
            List<SheetCell> cells = row.nonEmptyCells();
            if (!allLabels(cells)) {
                dataRowsInARow = cells.size() >= 3 ? dataRowsInARow + 1 : 0;
                if (dataRowsInARow >= 2) {
                    return Optional.empty();
                }
                continue;
            }
            dataRowsInARow = 0;
            if (cells.size() < minHeaderCells) {
                continue;
            }
            SheetRow next = i + 1 < rows.size() ? rows.get(i + 1) : null;
            if (next != null && isAboveHeader(sheet, row, next)) {
                passedOver = row;
                continue;
            }
            if (cells.size() <= 2 && widerLabelRowFollows(rows, i)) {
                continue;   // a title of one or two cells, a print date or so between it and the header
            }
            SheetRow group = passedOver != null && passedOver.rowNumber() == row.rowNumber() - 1
                    && passedOver.nonEmptyCells().size() >= 2 ? passedOver : null;
            return Optional.of(build(sheet, row, group));
        }
        return Optional.empty();
    }

    /** A classifier for the rows of a sheet, given its header (null: no header, every row is data). */
    public RowClassifier classifier(SheetInfo sheet, TableHeader header) {
        return new RowClassifier(sheet.name(), header);
    }

    /**
     * Reads a whole sheet: holds back its first rows until the header is found, then hands every
     * row, classified, to {@code rows}, in order. Memory does not grow with the row count.
     *
     * @return the layout of the sheet
     */
    public SheetLayout scan(TableReader reader, SheetInfo sheet, Consumer<ClassifiedRow> rows) throws IOException {
        List<SheetRow> held = new ArrayList<>();
        int[] nonEmpty = {0};
        RowClassifier[] classifier = {null};
        reader.read(sheet, row -> {
            if (classifier[0] != null) {
                rows.accept(classifier[0].classify(row));
                return true;
            }
            if (!row.isEmpty()) {
                nonEmpty[0]++;
            }
            if (!row.isEmpty() || held.size() < MAX_BUFFERED_ROWS) {
                held.add(row);
            }
            if (nonEmpty[0] >= lookaheadRows) {
                classifier[0] = start(sheet, held, rows);
                held.clear();
            }
            return true;
        });
        if (classifier[0] == null) {
            classifier[0] = start(sheet, held, rows);
        }
        return classifier[0].layout();
    }

    private RowClassifier start(SheetInfo sheet, List<SheetRow> held, Consumer<ClassifiedRow> rows) {
        RowClassifier classifier = classifier(sheet, locate(sheet, held).orElse(null));
        for (SheetRow row : held) {
            rows.accept(classifier.classify(row));
        }
        return classifier;
    }

    /** True when one of the next {@value #TITLE_GAP} rows is a wider row of labels, with no wide data row before it. */
    private static boolean widerLabelRowFollows(List<SheetRow> rows, int i) {
        int width = rows.get(i).nonEmptyCells().size();
        for (int j = i + 1; j < rows.size() && j <= i + TITLE_GAP; j++) {
            List<SheetCell> cells = rows.get(j).nonEmptyCells();
            if (allLabels(cells) && cells.size() > width) {
                return true;
            }
            if (cells.size() > width) {
                return false;
            }
        }
        return false;
    }

    /** True when {@code row} is a title or group row above a header that starts at {@code next}. */
    private static boolean isAboveHeader(SheetInfo sheet, SheetRow row, SheetRow next) {
        List<SheetCell> below = next.nonEmptyCells();
        if (!allLabels(below)) {
            return false;
        }
        if (below.size() > row.nonEmptyCells().size()) {
            return true;
        }
        if (next.rowNumber() != row.rowNumber() + 1) {
            return false;
        }
        for (MergedRegion region : sheet.mergedRegions()) {
            if (region.isHorizontal() && region.firstRow() <= row.rowNumber() && region.lastRow() == row.rowNumber()) {
                for (SheetCell cell : below) {
                    if (cell.column() >= region.firstColumn() && cell.column() <= region.lastColumn()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static TableHeader build(SheetInfo sheet, SheetRow header, SheetRow group) {
        int headerRow = header.rowNumber();
        int groupRow = group == null ? 0 : group.rowNumber();
        List<MergedRegion> regions = sheet.mergedRegions().stream()
                .filter(r -> r.contains(headerRow, r.firstColumn()) || (group != null && r.contains(groupRow, r.firstColumn())))
                .toList();
        int width = 0;
        for (SheetRow row : group == null ? List.of(header) : List.of(group, header)) {
            for (SheetCell cell : row.nonEmptyCells()) {
                int last = cell.column();
                for (MergedRegion r : regions) {
                    if (r.firstColumn() == cell.column() && r.contains(row.rowNumber(), cell.column())) {
                        last = Math.max(last, r.lastColumn());
                    }
                }
                width = Math.max(width, last + 1);
            }
        }
        List<HeaderColumn> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            String name = label(header, c, regions);
            String groupLabel = null;
            if (group != null) {
                String upper = label(group, c, regions);
                if (name.isEmpty()) {
                    name = upper;   // the upper cell stands over an empty lower one: it names the column
                } else if (!upper.isEmpty()) {
                    groupLabel = upper;
                }
            }
            columns.add(new HeaderColumn(c, null, name, groupLabel, sheet.isColumnHidden(c)));
        }
        int lastNamed = columns.size() - 1;
        while (lastNamed >= 0 && columns.get(lastNamed).name().isEmpty()) {
            lastNamed--;
        }
        return new TableHeader(sheet.name(), headerRow, groupRow, columns.subList(0, lastNamed + 1));
    }

    /** The label a row shows over column c: its own cell, or the merged cell that covers c. */
    private static String label(SheetRow row, int column, List<MergedRegion> regions) {
        String own = row.cell(column).filter(c -> !c.isEmpty()).map(c -> c.formatted().strip()).orElse("");
        if (!own.isEmpty()) {
            return own;
        }
        for (MergedRegion r : regions) {
            if (r.contains(row.rowNumber(), column) && r.firstRow() == row.rowNumber()) {
                return row.cell(r.firstColumn()).filter(c -> !c.isEmpty()).map(c -> c.formatted().strip()).orElse("");
            }
        }
        return "";
    }

    /** True when every cell is a label; false for no cells. */
    static boolean allLabels(List<SheetCell> cells) {
        if (cells.isEmpty()) {
            return false;
        }
        for (SheetCell cell : cells) {
            if (!isLabel(cell)) {
                return false;
            }
        }
        return true;
    }

    /** Text with a letter, at most 80 characters, and digits in less than half of it (and at most four). */
    static boolean isLabel(SheetCell cell) {
        if (cell.kind() != CellKind.TEXT) {
            return false;
        }
        String text = cell.text().strip();
        if (text.isEmpty() || text.length() > 80) {
            return false;
        }
        int digits = 0;
        boolean letter = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isDigit(c)) {
                digits++;
            } else if (Character.isLetter(c)) {
                letter = true;
            }
        }
        return letter && digits <= 4 && digits * 2 < text.length();
    }
}
