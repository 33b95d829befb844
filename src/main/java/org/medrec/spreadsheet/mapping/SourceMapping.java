package org.medrec.spreadsheet.mapping;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How the exports of one legacy system are read: which clinic's identifier system its MRNs
 * belong to, how it writes MRNs and dates, and which headers of which sheet mean which
 * record-model path. Loaded from {@code jobs/mappings/*.yml}. Thread-safe (immutable).
 */
public record SourceMapping(String name, String system, String identifierSystem, MrnFormat mrn, List<String> dateFormats,
                            boolean decimalComma, List<SheetMapping> sheets) {

    public SourceMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifierSystem, name + ": identifier-system is required");
        Objects.requireNonNull(mrn, name + ": mrn is required");
        dateFormats = List.copyOf(dateFormats);
        sheets = List.copyOf(sheets);
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException(name + ": a mapping needs at least one sheet");
        }
    }

    /** The clinic's MRN: its format, and the width to pad back when a spreadsheet dropped leading zeros. */
    public record MrnFormat(Pattern format, Integer zeroPad) {

        public MrnFormat {
            Objects.requireNonNull(format, "mrn format");
        }

        /** The MRN as the clinic writes it, or null when the text is not one of its MRNs. */
        public String normalise(String text) {
            if (text == null) {
                return null;
            }
            String t = text.strip();
            if (t.endsWith(".0") && t.substring(0, t.length() - 2).chars().allMatch(Character::isDigit)) {
                t = t.substring(0, t.length() - 2);   // a number cell
            }
            if (zeroPad != null && !t.isEmpty() && t.length() < zeroPad && t.chars().allMatch(Character::isDigit)) {
                t = "0".repeat(zeroPad - t.length()) + t;
            }
            return format.matcher(t).matches() ? t : null;
        }
    }
}
