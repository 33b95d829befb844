package org.medrec.spreadsheet.mapping;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the exports of one legacy system are read: which clinic's identifier system its MRNs
 * belong to, how it writes MRNs and dates, and which headers of which sheet mean which
 * record-model path. Loaded from {@code jobs/mappings/*.yml}. Thread-safe (immutable).
 */
public record SourceMapping(String name, String system, String identifierSystem, MrnFormat mrn, List<String> dateFormats,
                            boolean decimalComma, List<SheetMapping> sheets, List<Lookup> lookups,
                            List<NotMigrated> notMigrated) {

    public SourceMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(identifierSystem, name + ": identifier-system is required");
        Objects.requireNonNull(mrn, name + ": mrn is required");
        dateFormats = List.copyOf(dateFormats);
        sheets = List.copyOf(sheets);
        lookups = List.copyOf(lookups);
        notMigrated = List.copyOf(notMigrated);
        if (sheets.isEmpty()) {
            throw new IllegalArgumentException(name + ": a mapping needs at least one sheet");
        }
        for (SheetMapping sheet : sheets) {
            for (String table : sheet.lookUps().values()) {
                if (lookups.stream().noneMatch(l -> l.name().equals(table))) {
                    throw new IllegalArgumentException(sheet.kind() + ": look-up table '" + table + "' is not under lookups");
                }
            }
        }
    }

    /** The look-up table of this name. */
    public Lookup lookup(String name) {
        return lookups.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * A file of the export that holds no patient data, only what other files name by a key (a
     * payer's name for its Id): the headers that identify it, the key column and the value column.
     * {@code optional}: when no file of the table is beside the export, the columns that name its keys
     * are left empty (a provider's name) instead of held for a person to type (a payer).
     */
    public record Lookup(String name, List<String> headers, String key, String value, boolean optional) {

        public Lookup {
            Objects.requireNonNull(name, "name");
            headers = List.copyOf(headers);
            Objects.requireNonNull(key, name + ": key is required");
            Objects.requireNonNull(value, name + ": value is required");
            if (headers.isEmpty()) {
                throw new IllegalArgumentException(name + ": list the headers that identify this table");
            }
        }

        /** Whether a sheet with these headers is this table: every identifying header, the key and the value are present. */
        public boolean matches(List<String> sheetHeaders) {
            Set<String> present = Set.copyOf(sheetHeaders.stream().map(SheetMapping::normalise).toList());
            return Stream.concat(headers.stream(), Stream.of(key, value))
                    .map(SheetMapping::normalise).allMatch(present::contains);
        }
    }

    /**
     * A kind of file the export holds that medrec does not migrate by design (Synthea's care plans):
     * its headers (all of them, and no others: a file with other headers is not taken for it) and
     * why; such a file is reported as not migrated, not queued.
     */
    public record NotMigrated(String name, List<String> headers, String why) {

        public NotMigrated {
            Objects.requireNonNull(name, "name");
            headers = List.copyOf(headers);
            if (headers.isEmpty() || why == null || why.isBlank()) {
                throw new IllegalArgumentException(name + ": list the headers that identify it, and say why it is not migrated");
            }
        }

        public boolean matches(List<String> sheetHeaders) {
            return Set.copyOf(sheetHeaders.stream().map(SheetMapping::normalise).filter(h -> !h.isEmpty()).toList())
                    .equals(Set.copyOf(headers.stream().map(SheetMapping::normalise).toList()));
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
