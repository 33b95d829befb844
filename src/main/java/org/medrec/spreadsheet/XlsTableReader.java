package org.medrec.spreadsheet;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Reads an Excel 97-2003 workbook (.xls, BIFF8) with HSSF. The whole workbook is in memory while
 * the reader is open (an .xls holds at most 65,536 rows per sheet). Not thread-safe.
 */
final class XlsTableReader implements TableReader {

    private final POIFSFileSystem fs;
    private final HSSFWorkbook workbook;
    private final CellValues values;
    private final List<SheetInfo> sheets;

    private XlsTableReader(POIFSFileSystem fs, HSSFWorkbook workbook) {
        this.fs = fs;
        this.workbook = workbook;
        this.values = new CellValues(workbook.getInternalWorkbook().isUsing1904DateWindowing());
        List<SheetInfo> infos = new ArrayList<>();
        for (int i = 0; i < workbook.getNumberOfSheets(); i++) {
            Sheet sheet = workbook.getSheetAt(i);
            Set<Integer> hidden = new TreeSet<>();
            for (int c = 0; c <= SpreadsheetVersion.EXCEL97.getLastColumnIndex(); c++) {
                if (sheet.isColumnHidden(c)) {
                    hidden.add(c);
                }
            }
            List<MergedRegion> merged = new ArrayList<>();
            for (CellRangeAddress r : sheet.getMergedRegions()) {
                if (merged.size() < SheetInfo.MAX_MERGED_REGIONS) {
                    merged.add(new MergedRegion(r.getFirstRow() + 1, r.getLastRow() + 1, r.getFirstColumn(), r.getLastColumn()));
                }
            }
            SheetInfo.Visibility visibility = switch (workbook.getSheetVisibility(i)) {
                case VISIBLE -> SheetInfo.Visibility.VISIBLE;
                case HIDDEN -> SheetInfo.Visibility.HIDDEN;
                case VERY_HIDDEN -> SheetInfo.Visibility.VERY_HIDDEN;
            };
            infos.add(new SheetInfo(i, workbook.getSheetName(i), visibility, hidden, merged));
        }
        this.sheets = List.copyOf(infos);
    }

    static XlsTableReader open(Path file) throws TableReadException {
        POIFSFileSystem fs = null;
        try {
            fs = new POIFSFileSystem(file.toFile(), true);
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new TableReadException(TableReadException.Problem.ENCRYPTED,
                        "a password-protected Excel workbook; remove the password in Excel and migrate it again", null);
            }
            if (!(root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book") || root.hasEntry("BOOK"))) {
                throw new TableReadException(TableReadException.Problem.UNSUPPORTED,
                        "an Office file that is not an Excel workbook (no Workbook stream)", null);
            }
            HSSFWorkbook workbook = new HSSFWorkbook(root, false);
            return new XlsTableReader(fs, workbook);
        } catch (TableReadException e) {
            closeQuietly(fs);
            throw e;
        } catch (EncryptedDocumentException e) {
            closeQuietly(fs);
            throw new TableReadException(TableReadException.Problem.ENCRYPTED,
                    "a password is required to open it; remove the password in Excel and migrate it again", e);
        } catch (OldExcelFormatException e) {
            closeQuietly(fs);
            throw new TableReadException(TableReadException.Problem.UNSUPPORTED,
                    "Excel 5.0/95 or older workbook (BIFF5 or earlier); open it in Excel and save it as .xlsx", e);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            closeQuietly(fs);
            throw new TableReadException(TableReadException.Problem.DAMAGED,
                    "the XLS workbook cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public void read(SheetInfo info, RowHandler handler) throws TableReadException {
        if (info.index() >= sheets.size() || !sheets.get(info.index()).name().equals(info.name())) {
            throw new IllegalArgumentException("no sheet named '" + info.name() + "'");
        }
        Sheet sheet = workbook.getSheetAt(info.index());
        int last = 0;
        for (Row row : sheet) {
            SheetRow read;
            try {
                List<SheetCell> cells = new ArrayList<>(Math.max(0, row.getLastCellNum()));
                for (Cell cell : row) {
                    cells.add(toCell(cell));
                }
                read = new SheetRow(info.name(), row.getRowNum() + 1, cells);
            } catch (RuntimeException e) {
                throw new TableReadException(TableReadException.Problem.DAMAGED, "a cell cannot be read ("
                        + e.getClass().getSimpleName() + ")", info.name(), last, e);
            }
            last = read.rowNumber();
            if (!handler.row(read)) {
                return;
            }
        }
    }

    private SheetCell toCell(Cell cell) {
        int column = cell.getColumnIndex();
        CellType type = cell.getCellType();
        String formula = null;
        if (type == CellType.FORMULA) {
            formula = formulaOf(cell);
            type = cell.getCachedFormulaResultType();
        }
        return switch (type) {
            case NUMERIC -> {
                CellStyle style = cell.getCellStyle();
                yield values.number(column, cell.getNumericCellValue(), style.getDataFormat(),
                        style.getDataFormatString(), formula);
            }
            case STRING -> CellValues.text(column, cell.getStringCellValue(), formula);
            case BOOLEAN -> CellValues.bool(column, cell.getBooleanCellValue(), formula);
            case ERROR -> CellValues.error(column, errorCode(cell.getErrorCellValue()), formula);
            default -> CellValues.blank(column, formula);
        };
    }

    private static String formulaOf(Cell cell) {
        try {
            return cell.getCellFormula();
        } catch (RuntimeException e) {
            return "";   // a formula HSSF cannot render back to text; its cached value still counts
        }
    }

    private static String errorCode(byte code) {
        try {
            return FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            return "#N/A";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            workbook.close();
        } finally {
            fs.close();
        }
    }

    private static void closeQuietly(POIFSFileSystem fs) {
        if (fs != null) {
            try {
                fs.close();
            } catch (IOException | RuntimeException ignored) {
                // already failing
            }
        }
    }
}
