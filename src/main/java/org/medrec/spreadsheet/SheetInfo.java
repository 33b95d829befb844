package org.medrec.spreadsheet;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader knows about a sheet before its rows are read.
 *
 * @param index         0-based position in the workbook (0 for CSV and TSV)
 * @param name          the sheet name (for CSV and TSV, the file name without its extension)
 * @param visibility    the sheet state; CSV and TSV are visible
 * @param hiddenColumns 0-based indexes of hidden columns, ascending
 * @param mergedRegions merged cell blocks (at most {@link #MAX_MERGED_REGIONS}, the first ones
 *                      in the file)
 */
public record SheetInfo(int index, String name, Visibility visibility, Set<Integer> hiddenColumns,
                        List<MergedRegion> mergedRegions) {

    /** Merged regions kept per sheet; a sheet with more keeps the first ones in file order. */
    public static final int MAX_MERGED_REGIONS = 100_000;

    /** Excel's sheet states. */
    public enum Visibility { VISIBLE, HIDDEN, VERY_HIDDEN }

    public SheetInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(visibility, "visibility");
        hiddenColumns = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(hiddenColumns));
        mergedRegions = List.copyOf(mergedRegions);
    }

    /** True when the sheet is hidden or very hidden in Excel. */
    public boolean hidden() {
        return visibility != Visibility.VISIBLE;
    }

    public boolean isColumnHidden(int column) {
        return hiddenColumns.contains(column);
    }
}
