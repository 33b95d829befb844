package org.medrec.spreadsheet;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a sheet's table starts: its header row and what each column is called.
 *
 * @param sheet     the sheet name
 * @param headerRow the row number of the header (the lower row of a two-row header)
 * @param groupRow  the row number of the group labels above a two-row header, 0 when none
 * @param columns   from column A to the last named column, unnamed ones included
 */
public record TableHeader(String sheet, int headerRow, int groupRow, List<HeaderColumn> columns) {

    public TableHeader {
        Objects.requireNonNull(sheet, "sheet");
        if (headerRow < 1 || groupRow < 0 || groupRow >= headerRow) {
            throw new IllegalArgumentException("header row " + headerRow + " with group row " + groupRow);
        }
        columns = List.copyOf(columns);
    }

    /** The header names in column order (empty for unnamed columns). */
    public List<String> names() {
        return columns.stream().map(HeaderColumn::name).toList();
    }

    /** The named columns that are hidden in the workbook. */
    public List<HeaderColumn> hiddenColumns() {
        return columns.stream().filter(HeaderColumn::hidden).filter(c -> !c.name().isEmpty()).toList();
    }

    /** The first column with this name, compared without case. */
    public Optional<HeaderColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(name.strip())).findFirst();
    }
}
