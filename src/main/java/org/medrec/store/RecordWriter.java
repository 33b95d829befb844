package org.medrec.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.RecordPath;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads a record whose values need no more review into the store, each value with its
 * provenance. The patient is found by (identifier system, MRN) or created. An entry that the
 * patient already has (the same immunization from a card and from a spreadsheet) is stored once,
 * with one provenance per source; a demographic value that disagrees with the stored one is not
 * overwritten but returned as a conflict for review. Thread-safe.
 */
@Repository
class RecordWriter {

    /** What a load did: the patient, and the values that disagree with what is stored. */
    record LoadResult(long patientId, List<Conflict> conflicts) {
    }

    /** A value that disagrees with the stored one (two birth dates). */
    record Conflict(FieldValue incoming, String stored) {
    }

    private static final Set<String> PATIENT_COLUMNS = Set.of("family", "suffix", "birth_date", "sex", "phone");

    private final JdbcClient jdbc;

    RecordWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    LoadResult load(ExtractedRecord record, Long documentId, Map<String, Reviewed> reviews) {
        return load(record, documentId, reviews, new JdbcStoreRows(jdbc));
    }

    /** As {@link #load(ExtractedRecord, Long, Map)}, through the given rows (the database, or a {@link BulkLoad}). */
    static LoadResult load(ExtractedRecord record, Long documentId, Map<String, Reviewed> reviews, StoreRows rows) {
        if (record.needsReview() && reviews.isEmpty()) {
            throw new IllegalArgumentException("a record with values to review cannot be loaded");
        }
        Objects.requireNonNull(record.mrn(), "a record is loaded under its MRN");
        Provenance provenance = new Provenance(rows, documentId, reviews);
        long patientId = patient(record, provenance, rows);
        List<Conflict> conflicts = new ArrayList<>();
        Map<String, Map<String, FieldValue>> entries = new LinkedHashMap<>();
        for (FieldValue field : record.fields()) {
            if (field.value() == null) {
                continue;   // rejected by a person: not in the source, or not to be loaded
            }
            RecordPath path = RecordPath.parse(field.path());
            String list = path.first().name();
            if (list.equals("patient") && path.steps().get(1).name().equals("insurance")) {
                String entry = path.steps().get(1).toString();   // insurance[0]
                entries.computeIfAbsent(entry, k -> new LinkedHashMap<>()).put(path.last().name(), field);
            } else if (list.equals("patient")) {
                demographic(patientId, path, field, provenance, conflicts, rows);
            } else if (path.first().index() != null) {
                String entry = path.steps().size() > 2 && path.steps().get(1).index() != null
                        ? path.first() + "." + path.steps().get(1)   // encounters[0].diagnoses[1]
                        : path.first().toString();
                entries.computeIfAbsent(entry, k -> new LinkedHashMap<>()).put(path.last().name(), field);
                if (list.equals("encounters") && path.steps().size() == 3 && path.steps().get(1).name().equals("vitals")) {
                    entries.get(entry).put("vitals." + path.last().name(), field);
                    entries.get(entry).remove(path.last().name());
                }
            }
        }
        new EntryWriter(rows, patientId, provenance).write(entries);
        return new LoadResult(patientId, conflicts);
    }

    private static long patient(ExtractedRecord record, Provenance provenance, StoreRows rows) {
        long systemId = rows.identifierSystem(record.identifierSystem());
        long[] identifier = rows.identifier(systemId, record.mrn()).orElseGet(() -> rows.newPatient(systemId, record.mrn()));
        long identifierId = identifier[0];
        long patientId = identifier[1];
        record.fields().stream().filter(f -> f.path().equals("mrn"))
                .forEach(f -> provenance.add("patient_identifier", identifierId, "value", f));
        return patientId;
    }

    private static void demographic(long patientId, RecordPath path, FieldValue field, Provenance provenance,
                                    List<Conflict> conflicts, StoreRows rows) {
        Target target = target(path);
        if (target == null) {
            return;   // not kept in the store (mobile, emergency contact)
        }
        String stored = rows.patientValue(patientId, target.column(), target.index());
        if (stored == null) {
            rows.setPatientValue(patientId, target.column(), target.index(), field.value());
        } else if (!sameValue(target.column(), stored, field.value())) {
            conflicts.add(new Conflict(field, stored));
            return;
        }
        provenance.add("patient", patientId, target.field(), field);
    }

    /**
     * Replaces a patient's demographic value ({@code patient.birth_date}, {@code patient.given[1]})
     * with one a person decided, typically where another source disagreed with the stored value.
     * The provenance of a value that changes is replaced by the decision's; an equal value gains
     * it. Empty when the patient (identifier system and MRN) is not in the store or the path is
     * not a value of the patient row.
     */
    java.util.Optional<RecordLoader.Replaced> replaceDemographic(String identifierSystem, String mrn, FieldValue field,
                                                           Long documentId, Reviewed review) {
        RecordPath path = RecordPath.parse(field.path());
        Target target = path.first().name().equals("patient") && path.steps().size() > 1 ? target(path) : null;
        if (target == null || field.value() == null) {
            return java.util.Optional.empty();
        }
        var patient = jdbc.sql("""
                SELECT pi.patient_id FROM patient_identifier pi JOIN identifier_system s ON s.id = pi.system_id
                WHERE s.system = ? AND pi.value = ?""").params(identifierSystem, mrn).query(Long.class).optional();
        if (patient.isEmpty()) {
            return java.util.Optional.empty();
        }
        long patientId = patient.get();
        StoreRows rows = new JdbcStoreRows(jdbc);
        String stored = rows.patientValue(patientId, target.column(), target.index());
        if (stored == null || !sameValue(target.column(), stored, field.value())) {
            rows.setPatientValue(patientId, target.column(), target.index(), field.value());
            jdbc.sql("DELETE FROM value_provenance WHERE entity = 'patient' AND entity_id = ? AND field = ?")
                    .params(patientId, target.field()).update();
        }
        new Provenance(rows, documentId, review == null ? Map.of() : Map.of(field.path(), review))
                .add("patient", patientId, target.field(), field);
        return java.util.Optional.of(new RecordLoader.Replaced(patientId, stored));
    }

    /** Where a demographic path is kept on the patient row: a column, and for arrays an index (from 0). */
    private record Target(String column, Integer index) {
        /** The name of the value in provenance: {@code given[1]}. */
        String field() {
            return index == null ? column : column + "[" + index + "]";
        }
    }

    private static Target target(RecordPath path) {
        List<RecordPath.Step> steps = path.steps();
        String name = steps.get(1).name();
        if (steps.size() == 2 && PATIENT_COLUMNS.contains(name)) {
            return new Target(name, null);
        } else if (steps.size() == 2 && name.equals("given")) {
            return new Target("given", steps.get(1).index());
        } else if (steps.size() == 3 && name.equals("address")) {
            String part = steps.get(2).name();
            String column = switch (part) {
                case "line" -> "address_line";
                case "city", "state", "postal_code" -> part;
                default -> null;
            };
            return column == null ? null : new Target(column, steps.get(2).index());
        }
        return null;
    }

    private static boolean sameValue(String column, String stored, String incoming) {
        if (column.equals("phone")) {
            return stored.replaceAll("\\D", "").equals(incoming.replaceAll("\\D", ""));
        }
        return stored.trim().equalsIgnoreCase(incoming.trim());
    }

    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    static LocalTime time(String value) {
        return value == null ? null : LocalTime.parse(value);
    }

    static BigDecimal money(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
