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

    /** A text[] value: every element quoted, nulls as NULL; written straight into the row (no literal built first). */
    CopyText array(List<String> elements) {
        if (rowStarted) {
            out.append('\t');
        }
        rowStarted = true;
        out.append('{');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String e = elements.get(i);
            if (e == null) {
                out.append("NULL");
            } else {
                out.append('"');
                int from = 0;
                for (int k = 0; k < e.length(); k++) {
                    char c = e.charAt(k);
                    String escaped = switch (c) {
                        case '\\' -> "\\\\\\\\";   // escaped for the array, then for COPY
                        case '"' -> "\\\\\"";
                        case '\t' -> "\\t";
                        case '\n' -> "\\n";
                        case '\r' -> "\\r";
                        default -> null;
                    };
                    if (escaped != null) {
                        out.append(e, from, k).append(escaped);
                        from = k + 1;
                    }
                }
                out.append(e, from, e.length()).append('"');
            }
        }
        out.append('}');
        return this;
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
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                out.append(s, from, i).append(switch (c) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    default -> "\\r";
                });
                from = i + 1;
            }
        }
        out.append(s, from, s.length());
    }
}
