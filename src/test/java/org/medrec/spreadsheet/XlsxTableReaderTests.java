package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medrec.spreadsheet.TestTables.cell;
import static org.medrec.spreadsheet.TestTables.firstSheet;
import static org.medrec.spreadsheet.TestTables.read;
import static org.medrec.spreadsheet.TestTables.resource;
import static org.medrec.spreadsheet.TestTables.row;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxTableReaderTests {

    @TempDir
    Path dir;

    @Test
    void shouldKeepNumbersAsStoredAndTextAsWritten() throws IOException {
        Path file = workbook("values.xlsx", false, wb -> {
            XSSFSheet sheet = wb.createSheet("Patients");
            XSSFRow row = sheet.createRow(0);
            row.createCell(0).setCellValue(12345);                  // an MRN stored as a number
            row.createCell(1).setCellValue("00012345");             // an MRN stored as text
            row.createCell(2).setCellValue(0.1 + 0.2);
            row.createCell(3).setCellValue(1234567.5);
            row.getCell(3).setCellStyle(style(wb, "#,##0.00"));
            row.createCell(4).setCellValue(1e21);
            row.createCell(5).setCellValue("Ruiz  ");
            row.createCell(6).setCellValue(true);
            row.createCell(7).setCellErrorValue(FormulaError.DIV0);
            row.createCell(8).setCellValue(-0.5);
            row.createCell(9).setCellValue("");
        });

        SheetRow row = row(firstSheet(file), 1);

        assertThat(row.cells()).extracting(SheetCell::kind).containsExactly(CellKind.NUMBER, CellKind.TEXT,
                CellKind.NUMBER, CellKind.NUMBER, CellKind.NUMBER, CellKind.TEXT, CellKind.BOOLEAN,
                CellKind.FORMULA_ERROR, CellKind.NUMBER, CellKind.TEXT);
        assertThat(row.cells()).extracting(SheetCell::text).containsExactly("12345", "00012345", "0.30000000000000004",
                "1234567.5", "1000000000000000000000", "Ruiz  ", "TRUE", "#DIV/0!", "-0.5", "");
        assertThat(row.cells()).extracting(SheetCell::formatted).containsExactly("12345", "00012345", "0.3",
                "1,234,567.50", "1E+21", "Ruiz  ", "TRUE", "#DIV/0!", "-0.5", "");
        assertThat(row.cells()).extracting(SheetCell::columnName).containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J");
        assertThat(row.cell(9).orElseThrow().isEmpty()).isTrue();
    }

    @Test
    void shouldReadDatesInThe1900And1904DateSystems() throws IOException {
        for (boolean date1904 : new boolean[] {false, true}) {
            Path file = workbook("dates-" + date1904 + ".xlsx", date1904, wb -> {
                XSSFRow row = wb.createSheet("Visits").createRow(0);
                row.createCell(0).setCellValue(LocalDate.of(2000, 1, 1));
                row.getCell(0).setCellStyle(style(wb, "m/d/yy"));
                row.createCell(1).setCellValue(LocalDateTime.of(2024, 6, 28, 18, 5));
                row.getCell(1).setCellStyle(style(wb, "yyyy-mm-dd hh:mm"));
            });
            try (XlsxTableReader reader = XlsxTableReader.open(file)) {
                assertThat(reader.date1904()).isEqualTo(date1904);
            }

            List<SheetRow> rows = firstSheet(file);

            SheetCell first = cell(rows, 1, 0);
            assertThat(first.kind()).isEqualTo(CellKind.DATE);
            assertThat(first.date()).as("1904: %s", date1904).isEqualTo(LocalDateTime.of(2000, 1, 1, 0, 0));
            assertThat(first.formatted()).isEqualTo("1/1/00");
            assertThat(first.text()).isEqualTo(date1904 ? "35064" : "36526");
            assertThat(cell(rows, 1, 1).date()).isEqualTo(LocalDateTime.of(2024, 6, 28, 18, 5));
            assertThat(cell(rows, 1, 1).formatted()).isEqualTo("2024-06-28 18:05");
        }
    }

    @Test
    void shouldReportSheetStatesHiddenColumnsAndMergedCells() throws IOException {
        Path file = workbook("layout.xlsx", false, wb -> {
            XSSFSheet visits = wb.createSheet("Visits");
            visits.createRow(0).createCell(0).setCellValue("Clinic export");
            visits.addMergedRegion(CellRangeAddress.valueOf("A1:E1"));
            visits.setColumnHidden(3, true);
            wb.createSheet("Lookups");
            wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
            wb.createSheet("Macros");
            wb.setSheetVisibility(2, SheetVisibility.VERY_HIDDEN);
        });

        try (TableReader reader = TableReader.open(file)) {
            List<SheetInfo> sheets = reader.sheets();

            assertThat(sheets).extracting(SheetInfo::name).containsExactly("Visits", "Lookups", "Macros");
            assertThat(sheets).extracting(SheetInfo::visibility).containsExactly(SheetInfo.Visibility.VISIBLE,
                    SheetInfo.Visibility.HIDDEN, SheetInfo.Visibility.VERY_HIDDEN);
            assertThat(sheets.get(0).hiddenColumns()).containsExactly(3);
            assertThat(sheets.get(0).mergedRegions()).containsExactly(new MergedRegion(1, 1, 0, 4));
        }
    }

    @Test
    void shouldGiveFormulaCellsTheirCachedResultAndTheFormula() throws IOException {
        Path file = workbook("formulas.xlsx", false, wb -> {
            XSSFRow row = wb.createSheet("Billing").createRow(0);
            row.createCell(0).setCellValue(14);
            row.createCell(1).setCellValue(7);
            row.createCell(2).setCellFormula("SUM(A1:B1)");      // no cached value written
            row.createCell(3).setCellFormula("A1+B1");
            wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(row.getCell(3));
        });

        SheetRow row = row(firstSheet(file), 1);

        SheetCell sum = row.cell(2).orElseThrow();
        assertThat(sum.kind()).isEqualTo(CellKind.BLANK);
        assertThat(sum.formula()).isEqualTo("SUM(A1:B1)");
        assertThat(sum.isEmpty()).as("a formula is not an empty cell").isFalse();
        SheetCell evaluated = row.cell(3).orElseThrow();
        assertThat(evaluated.kind()).isEqualTo(CellKind.NUMBER);
        assertThat(evaluated.text()).isEqualTo("21");
        assertThat(evaluated.formula()).isEqualTo("A1+B1");
    }

    @Test
    void shouldReadInlineStringsAndWorkbooksWithoutSharedStrings() {
        List<SheetRow> inline = firstSheet(resource("external/poi-spreadsheet/InlineStrings.xlsx"));
        List<SheetRow> noStrings = firstSheet(resource("external/poi-spreadsheet/noSharedStringTable.xlsx"));

        assertThat(row(inline, 1).cells()).extracting(SheetCell::text)
                .containsExactly("Numbers", "Strings", "Inline Strings", "Formulas");
        assertThat(row(inline, 7).cells()).extracting(SheetCell::text).containsExactly("21", "Longer Text", "The End", "9");
        assertThat(cell(inline, 7, 3).formula()).isEqualTo("A7-A$2");
        assertThat(cell(noStrings, 1, 0).date()).isEqualTo(LocalDateTime.of(2006, 4, 12, 0, 0));
        assertThat(cell(noStrings, 1, 1).formatted()).isEqualTo("123.00");
    }

    @Test
    void shouldReadSharedStringsWhoseCountIsWrongAndUnicodeSheetNames() throws IOException {
        Map<String, List<SheetRow>> malformed = read(resource("external/poi-spreadsheet/MalformedSSTCount.xlsx"));
        try (TableReader reader = TableReader.open(resource("external/poi-spreadsheet/unicodeSheetName.xlsx"))) {
            assertThat(reader.sheets().get(0).name()).isEqualTo("Sheet\u30FB1");
        }

        assertThat(row(malformed.get("Sheet1"), 2).cells()).extracting(SheetCell::text)
                .containsExactly("asdc", "sadc", "asdfXZc", "sadf");
    }

    @Test
    void shouldKeepOoxmlEscapedCharactersAndStopWhenAsked() throws IOException {
        assertThat(XlsxSheetHandler.decodeEscapes("line_x000D_\nnext _x_ _x00e9_")).isEqualTo("line\r\nnext _x_ \u00e9");
        int[] seen = {0};
        try (TableReader reader = TableReader.open(resource("spreadsheet/dev/s08_northgate_full.xlsx"))) {
            reader.read(reader.sheet("billing"), r -> ++seen[0] < 5);
        }
        assertThat(seen[0]).isEqualTo(5);
    }

    @Test
    void shouldPassOnTheHandlersOwnFailureUnwrapped() throws IOException {
        try (TableReader reader = TableReader.open(resource("spreadsheet/dev/s08_northgate_full.xlsx"))) {
            SheetInfo sheet = reader.sheets().get(0);
            assertThatThrownBy(() -> reader.read(sheet, r -> {
                throw new IllegalStateException("mapping failed");
            })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("mapping failed");
        }
    }

    @Test
    void shouldReadTheDevExportsMrnsAsNumbersAndCvxCodesAsStored() {
        Map<String, List<SheetRow>> medmgr = read(resource("spreadsheet/dev/s01_medmgr_export.xlsx"));
        Map<String, List<SheetRow>> northgate = read(resource("spreadsheet/dev/s08_northgate_full.xlsx"));

        SheetCell mrn = cell(medmgr.get("Patients"), 5, 0);
        assertThat(mrn.kind()).isEqualTo(CellKind.NUMBER);
        assertThat(mrn.text()).isEqualTo("13938");
        assertThat(cell(medmgr.get("Patients"), 7, 2).text()).as("trailing space kept").isEqualTo("Joseph ");
        assertThat(cell(medmgr.get("Patients"), 50, 5).kind()).as("a date typed as text").isEqualTo(CellKind.TEXT);
        assertThat(cell(northgate.get("immunizations"), 2, 1).text()).isEqualTo("8");
        assertThat(cell(northgate.get("encounters"), 2, 3).text()).as("an NPI, no exponent").isEqualTo("2425159813");
        assertThat(medmgr.get("Patients")).extracting(SheetRow::rowNumber).doesNotContain(28);
    }

    private interface WorkbookContent {
        void fill(XSSFWorkbook workbook);
    }

    private Path workbook(String name, boolean date1904, WorkbookContent content) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            if (date1904) {
                wb.getCTWorkbook().getWorkbookPr().setDate1904(true);
            }
            content.fill(wb);
            wb.write(out);
        }
        return file;
    }

    private static XSSFCellStyle style(XSSFWorkbook wb, String format) {
        XSSFCellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        return style;
    }
}
