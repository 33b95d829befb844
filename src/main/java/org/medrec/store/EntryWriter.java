package org.medrec.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.medrec.extraction.FieldValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes a record's list entries (encounters with their diagnoses and vitals, medications,
 * allergies, immunizations, appointments, charges, coverage, problem list). An entry the
 * patient already has, by its key, gains provenance instead of a twin. Not thread-safe.
 */
final class EntryWriter {

    /** A record-model field of an entry: its column and how its normal form is stored. */
    private record Column(String name, Function<String, Object> convert) {
        static Column text(String name) {
            return new Column(name, v -> v);
        }
    }

    /**
     * How one list of the record model is stored. Entries are the same when the values of the
     * first of {@code keys} whose fields they have agree, and each {@code tolerant} value agrees or
     * is missing on one side (a visit row's CPT without an amount is the ledger's line with one).
     */
    private record Spec(String list, String table, Map<String, Column> columns, List<List<String>> keys,
                        List<String> tolerant) {
    }

    private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

    static {
        spec("encounters", "encounter", Map.of("date", new Column("date", RecordWriter::date), "provider", Column.text("provider"),
                "npi", Column.text("npi"), "reason", Column.text("reason"), "source_id", Column.text("source_id")),
                List.of("source_id"), List.of("date", "npi"), List.of("date", "provider"));
        spec("insurance", "coverage", Map.of("payer", Column.text("payer"), "member_id", Column.text("member_id"),
                "group", Column.text("group_number")), List.of("member_id"), List.of("payer"));
        spec("conditions", "diagnosis", Map.of("code", Column.text("code"), "display", Column.text("display"),
                "encounter_source_id", Column.text("encounter_source_id")), List.of("code", "encounter_source_id"),
                List.of("code"), List.of("display", "encounter_source_id"), List.of("display"));
        spec("medications", "medication", Map.of("name", Column.text("name"), "dose", Column.text("dose"),
                "route", Column.text("route"), "frequency", Column.text("frequency"),
                "encounter_source_id", Column.text("encounter_source_id")),
                List.of("name", "encounter_source_id"), List.of("name"));
        spec("allergies", "allergy", Map.of("substance", Column.text("substance"), "reaction", Column.text("reaction"),
                "encounter_source_id", Column.text("encounter_source_id")),
                List.of("substance", "encounter_source_id"), List.of("substance"));
        spec("immunizations", "immunization", Map.of("vaccine", Column.text("vaccine"), "cvx", Column.text("cvx"),
                "date", new Column("date", RecordWriter::date), "lot", Column.text("lot"),
                "encounter_source_id", Column.text("encounter_source_id")),
                List.of("cvx", "date"), List.of("vaccine", "date"));
        spec("appointments", "appointment", Map.of("date", new Column("date", RecordWriter::date),
                "time", new Column("time", RecordWriter::time), "provider", Column.text("provider"),
                "status", Column.text("status")), List.of("date", "time"));
        SPECS.put("charges", new Spec("charges", "charge", Map.of("date", new Column("date", RecordWriter::date),
                "cpt", Column.text("cpt"), "description", Column.text("description"),
                "charge", new Column("charge", RecordWriter::money), "payment", new Column("payment", RecordWriter::money),
                "balance", new Column("balance", RecordWriter::money)),
                List.of(List.of("date", "cpt"), List.of("date", "description")), List.of("charge")));
        spec("diagnoses", "diagnosis", Map.of("code", Column.text("code"), "display", Column.text("display")),
                List.of("code"), List.of("display"));
    }

    @SafeVarargs
    private static void spec(String list, String table, Map<String, Column> columns, List<String>... keys) {
        SPECS.put(list, new Spec(list, table, columns, List.of(keys), List.of()));
    }

    private static final Map<String, String> VITAL_UNITS = Map.of("bp_systolic", "mm[Hg]", "bp_diastolic", "mm[Hg]",
            "pulse", "/min", "resp_rate", "/min", "temp_f", "[degF]", "weight_lb", "[lb_av]", "height_in", "[in_i]", "spo2", "%");

    private final JdbcClient jdbc;
    private final long patientId;
    private final Provenance provenance;

    EntryWriter(JdbcClient jdbc, long patientId, Provenance provenance) {
        this.jdbc = jdbc;
        this.patientId = patientId;
        this.provenance = provenance;
    }

