package org.medrec.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a patient into another when a person confirmed they are one (a linked duplicate
 * registration). The kept patient gains the other's MRNs and entries; an entry both have (the
 * same immunization, by the keys {@link EntryWriter} uses) is kept once, with the provenance of
 * both; a demographic value only the other has is taken with its provenance. A demographic value
 * on which they disagree is not changed: it is returned, so that a person decides it. The other
 * patient's row stays, marked {@code merged_into}, with the values it disagreed on. Thread-safe;
 * runs in the caller's transaction.
 */
@Repository
class PatientMerge {

    /** How one entry table is merged: its keys (first whose columns the other's row has), scope, tolerant columns. */
    private record Table(String name, List<List<String>> keys, String scope, List<String> tolerant, List<String> children) {
    }

    private static final List<Table> TABLES = List.of(
            new Table("encounter", List.of(List.of("source_id"), List.of("date", "npi"), List.of("date", "provider")), null,
                    List.of(), List.of("diagnosis", "vital_sign")),
            new Table("diagnosis", List.of(List.of("code", "encounter_source_id"), List.of("code"),
                    List.of("display", "encounter_source_id"), List.of("display")), "encounter_id", List.of(), List.of()),
            new Table("vital_sign", List.of(List.of("kind")), "encounter_id", List.of(), List.of()),
            new Table("coverage", List.of(List.of("member_id"), List.of("payer")), null, List.of(), List.of()),
            new Table("medication", List.of(List.of("name", "encounter_source_id"), List.of("name")), null, List.of(), List.of()),
            new Table("allergy", List.of(List.of("substance", "encounter_source_id"), List.of("substance")), null, List.of(),
                    List.of()),
            new Table("immunization", List.of(List.of("cvx", "date"), List.of("vaccine", "date")), null, List.of(), List.of()),
            new Table("appointment", List.of(List.of("date", "time")), null, List.of(), List.of()),
            new Table("charge", List.of(List.of("date", "cpt"), List.of("date", "description")), null, List.of("charge"),
                    List.of("payment")),
            new Table("payment", List.of(List.of("date", "amount")), "charge_id", List.of(), List.of()));

    /** Scalar demographic columns and their record-model paths. */
    private static final Map<String, String> SCALARS = Map.of("family", "patient.family", "suffix", "patient.suffix",
            "birth_date", "patient.birth_date", "sex", "patient.sex", "phone", "patient.phone", "city", "patient.address.city",
            "state", "patient.address.state", "postal_code", "patient.address.postal_code");

    private static final Set<String> NOT_DATA = Set.of("id", "patient_id", "encounter_id", "charge_id");

    private final JdbcClient jdbc;

    PatientMerge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Merges {@code other} into {@code keep}; the values they disagree on, for review. */
    @Transactional
    List<Disagreement> merge(long keep, long other) {
        if (keep == other) {
            throw new IllegalArgumentException("a patient cannot be merged into itself");
        }
        List<Disagreement> differences = new ArrayList<>();
        for (var e : SCALARS.entrySet()) {
            demographic(keep, other, e.getKey(), null, e.getValue(), differences);
        }
        for (String array : List.of("given", "address_line")) {
            int length = jdbc.sql("SELECT coalesce(cardinality(" + array + "), 0) FROM patient WHERE id = ?").param(other)
                    .query(Integer.class).single();
            for (int i = 0; i < length; i++) {
                String path = array.equals("given") ? "patient.given[" + i + "]" : "patient.address.line[" + i + "]";
                demographic(keep, other, array, i, path, differences);
            }
        }
        jdbc.sql("UPDATE patient_identifier SET patient_id = ? WHERE patient_id = ?").params(keep, other).update();
        for (Table table : TABLES) {
            entries(table, keep, other);
        }
        jdbc.sql("DELETE FROM patient_block_key WHERE patient_id = ?").param(other).update();
        jdbc.sql("UPDATE patient SET merged_into = ? WHERE id = ?").params(keep, other).update();
        return differences;
    }

