package org.medrec.spreadsheet;

/** What a cell holds, whatever the file format. A formula cell has the kind of its cached result. */
public enum CellKind {
    /** Text as stored (CSV and TSV fields are always text, or blank when empty). */
    TEXT,
    /** A number that is not formatted as a date. */
    NUMBER,
    /** A number formatted as a date or time; {@link SheetCell#date()} holds it. */
    DATE,
    /** TRUE or FALSE. */
    BOOLEAN,
    /** An error value such as {@code #VALUE!} or {@code #DIV/0!}, stored or computed by a formula. */
    FORMULA_ERROR,
    /** No value: an empty CSV field, a formatted empty cell, or a formula without a cached result. */
    BLANK
}
