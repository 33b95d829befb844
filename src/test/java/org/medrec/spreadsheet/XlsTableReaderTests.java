package org.medrec.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medrec.spreadsheet.TestTables.cell;
import static org.medrec.spreadsheet.TestTables.firstSheet;
import static org.medrec.spreadsheet.TestTables.resource;
import static org.medrec.spreadsheet.TestTables.row;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsTableReaderTests {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheSameDateInThe1900And1904DateWindowingFiles() {
        // both files hold 1 January 2000 in A1 and B1: serial 36526 in the 1900 system, 35064 in the 1904 one
        List<SheetRow> dates1900 = firstSheet(resource("external/poi-spreadsheet/1900DateWindowing.xls"));
        List<SheetRow> dates1904 = firstSheet(resource("external/poi-spreadsheet/1904DateWindowing.xls"));

        for (List<SheetRow> rows : List.of(dates1900, dates1904)) {
            assertThat(row(rows, 1).cells()).extracting(SheetCell::kind).containsExactly(CellKind.DATE, CellKind.DATE);
            assertThat(row(rows, 1).cells()).extracting(SheetCell::date)
                    .containsOnly(LocalDateTime.of(2000, 1, 1, 0, 0));
            assertThat(row(rows, 1).cells()).extracting(SheetCell::formatted).containsOnly("1/1/00");
        }
        assertThat(cell(dates1900, 1, 0).text()).isEqualTo("36526");
        assertThat(cell(dates1904, 1, 0).text()).isEqualTo("35064");
    }

    @Test
    void shouldReportHiddenColumnsHiddenSheetsAndMergedCells() throws IOException {
        Path file = dir.resolve("layout.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            HSSFSheet sheet = wb.createSheet("Immunizations");
            HSSFRow title = sheet.createRow(0);
            title.createCell(0).setCellValue("Harbor immunization listing");
            sheet.addMergedRegion(CellRangeAddress.valueOf("A1:D1"));
            HSSFRow row = sheet.createRow(2);
            row.createCell(0).setCellValue(12345);
            row.createCell(1).setCellValue("08");
            sheet.setColumnHidden(2, true);
            wb.createSheet("Old");
            wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
            wb.write(out);
        }

        try (TableReader reader = TableReader.open(file)) {
            List<SheetInfo> sheets = reader.sheets();
            assertThat(sheets).extracting(SheetInfo::hidden).containsExactly(false, true);
            assertThat(sheets.get(0).hiddenColumns()).containsExactly(2);
            assertThat(sheets.get(0).mergedRegions()).containsExactly(new MergedRegion(1, 1, 0, 3));
            List<SheetRow> rows = TestTables.rows(reader, sheets.get(0));
            assertThat(rows).extracting(SheetRow::rowNumber).containsExactly(1, 3);
            assertThat(row(rows, 3).cells()).extracting(SheetCell::kind).containsExactly(CellKind.NUMBER, CellKind.TEXT);
            assertThat(row(rows, 3).cells()).extracting(SheetCell::text).containsExactly("12345", "08");
        }
    }

    @Test
    void shouldReadTheHarborExportWithItsTitleBlanksAndTextDates() {
        List<SheetRow> rows = firstSheet(resource("spreadsheet/dev/s04_harbor_immunizations.xls"));

        assertThat(row(rows, 1).nonEmptyCells()).hasSize(1);
        assertThat(row(rows, 1).cells()).as("the merged title's other cells are stored blank").hasSize(8);
        assertThat(cell(rows, 3, 2).date()).isEqualTo(LocalDateTime.of(2007, 4, 10, 0, 0));
        assertThat(cell(rows, 3, 4).text()).as("CVX stored as text keeps its zero").isEqualTo("08");
        assertThat(cell(rows, 4, 0).text()).as("a missing MRN stored as one space").isEqualTo(" ");
    }
}
