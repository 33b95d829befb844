package org.medrec.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * Turns a stored number and its number format into a {@link SheetCell}, the same way for XLSX and
 * XLS. Not thread-safe (POI's {@code DataFormatter} caches formats).
 */
final class CellValues {

    private final DataFormatter formatter = new DataFormatter(Locale.US);
    private final boolean date1904;

    CellValues(boolean date1904) {
        this.date1904 = date1904;
    }

    boolean date1904() {
        return date1904;
    }

    /** A NUMBER, or a DATE when the format is a date format and the number a valid Excel date. */
    SheetCell number(int column, double value, int formatIndex, String formatString, String formula) {
        String format = formatString == null ? "General" : formatString;
        String formatted;
        try {
            formatted = formatter.formatRawCellContents(value, formatIndex, format, date1904);
        } catch (RuntimeException e) {
            formatted = plain(value);   // a format POI cannot apply: show the number as stored
        }
        LocalDateTime date = null;
        if (DateUtil.isADateFormat(formatIndex, format) && DateUtil.isValidExcelDate(value)) {
            date = DateUtil.getLocalDateTime(value, date1904, true);
        }
        return new SheetCell(column, null, date == null ? CellKind.NUMBER : CellKind.DATE, plain(value), formatted,
                date, formula);
    }

    /** A number as plain decimal, shortest form that reads back as the same double: 12345, 7.5, 0.001. */
    static String plain(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static SheetCell bool(int column, boolean value, String formula) {
        String text = value ? "TRUE" : "FALSE";
        return new SheetCell(column, null, CellKind.BOOLEAN, text, text, null, formula);
    }

    static SheetCell error(int column, String code, String formula) {
        return new SheetCell(column, null, CellKind.FORMULA_ERROR, code, code, null, formula);
    }

    static SheetCell text(int column, String text, String formula) {
        return new SheetCell(column, null, CellKind.TEXT, text, text, null, formula);
    }

    static SheetCell blank(int column, String formula) {
        return new SheetCell(column, null, CellKind.BLANK, "", "", null, formula);
    }
}
