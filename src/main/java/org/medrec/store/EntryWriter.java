package org.medrec.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.medrec.record.FieldValue;

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

    private final StoreRows rows;
    private final long patientId;
    private final Provenance provenance;

    EntryWriter(StoreRows rows, long patientId, Provenance provenance) {
        this.rows = rows;
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
                rows.fillEntry(spec.table(), id, c.name(), c.convert().apply(value.value()));
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
        List<StoreRows.Condition> equal = new ArrayList<>();
        for (String field : key) {
            Column c = spec.columns().get(field);
            equal.add(new StoreRows.Condition(c.name(), c.convert().apply(fields.get(field).value())));
        }
        List<StoreRows.Condition> tolerant = new ArrayList<>();
        for (String field : spec.tolerant()) {
            FieldValue value = fields.get(field);
            if (value != null) {
                Column c = spec.columns().get(field);
                tolerant.add(new StoreRows.Condition(c.name(), c.convert().apply(value.value())));
            }
        }
        return rows.findEntry(spec.table(), patientId, encounterId, equal, tolerant);
    }

    private long insert(Spec spec, Map<String, FieldValue> fields, Long encounterId) {
        Map<String, Object> columns = new LinkedHashMap<>();
        fields.forEach((field, value) -> {
            Column c = spec.columns().get(field);
            columns.put(c.name(), c.convert().apply(value.value()));
        });
        return rows.insertEntry(spec.table(), patientId, encounterId, columns);
    }

    /** The columns of a table that entries are written to (besides patient_id and encounter_id), in a fixed order. */
    static List<String> columnsOf(String table) {
        return SPECS.values().stream().filter(s -> s.table().equals(table))
                .flatMap(s -> s.columns().values().stream().map(Column::name)).distinct().sorted().toList();
    }

    /** The tables entries are written to. */
    static List<String> entryTables() {
        return SPECS.values().stream().map(Spec::table).distinct().toList();
    }

    private void vital(long encounterId, String kind, FieldValue value) {
        String unit = VITAL_UNITS.get(kind);
        if (unit == null) {
            return;
        }
        var number = new java.math.BigDecimal(value.value().replaceAll("[^0-9.\\-]", ""));
        Optional<Long> existing = rows.findVital(encounterId, kind);
        long id = existing.orElseGet(() -> rows.insertVital(patientId, encounterId, kind.toLowerCase(Locale.ROOT), number, unit));
        provenance.add("vital_sign", id, "value", value);
    }
}
