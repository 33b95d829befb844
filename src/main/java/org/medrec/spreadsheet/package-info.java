/**
 * Legacy spreadsheets (XLSX streamed, XLS, CSV/TSV) read row by row as {@link org.medrec.spreadsheet.SheetRow}s, the
 * header located and every row classified; {@code mapping} turns rows into records with the source system's mapping
 * from {@code jobs/mappings}.
 */
package org.medrec.spreadsheet;