    private void demographic(long keep, long other, String column, Integer index, String path, List<Disagreement> differences) {
        String select = index == null ? column + "::text" : column + "[" + (index + 1) + "]";
        String field = index == null ? column : column + "[" + index + "]";
        String kept = value(keep, select);
        String theirs = value(other, select);
        if (theirs == null) {
            return;
        }
        if (kept == null) {
            String target = index == null ? column : column + "[" + (index + 1) + "]";
            String cast = column.equals("birth_date") ? "::date" : "";
            jdbc.sql("UPDATE patient SET " + target + " = ?" + cast + " WHERE id = ?").params(theirs, keep).update();
        } else if (!same(column, kept, theirs)) {
            differences.add(new Disagreement(path, kept, theirs, provenance(keep, field), provenance(other, field)));
            return;   // the other's value keeps its provenance on the other's row
        }
        jdbc.sql("UPDATE value_provenance SET entity_id = ? WHERE entity = 'patient' AND entity_id = ? AND field = ?")
                .params(keep, other, field).update();
    }

    private Long provenance(long patient, String field) {
        return jdbc.sql("""
                SELECT id FROM value_provenance WHERE entity = 'patient' AND entity_id = ? AND field = ?
                ORDER BY id DESC LIMIT 1""").params(patient, field).query(Long.class).optional().orElse(null);
    }

    private String value(long patient, String select) {
        return jdbc.sql("SELECT " + select + " FROM patient WHERE id = ?").param(patient)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    private static boolean same(String column, String a, String b) {
        if (column.equals("phone")) {
            return a.replaceAll("\\D", "").equals(b.replaceAll("\\D", ""));
        }
        return a.trim().equalsIgnoreCase(b.trim());
    }

    private void entries(Table table, long keep, long other) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table.name() + " WHERE patient_id = ? ORDER BY id")
                .param(other).query().listOfRows();
        for (Map<String, Object> row : rows) {
            long id = ((Number) row.get("id")).longValue();
            Long twin = twin(table, keep, row);
            if (twin == null) {
                jdbc.sql("UPDATE " + table.name() + " SET patient_id = ? WHERE id = ?").params(keep, id).update();
                continue;
            }
            List<String> data = row.keySet().stream().filter(c -> !NOT_DATA.contains(c)).toList();
            if (!data.isEmpty()) {
                String set = String.join(", ", data.stream().map(c -> c + " = coalesce(t." + c + ", o." + c + ")").toList());
                jdbc.sql("UPDATE " + table.name() + " t SET " + set + " FROM " + table.name() + " o WHERE t.id = ? AND o.id = ?")
                        .params(twin, id).update();
            }
            jdbc.sql("UPDATE value_provenance SET entity_id = ? WHERE entity = ? AND entity_id = ?")
                    .params(twin, table.name(), id).update();
            jdbc.sql("UPDATE sheet_row_provenance SET entity_id = ? WHERE entity = ? AND entity_id = ?")
                    .params(twin, table.name(), id).update();
            for (String child : table.children()) {
                String column = table.name().equals("charge") ? "charge_id" : "encounter_id";
                jdbc.sql("UPDATE " + child + " SET " + column + " = ? WHERE " + column + " = ?").params(twin, id).update();
            }
            jdbc.sql("DELETE FROM " + table.name() + " WHERE id = ?").param(id).update();
        }
    }

    /** The kept patient's entry that is the same as {@code row}, by the first key the row has. */
    private Long twin(Table table, long keep, Map<String, Object> row) {
        List<String> key = table.keys().stream().filter(k -> k.stream().allMatch(c -> row.get(c) != null)).findFirst()
                .orElse(null);
        if (key == null) {
            return null;
        }
        StringBuilder sql = new StringBuilder("SELECT id FROM " + table.name() + " WHERE patient_id = ?");
        List<Object> params = new ArrayList<>(List.of(keep));
        if (table.scope() != null) {
            sql.append(" AND ").append(table.scope()).append(" IS NOT DISTINCT FROM ?");
            params.add(row.get(table.scope()));
        }
        Set<String> used = new HashSet<>(key);
        for (String column : key) {
            Object value = row.get(column);
            if (value instanceof String) {
                sql.append(" AND lower(").append(column).append(") = lower(?)");
            } else {
                sql.append(" AND ").append(column).append(" = ?");
            }
            params.add(value);
        }
        for (String column : table.tolerant()) {
            if (!used.contains(column) && row.get(column) != null) {
                sql.append(" AND (").append(column).append(" = ? OR ").append(column).append(" IS NULL)");
                params.add(row.get(column));
            }
        }
        return jdbc.sql(sql + " ORDER BY id LIMIT 1").params(params).query(Long.class).optional()
                .filter(Objects::nonNull).orElse(null);
    }
}
