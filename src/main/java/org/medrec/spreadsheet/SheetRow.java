package org.medrec.spreadsheet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row as a person sees it: for XLSX and XLS the Excel row number (title rows included), for
 * CSV and TSV the 1-based record number (the header record is 1; a quoted field with line breaks
 * is still one record). Cells are the ones the file stores, in column order; absent cells are
 * blank.
 *
 * @param sheet     the sheet name (for CSV and TSV, the file name without its extension)
 * @param rowNumber 1-based
 * @param cells     in ascending column order, at most one per column
 * @param broken    why the row could not be split into its columns (its text is then the one cell, in
 *                  column A), or null
 */
public record SheetRow(String sheet, int rowNumber, List<SheetCell> cells, String broken) {

    public SheetRow(String sheet, int rowNumber, List<SheetCell> cells) {
        this(sheet, rowNumber, cells, null);
    }

    /** A record of a text table that could not be split into its columns: its line as written, and why. */
    public static SheetRow broken(String sheet, int rowNumber, String line, String why) {
        return new SheetRow(sheet, rowNumber, List.of(SheetCell.ofText(0, line)), why);
    }

    public SheetRow {
        Objects.requireNonNull(sheet, "sheet");
        if (rowNumber < 1) {
            throw new IllegalArgumentException("row number must be 1 or more, was " + rowNumber);
        }
        List<SheetCell> sorted = new ArrayList<>(cells);
        sorted.sort(Comparator.comparingInt(SheetCell::column));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).column() == sorted.get(i - 1).column()) {
                throw new IllegalArgumentException("two cells in column " + sorted.get(i).columnName()
                        + " of row " + rowNumber);
            }
        }
        cells = List.copyOf(sorted);
    }

    /** The cell in a 0-based column, if the file stores one. */
    public Optional<SheetCell> cell(int column) {
        for (SheetCell cell : cells) {
            if (cell.column() == column) {
                return Optional.of(cell);
            }
            if (cell.column() > column) {
                break;
            }
        }
        return Optional.empty();
    }

    /** The stored text of a column ({@link SheetCell#text()}), empty when there is no cell. */
    public String text(int column) {
        return cell(column).map(SheetCell::text).orElse("");
    }

    /** True when no cell shows anything (see {@link SheetCell#isEmpty()}); a broken row is not empty. */
    public boolean isEmpty() {
        return broken == null && cells.stream().allMatch(SheetCell::isEmpty);
    }

    /** The cells that show something. */
    public List<SheetCell> nonEmptyCells() {
        return cells.stream().filter(c -> !c.isEmpty()).toList();
    }
}
