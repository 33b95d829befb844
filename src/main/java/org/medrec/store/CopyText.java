package org.medrec.store;

import java.util.List;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format: tab between fields, {@code \N} for
 * null, backslash escapes for tab, newline, carriage return and backslash; arrays as array
 * literals. Not thread-safe.
 */
final class CopyText {

    private final StringBuilder out = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private int rows;

    CopyText field(Object value) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        if (value == null) {
            out.append("\\N");
        } else {
            escape(value.toString());
        }
        return this;
    }

    /** A text[] value: every element quoted, nulls as NULL. */
    CopyText array(List<String> elements) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            String e = elements.get(i);
            if (e == null) {
                literal.append("NULL");
            } else {
                literal.append('"').append(e.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            }
        }
        return field(literal.append('}').toString());
    }

    CopyText endRow() {
        out.append('\n');
        rowStarted = false;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    int length() {
        return out.length();
    }

    String text() {
        return out.toString();
    }

    void clear() {
        out.setLength(0);
        rows = 0;
        rowStarted = false;
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
