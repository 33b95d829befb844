package org.medrec.spreadsheet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medrec.testing.Fixtures;

/** Reading whole test files into memory (they are small). */
final class TestTables {

    private TestTables() {
    }

    static Path resource(String name) {
        return Fixtures.resource(name);
    }

    static List<SheetRow> rows(TableReader reader, SheetInfo sheet) throws IOException {
        List<SheetRow> rows = new ArrayList<>();
        reader.read(sheet, rows::add);
        return rows;
    }

    /** Every sheet's rows, by sheet name, in workbook order. */
    static Map<String, List<SheetRow>> read(Path file) {
        try (TableReader reader = TableReader.open(file)) {
            Map<String, List<SheetRow>> sheets = new LinkedHashMap<>();
            for (SheetInfo sheet : reader.sheets()) {
                sheets.put(sheet.name(), rows(reader, sheet));
            }
            return sheets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The only (or first) sheet's rows. */
    static List<SheetRow> firstSheet(Path file) {
        return read(file).values().iterator().next();
    }

    /** The row with this number. */
    static SheetRow row(List<SheetRow> rows, int rowNumber) {
        return rows.stream().filter(r -> r.rowNumber() == rowNumber).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + rowNumber));
    }

    static SheetCell cell(List<SheetRow> rows, int rowNumber, int column) {
        return row(rows, rowNumber).cell(column).orElseThrow(() -> new AssertionError("no cell "
                + SheetCell.columnName(column) + rowNumber));
    }
}
