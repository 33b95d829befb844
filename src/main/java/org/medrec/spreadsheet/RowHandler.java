package org.medrec.spreadsheet;

/** Receives the rows of one sheet, in order, from {@link TableReader#read}. */
@FunctionalInterface
public interface RowHandler {

    /**
     * @return true to go on, false to stop reading this sheet
     */
    boolean row(SheetRow row);
}
