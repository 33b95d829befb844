package org.medrec.store;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** A stored row as comparable text: its columns in name order, arrays spelt out, the named columns left out. */
final class RowText {

    private RowText() {
    }

    static String values(Map<String, Object> row, String... without) {
        Map<String, Object> kept = new TreeMap<>();
        row.forEach((k, v) -> kept.put(k, v instanceof Array a ? arrayText(a) : v));
        for (String w : without) {
            kept.remove(w);
        }
        return kept.toString();
    }

    private static String arrayText(Array array) {
        try {
            return Arrays.toString((Object[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
