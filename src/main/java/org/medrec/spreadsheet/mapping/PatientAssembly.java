package org.medrec.spreadsheet.mapping;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medrec.record.ReviewPolicy;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.Normalized;

/**
 * One patient's rows of one file, in the order they were read (sheet by sheet, row by row), made
 * into the patient's record: entries numbered per patient in row order; a demographic value kept
 * once, a differing one marked for review; the MRN once. A row dated before the patient's birth
 * (a visit, dose, charge or appointment) is a bad row, as on charts, and so is a row whose own birth
 * date comes after its own visit (a birth date in the future of the export, whatever the file's
 * other rows say). Not thread-safe.
 */
public final class PatientAssembly {

    /** The record (null when no row is left) and the rows that turned out bad. */
    public record Assembled(ExtractedRecord record, List<FileRecords.BadRow> badRows) {
    }

    /** The dates of a visit, a dose, a charge and an appointment: none can be before the birth. */
    private static final Set<String> DATED_ENTRIES = Set.of("encounters[].date", "immunizations[].date",
            "charges[].date", "appointments[].date");

    private final SourceMapping source;
    private final long sourceFileId;
    private final String path;
    private final String mrn;
    private final List<MappedRow> rows = new ArrayList<>();

    public PatientAssembly(SourceMapping source, long sourceFileId, String path, String mrn) {
        this.source = source;
        this.sourceFileId = sourceFileId;
        this.path = path;
        this.mrn = mrn;
    }

    public String mrn() {
        return mrn;
    }

    public void add(MappedRow row) {
        if (!row.mrn().equals(mrn)) {
            throw new IllegalArgumentException("a row of another patient");
        }
        rows.add(row);
    }

    public Assembled assemble() {
        LocalDate birth = birthDate();
        List<FileRecords.BadRow> bad = new ArrayList<>();
        List<FieldValue> fields = new ArrayList<>();
        Map<String, Integer> nextIndex = new HashMap<>();
        Map<String, FieldValue> demographics = new HashMap<>();
        List<String> kinds = new ArrayList<>();
        for (MappedRow row : rows) {
            FileRecords.BadRow early = beforeBirth(row, birth);
            if (early != null) {
                bad.add(early);
                continue;
            }
            if (!kinds.contains(row.kind())) {
                kinds.add(row.kind());
            }
            Map<String, Integer> rowIndex = new HashMap<>();
            for (MappedValue value : row.values()) {
                String resolved = resolve(value.template(), nextIndex, rowIndex);
                SourceRef where = SourceRef.inSheet(sourceFileId, path, row.sheet(), row.row(), value.column());
                FieldValue placed = new FieldValue(resolved, value.raw(), value.value(), value.confidence(), where,
                        value.reason());
                if (resolved.startsWith("patient.") && !resolved.startsWith("patient.insurance")) {
                    FieldValue known = demographics.putIfAbsent(resolved, placed);
                    if (known != null) {
                        if (known.value() != null && placed.value() != null && !known.value().equalsIgnoreCase(placed.value())) {
                            fields.add(new FieldValue(resolved, placed.raw(), placed.value(), ReviewPolicy.DOUBTFUL_CONFIDENCE,
                                    placed.source(), "differs from row " + known.source().row() + " of this file"));
                        }
                        continue;
                    }
                } else if (resolved.equals("mrn") && fields.stream().anyMatch(f -> f.path().equals("mrn"))) {
                    continue;
                }
                fields.add(placed);
            }
        }
        ExtractedRecord record = kinds.isEmpty() ? null
                : new ExtractedRecord(source.identifierSystem(), mrn, String.join("+", kinds), fields);
        return new Assembled(record, List.copyOf(bad));
    }

    /** The patient's birth date as the record keeps it: the first one read, if it is a date, of a row not born after its visit. */
    private LocalDate birthDate() {
        for (MappedRow row : rows) {
            if (beforeBirth(row, null) != null) {
                continue;
            }
            for (MappedValue v : row.values()) {
                if (v.template().equals("patient.birth_date") && v.value() != null) {
                    return date(v.value());
                }
            }
        }
        return null;
    }

    private FileRecords.BadRow beforeBirth(MappedRow row, LocalDate birth) {
        LocalDate own = row.values().stream().filter(v -> v.template().equals("patient.birth_date") && v.value() != null)
                .map(v -> date(v.value())).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (own != null) {
            // a birth date written after the row's own visit (a birth date in the future when the row was written)
            for (MappedValue v : row.values()) {
                if (DATED_ENTRIES.contains(v.template()) && v.value() != null && date(v.value()) != null
                        && date(v.value()).isBefore(own)) {
                    String what = v.template().substring(0, v.template().indexOf('['));
                    return new FileRecords.BadRow(row.sheet(), row.row(), v.column(), v.raw(), "the birth date on this row ("
                            + own + ") is after the date of its " + ENTRY_NAMES.get(what) + " (" + v.value()
                            + "): an impossible birth date", mrn, source.identifierSystem());
                }
            }
        }
        if (birth == null) {
            return null;
        }
        for (MappedValue v : row.values()) {
            if (DATED_ENTRIES.contains(v.template()) && v.value() != null) {
                Normalized order = ClinicalDates.checkNotBefore(date(v.value()), birth);
                if (order.status() == Normalized.Status.INVALID) {
                    String what = v.template().substring(0, v.template().indexOf('['));
                    return new FileRecords.BadRow(row.sheet(), row.row(), v.column(), v.raw(),
                            "the date of this " + ENTRY_NAMES.get(what) + " (" + order.problem() + ")", mrn,
                            source.identifierSystem());
                }
            }
        }
        return null;
    }

    private static final Map<String, String> ENTRY_NAMES = Map.of("encounters", "visit", "immunizations", "dose",
            "charges", "charge", "appointments", "appointment");

    private static LocalDate date(String iso) {
        try {
            return LocalDate.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Turns {@code encounters[].diagnoses[].code} into {@code encounters[3].diagnoses[1].code} for this row. */
    private static String resolve(String template, Map<String, Integer> nextIndex, Map<String, Integer> rowIndex) {
        if (!template.contains("[]")) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        String[] steps = template.split("\\.");
        String scope = "";
        for (int s = 0; s < steps.length; s++) {
            String step = steps[s];
            if (s > 0) {
                out.append('.');
            }
            if (!step.endsWith("[]")) {
                out.append(step);
                continue;
            }
            String name = step.substring(0, step.length() - 2);
            String key = scope + name;
            boolean last = s == steps.length - 2;   // the entry whose field this is
            Integer index;
            if (scope.isEmpty()) {
                index = rowIndex.computeIfAbsent(key, k -> nextIndex.merge(k, 1, Integer::sum) - 1);
            } else if (last) {
                index = rowIndex.merge(key + "#", 1, Integer::sum) - 1;   // nested: a new one per value
            } else {
                index = rowIndex.get(key);
            }
            out.append(name).append('[').append(index).append(']');
            scope = key + "[" + index + "].";
        }
        return out.toString();
    }
}
