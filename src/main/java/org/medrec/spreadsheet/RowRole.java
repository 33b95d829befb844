package org.medrec.spreadsheet;

/** What a row is to the table it belongs to. */
public enum RowRole {
    /** A title, report date or other line above the header. */
    ABOVE_HEADER,
    /** The header row, or the group labels row above a two-row header. */
    HEADER,
    /** A data row: the only role a mapping reads. */
    DATA,
    /** No cell shows anything. */
    EMPTY,
    /** A totals row ("Total", "Grand total", SUM formulas, or the sums of the columns above). */
    TOTALS,
    /** The header row printed again further down (page breaks in printed exports). */
    REPEATED_HEADER
}
