package org.medrec.spreadsheet;

/**
 * A block of merged cells; its value is in the top-left cell.
 *
 * @param firstRow    1-based row number, like {@link SheetRow#rowNumber()}
 * @param lastRow     1-based, inclusive
 * @param firstColumn 0-based, like {@link SheetCell#column()}
 * @param lastColumn  0-based, inclusive
 */
public record MergedRegion(int firstRow, int lastRow, int firstColumn, int lastColumn) {

    public MergedRegion {
        if (firstRow < 1 || lastRow < firstRow || firstColumn < 0 || lastColumn < firstColumn) {
            throw new IllegalArgumentException("not a cell range: rows " + firstRow + "-" + lastRow
                    + ", columns " + firstColumn + "-" + lastColumn);
        }
    }

    public boolean contains(int rowNumber, int column) {
        return rowNumber >= firstRow && rowNumber <= lastRow && column >= firstColumn && column <= lastColumn;
    }

    /** True when it spans two or more columns. */
    public boolean isHorizontal() {
        return lastColumn > firstColumn;
    }

    /** In A1 notation, e.g. {@code A1:H1}. */
    @Override
    public String toString() {
        return SheetCell.columnName(firstColumn) + firstRow + ":" + SheetCell.columnName(lastColumn) + lastRow;
    }
}
