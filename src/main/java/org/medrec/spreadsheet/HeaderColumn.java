package org.medrec.spreadsheet;

import java.util.Objects;

/**
 * A column of a located table.
 *
 * @param column     0-based index
 * @param columnName the column letters ({@code A}, {@code B}, ...)
 * @param name       the header text, trimmed; empty for a column without a header. A merged header
 *                   cell names every column it spans; in a two-row header, a cell of the upper row
 *                   with nothing below it names its column
 * @param group      in a two-row header, the upper row's label over this column ({@code Visit}
 *                   over {@code Date} and {@code Provider}); null otherwise
 * @param hidden     true when the column is hidden in the workbook
 */
public record HeaderColumn(int column, String columnName, String name, String group, boolean hidden) {

    public HeaderColumn {
        Objects.requireNonNull(name, "name");
        columnName = columnName == null ? SheetCell.columnName(column) : columnName;
    }

    /** The group and the name ({@code Visit Date}), or the name alone. */
    public String qualifiedName() {
        return group == null || group.isEmpty() ? name : group + " " + name;
    }
}
