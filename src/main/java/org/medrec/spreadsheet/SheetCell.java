package org.medrec.spreadsheet;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One cell of a row, the same for XLSX, XLS, CSV and TSV.
 *
 * @param column     0-based column index
 * @param columnName the spreadsheet column letters ({@code A}, {@code B}, ... {@code AA}) for every
 *                   format, CSV included; header text is {@link HeaderColumn#name()}, not this
 * @param kind       what the cell holds
 * @param text       the value as stored: text as is (spaces kept); numbers and dates as a plain
 *                   decimal without exponent ({@code 12345}, not {@code 12345.0}; a date is its
 *                   serial number); {@code TRUE}/{@code FALSE}; the error code; empty when blank
 * @param formatted  what Excel shows, through POI's {@code DataFormatter} with the cell's number
 *                   format (for CSV, the text)
 * @param date       for {@link CellKind#DATE} cells, the date and time in the workbook's 1900 or
 *                   1904 date system; null otherwise
 * @param formula    the formula without its {@code =}, or null when the cell holds none; empty when
 *                   an XLSX cell shares a formula written in another cell
 */
public record SheetCell(int column, String columnName, CellKind kind, String text, String formatted,
                        LocalDateTime date, String formula) {

    public SheetCell {
        if (column < 0) {
            throw new IllegalArgumentException("column must be 0 or more, was " + column);
        }
        Objects.requireNonNull(kind, "kind");
        columnName = columnName == null ? columnName(column) : columnName;
        text = text == null ? "" : text;
        formatted = formatted == null ? text : formatted;
        if ((kind == CellKind.DATE) != (date != null)) {
            throw new IllegalArgumentException("a date is required for DATE cells and only for them (" + columnName + ")");
        }
    }

    /** A text cell (blank when the text is empty), as read from CSV. */
    public static SheetCell ofText(int column, String text) {
        return new SheetCell(column, null, text == null || text.isEmpty() ? CellKind.BLANK : CellKind.TEXT,
                text, text, null, null);
    }

    /** True when the cell shows nothing: blank without a formula, or text of only whitespace. */
    public boolean isEmpty() {
        return switch (kind) {
            case BLANK -> formula == null;
            case TEXT -> text.isBlank();
            default -> false;
        };
    }

    /** The column letters of a 0-based column index: 0 is {@code A}, 25 {@code Z}, 26 {@code AA}. */
    public static String columnName(int column) {
        if (column < 0) {
            throw new IllegalArgumentException("column must be 0 or more, was " + column);
        }
        StringBuilder letters = new StringBuilder(3);
        int n = column + 1;
        while (n > 0) {
            int rest = (n - 1) % 26;
            letters.insert(0, (char) ('A' + rest));
            n = (n - 1) / 26;
        }
        return letters.toString();
    }
}
