package org.medrec.extraction.chart;

import java.util.List;
import java.util.Map;

/**
 * A ruled table a form prints: the record-model list its rows fill, the printed header spellings
 * of each column (keyed by the entry's field), the columns a header must show to be taken for this
 * table, the column whose cell starts a new row (a line without it continues the row above), and
 * the shapes of its rows, for tables whose header was not read. Columns named {@code skip...}
 * are printed but not taken (an allergy's type, a vaccine's manufacturer).
 * Immutable.
 */
public record TableSpec(String list, Map<String, List<String>> columns, List<String> required, String key, List<RowPattern> rows) {

    public TableSpec {
        if (list == null || columns == null || key == null) {
            throw new IllegalArgumentException("a table needs its list, columns and key");
        }
        columns = Map.copyOf(columns);
        required = required == null ? List.of() : List.copyOf(required);
        rows = rows == null ? List.of() : List.copyOf(rows);
        if (!columns.containsKey(key)) {
            throw new IllegalArgumentException("table " + list + ": the key column '" + key + "' has no header spellings");
        }
        for (String r : required) {
            if (!columns.containsKey(r)) {
                throw new IllegalArgumentException("table " + list + ": required column '" + r + "' has no header spellings");
            }
        }
    }
}
