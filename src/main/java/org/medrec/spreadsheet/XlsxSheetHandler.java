package org.medrec.spreadsheet;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.medrec.intake.TempFileSharedStrings;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns the SAX events of one sheet's XML into {@link SheetRow}s, one row at a time; only the
 * current row is held. Cell types follow the {@code t} attribute: {@code s} shared string,
 * {@code inlineStr} inline string, {@code str} formula text result, {@code b} boolean, {@code e}
 * error, {@code d} ISO date, otherwise a number formatted by its style. Not thread-safe.
 */
final class XlsxSheetHandler extends DefaultHandler {

    /** Thrown to stop parsing: the handler asked to stop, or failed (then it carries the failure). */
    static final class Stop extends SAXException {
        private final transient RuntimeException handlerFailure;

        Stop(RuntimeException handlerFailure) {
            super("stop reading");
            this.handlerFailure = handlerFailure;
        }

        RuntimeException handlerFailure() {
            return handlerFailure;
        }
    }

    private final String sheet;
    private final TempFileSharedStrings strings;
    private final StylesTable styles;
    private final CellValues values;
    private final RowHandler handler;
    private final Map<Integer, NumberFormat> formats = new HashMap<>();

    private int rowNumber;
    private int lastRowNumber;
    private int nextColumn;
    private List<SheetCell> cells = new ArrayList<>();

    private int column;
    private String type;
    private int style;
    private boolean inValue;
    private boolean inFormula;
    private boolean inInline;
    private boolean inInlineText;
    private boolean inPhonetic;
    private boolean sawValue;
    private boolean sawFormula;
    private boolean sawInline;
    private final StringBuilder value = new StringBuilder(64);
    private final StringBuilder formula = new StringBuilder(64);
    private final StringBuilder inline = new StringBuilder(64);

    private record NumberFormat(int index, String format) {
    }

    XlsxSheetHandler(String sheet, TempFileSharedStrings strings, StylesTable styles, CellValues values, RowHandler handler) {
        this.sheet = sheet;
        this.strings = strings;
        this.styles = styles;
        this.values = values;
        this.handler = handler;
    }

