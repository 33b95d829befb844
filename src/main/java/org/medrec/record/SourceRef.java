package org.medrec.record;

import java.util.Objects;

/**
 * Where a value stands in its source: a page and a box (pixels of the page image: x, y, width,
 * height) for charts, or a sheet, row and column for spreadsheets; or a whole file, for review
 * items about the file itself (a stored value always has a page or a row: the store checks it).
 */
public record SourceRef(long sourceFileId, String path, Integer page, int[] box, String sheet, Integer row,
                        String column, Method method) {

    public SourceRef {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(method, "method");
        if (box != null && box.length != 4) {
            throw new IllegalArgumentException("a box is x, y, width, height");
        }
        box = box == null ? null : box.clone();
    }

    public static SourceRef onPage(long sourceFileId, String path, int page, int[] box, Method method) {
        return new SourceRef(sourceFileId, path, page, box, null, null, null, method);
    }

    /** A whole file (for review items about the file, not a value). */
    public static SourceRef wholeFile(long sourceFileId, String path, Method method) {
        return new SourceRef(sourceFileId, path, null, null, null, null, null, method);
    }

    public static SourceRef inSheet(long sourceFileId, String path, String sheet, int row, String column) {
        return new SourceRef(sourceFileId, path, null, null, sheet, row, column, Method.SPREADSHEET);
    }

    /** The box as a PostgreSQL integer array literal ({@code {x,y,w,h}}), or null. */
    public String boxLiteral() {
        return box == null ? null : "{" + box[0] + "," + box[1] + "," + box[2] + "," + box[3] + "}";
    }

    @Override
    public int[] box() {
        return box == null ? null : box.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceRef s && sourceFileId == s.sourceFileId && path.equals(s.path)
                && Objects.equals(page, s.page) && java.util.Arrays.equals(box, s.box) && Objects.equals(sheet, s.sheet)
                && Objects.equals(row, s.row) && Objects.equals(column, s.column) && method == s.method;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceFileId, path, page, java.util.Arrays.hashCode(box), sheet, row, column, method);
    }
}
