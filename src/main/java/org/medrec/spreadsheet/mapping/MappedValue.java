package org.medrec.spreadsheet.mapping;

/**
 * One value of a {@link MappedRow}: its path template, the cell's text, the normal form (null when
 * a person must type it), confidence, the cell's column letter, and why it needs review (or null).
 */
public record MappedValue(String template, String raw, String value, double confidence, String column, String reason) {
}
