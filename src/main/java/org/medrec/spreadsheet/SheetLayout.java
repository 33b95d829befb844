package org.medrec.spreadsheet;

import java.util.List;
import java.util.Objects;

/**
 * What a whole sheet turned out to hold, once every row was classified: the same facts as the
 * {@code layout} of the corpus truth files.
 *
 * @param sheet        the sheet name
 * @param header       the located header, or null when none was found (every non-empty row is data)
 * @param firstDataRow 0 when there are no data rows
 * @param lastDataRow  0 when there are no data rows
 * @param emptyRows    empty rows between the first and the last data row (rows the file leaves out
 *                     included), ascending; at most {@link RowClassifier#MAX_EMPTY_ROWS_LISTED}
 * @param totalsRow    the last totals row, 0 when none
 * @param dataRows     how many data rows
 */
public record SheetLayout(String sheet, TableHeader header, int firstDataRow, int lastDataRow, List<Integer> emptyRows,
                          int totalsRow, long dataRows) {

    public SheetLayout {
        Objects.requireNonNull(sheet, "sheet");
        emptyRows = List.copyOf(emptyRows);
    }

    /** The header row number, 0 when no header was found. */
    public int headerRow() {
        return header == null ? 0 : header.headerRow();
    }

    /** The header names, empty when no header was found. */
    public List<String> columns() {
        return header == null ? List.of() : header.names();
    }

    /** The names of the hidden columns. */
    public List<String> hiddenColumns() {
        return header == null ? List.of() : header.hiddenColumns().stream().map(HeaderColumn::name).toList();
    }
}