    /** {@code entries}: entry ({@code immunizations[2]}, {@code encounters[0].diagnoses[1]}) to its fields. */
    void write(Map<String, Map<String, FieldValue>> entries) {
        Map<String, Long> encounters = new HashMap<>();
        // encounters first: their diagnoses and vitals point to them
        List<String> order = new ArrayList<>(entries.keySet());
        order.sort((a, b) -> Boolean.compare(!isEncounter(a), !isEncounter(b)));
        for (String entry : order) {
            Map<String, FieldValue> fields = entries.get(entry);
            String list = entry.contains(".") ? entry.substring(entry.indexOf('.') + 1, entry.lastIndexOf('['))
                    : entry.substring(0, entry.indexOf('['));
            if (isEncounter(entry)) {
                Map<String, FieldValue> own = new LinkedHashMap<>(fields);
                own.keySet().removeIf(k -> k.startsWith("vitals."));
                long id = own.isEmpty() ? insert(SPECS.get("encounters"), Map.of(), null) : upsert(SPECS.get("encounters"), own, null);
                encounters.put(entry, id);
                fields.forEach((k, v) -> {
                    if (k.startsWith("vitals.")) {
                        vital(id, k.substring("vitals.".length()), v);
                    }
                });
            } else if (list.equals("diagnoses")) {
                Long encounterId = encounters.get(entry.substring(0, entry.indexOf('.')));
                upsert(SPECS.get("diagnoses"), fields, encounterId);
            } else if (SPECS.containsKey(list)) {
                upsert(SPECS.get(list), fields, null);
            }
        }
    }

    private static boolean isEncounter(String entry) {
        return entry.startsWith("encounters[") && !entry.contains(".");
    }

    private long upsert(Spec spec, Map<String, FieldValue> fields, Long encounterId) {
        Map<String, FieldValue> known = new LinkedHashMap<>(fields);
        known.keySet().retainAll(spec.columns().keySet());
        Optional<Long> existing = find(spec, known, encounterId);
        long id = existing.orElseGet(() -> insert(spec, known, encounterId));
        if (existing.isPresent()) {
            known.forEach((field, value) -> {
                Column c = spec.columns().get(field);
                jdbc.sql("UPDATE " + spec.table() + " SET " + c.name() + " = coalesce(" + c.name() + ", ?) WHERE id = ?")
                        .params(c.convert().apply(value.value()), id).update();
            });
        }
        known.forEach((field, value) -> provenance.add(spec.table(), id, spec.columns().get(field).name(), value));
        return id;
    }

    private Optional<Long> find(Spec spec, Map<String, FieldValue> fields, Long encounterId) {
        List<String> key = spec.keys().stream().filter(k -> fields.keySet().containsAll(k)).findFirst().orElse(null);
        if (key == null) {
            return Optional.empty();
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM " + spec.table() + " WHERE patient_id = ?");
        List<Object> params = new ArrayList<>(List.of(patientId));
        if (spec.table().equals("diagnosis")) {
            sql.append(" AND encounter_id IS NOT DISTINCT FROM ?");
            params.add(encounterId);
        }
        for (String field : key) {
            Column c = spec.columns().get(field);
            Object value = c.convert().apply(fields.get(field).value());
            if (value instanceof String s) {
                sql.append(" AND lower(").append(c.name()).append(") = lower(?)");
                params.add(s);
            } else {
                sql.append(" AND ").append(c.name()).append(" = ?");
                params.add(value);
            }
        }
        for (String field : spec.tolerant()) {
            FieldValue value = fields.get(field);
            if (value != null) {
                Column c = spec.columns().get(field);
                sql.append(" AND (").append(c.name()).append(" = ? OR ").append(c.name()).append(" IS NULL)");
                params.add(c.convert().apply(value.value()));
            }
        }
        return jdbc.sql(sql + " ORDER BY id LIMIT 1").params(params).query(Long.class).optional();
    }

    private long insert(Spec spec, Map<String, FieldValue> fields, Long encounterId) {
        List<String> columns = new ArrayList<>(List.of("patient_id"));
        List<Object> values = new ArrayList<>(List.of(patientId));
        if (encounterId != null) {
            columns.add("encounter_id");
            values.add(encounterId);
        }
        fields.forEach((field, value) -> {
            Column c = spec.columns().get(field);
            columns.add(c.name());
            values.add(c.convert().apply(value.value()));
        });
        String marks = String.join(", ", columns.stream().map(c -> "?").toList());
        return jdbc.sql("INSERT INTO " + spec.table() + " (" + String.join(", ", columns) + ") VALUES (" + marks + ") RETURNING id")
                .params(values).query(Long.class).single();
    }

    private void vital(long encounterId, String kind, FieldValue value) {
        String unit = VITAL_UNITS.get(kind);
        if (unit == null) {
            return;
        }
        var number = new java.math.BigDecimal(value.value().replaceAll("[^0-9.\\-]", ""));
        Optional<Long> existing = jdbc.sql("SELECT id FROM vital_sign WHERE encounter_id = ? AND kind = ?")
                .params(encounterId, kind).query(Long.class).optional();
        long id = existing.orElseGet(() -> jdbc.sql("""
                INSERT INTO vital_sign (patient_id, encounter_id, kind, value, unit) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(patientId, encounterId, kind.toLowerCase(Locale.ROOT), number, unit).query(Long.class).single());
        provenance.add("vital_sign", id, "value", value);
    }
}