    /** The last row handed over (0 before the first). */
    int lastRowNumber() {
        return lastRowNumber;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
        switch (localName) {
            case "row" -> {
                String r = attributes.getValue("r");
                rowNumber = r == null ? lastRowNumber + 1 : Integer.parseInt(r.trim());
                cells = new ArrayList<>();
                nextColumn = 0;
            }
            case "c" -> {
                String ref = attributes.getValue("r");
                int[] parsed = ref == null ? null : parseCellRef(ref);
                column = parsed == null ? nextColumn : parsed[0];
                type = attributes.getValue("t");
                String s = attributes.getValue("s");
                style = s == null ? -1 : Integer.parseInt(s.trim());
                value.setLength(0);
                formula.setLength(0);
                inline.setLength(0);
                sawValue = false;
                sawFormula = false;
                sawInline = false;
            }
            case "v" -> inValue = true;
            case "f" -> {
                inFormula = true;
                sawFormula = true;
            }
            case "is" -> inInline = true;
            case "rPh" -> inPhonetic = true;
            case "t" -> inInlineText = inInline && !inPhonetic;
            default -> {
                // sheet properties, columns, merged cells: not rows
            }
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) {
            value.append(ch, start, length);
        } else if (inInlineText) {
            inline.append(ch, start, length);
        } else if (inFormula) {
            formula.append(ch, start, length);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        switch (localName) {
            case "v" -> {
                inValue = false;
                sawValue = true;
            }
            case "f" -> inFormula = false;
            case "t" -> inInlineText = false;
            case "rPh" -> inPhonetic = false;
            case "is" -> {
                inInline = false;
                sawInline = true;
            }
            case "c" -> endCell();
            case "row" -> endRow();
            case "sheetData" -> throw new Stop(null);   // the rest is layout and page setup
            default -> {
                // nothing to do
            }
        }
    }

    private void endCell() {
        String f = sawFormula ? formula.toString() : null;
        SheetCell cell;
        String t = type == null ? "n" : type;
        if (sawInline && !sawValue) {
            cell = CellValues.text(column, decodeEscapes(inline.toString()), f);
        } else if (!sawValue) {
            cell = CellValues.blank(column, f);
        } else {
            String v = value.toString();
            cell = switch (t) {
                case "s" -> {
                    String index = v.trim();
                    yield index.isEmpty() ? CellValues.blank(column, f)
                            : CellValues.text(column, strings.text(Integer.parseInt(index)), f);
                }
                case "inlineStr", "str" -> CellValues.text(column, decodeEscapes(v), f);
                case "b" -> CellValues.bool(column, "1".equals(v.trim()) || "true".equalsIgnoreCase(v.trim()), f);
                case "e" -> CellValues.error(column, v.trim(), f);
                case "d" -> isoDate(v.trim(), f);
                default -> {
                    String number = v.trim();
                    if (number.isEmpty()) {
                        yield CellValues.blank(column, f);
                    }
                    NumberFormat format = formatOf(style);
                    yield values.number(column, Double.parseDouble(number), format.index(), format.format(), f);
                }
            };
        }
        if (!cells.isEmpty() && cells.get(cells.size() - 1).column() == column) {
            cells.set(cells.size() - 1, cell);   // a cell written twice: the last one wins, as in Excel
        } else {
            cells.add(cell);
        }
        nextColumn = column + 1;
    }

    private void endRow() throws Stop {
        SheetRow row = new SheetRow(sheet, rowNumber, cells);
        lastRowNumber = rowNumber;
        boolean goOn;
        try {
            goOn = handler.row(row);
        } catch (RuntimeException e) {
            throw new Stop(e);
        }
        if (!goOn) {
            throw new Stop(null);
        }
    }

    /** An ISO 8601 date cell ({@code t="d"}), shown with the cell's format like a date serial. */
    private SheetCell isoDate(String iso, String f) {
        LocalDateTime date;
        try {
            date = iso.length() <= 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return CellValues.text(column, iso, f);
        }
        double serial = DateUtil.getExcelDate(date, values.date1904());
        NumberFormat format = formatOf(style);
        SheetCell asNumber = values.number(column, serial, format.index(), format.format(), f);
        return new SheetCell(column, null, CellKind.DATE, iso, asNumber.formatted(), date, f);
    }

    private NumberFormat formatOf(int styleIndex) {
        return formats.computeIfAbsent(styleIndex, i -> {
            if (styles == null) {
                return new NumberFormat(0, "General");
            }
            try {
                XSSFCellStyle cellStyle = i >= 0 ? styles.getStyleAt(i)
                        : styles.getNumCellStyles() > 0 ? styles.getStyleAt(0) : null;
                if (cellStyle == null) {
                    return new NumberFormat(0, "General");
                }
                short index = cellStyle.getDataFormat();
                String format = cellStyle.getDataFormatString();
                if (format == null) {
                    format = BuiltinFormats.getBuiltinFormat(index);
                }
                return new NumberFormat(index, format == null ? "General" : format);
            } catch (RuntimeException e) {
                return new NumberFormat(0, "General");   // a style index past the styles table
            }
        });
    }

    /** {@code AB12} as {column 27, row 12}; the row is 0 when the reference has none; null when not a reference. */
    static int[] parseCellRef(String ref) {
        int i = 0;
        int col = 0;
        String s = ref.trim().replace("$", "");
        while (i < s.length() && Character.isLetter(s.charAt(i))) {
            char c = Character.toUpperCase(s.charAt(i));
            if (c < 'A' || c > 'Z') {
                return null;
            }
            col = col * 26 + (c - 'A' + 1);
            if (col > 16_384) {
                return null;
            }
            i++;
        }
        if (i == 0) {
            return null;
        }
        int row = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            row = row * 10 + (c - '0');
            if (row > 1_048_576) {
                return null;
            }
        }
        return new int[] {col - 1, row};
    }

    /** OOXML escapes characters XML cannot hold as {@code _xHHHH_} (e.g. {@code _x000D_} for a carriage return). */
    static String decodeEscapes(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (i + 7 <= text.length() && text.charAt(i) == '_' && text.charAt(i + 1) == 'x' && text.charAt(i + 6) == '_'
                    && isHex(text, i + 2, i + 6)) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 7;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
