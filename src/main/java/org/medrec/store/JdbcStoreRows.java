package org.medrec.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link StoreRows} as SQL statements, one per operation, in the caller's transaction. Thread-safe. */
final class JdbcStoreRows implements StoreRows {

    private final JdbcClient jdbc;

    JdbcStoreRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long identifierSystem(String system) {
        return jdbc.sql("""
                INSERT INTO identifier_system (system, name) VALUES (?, ?)
                ON CONFLICT (system) DO UPDATE SET system = EXCLUDED.system RETURNING id""")
                .params(system, system).query(Long.class).single();
    }

    @Override
    public Optional<long[]> identifier(long systemId, String mrn) {
        return jdbc.sql("SELECT id, patient_id FROM patient_identifier WHERE system_id = ? AND value = ?")
                .params(systemId, mrn).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    @Override
    public long[] newPatient(long systemId, String mrn) {
        long patientId = jdbc.sql("INSERT INTO patient DEFAULT VALUES RETURNING id").query(Long.class).single();
        long identifierId = jdbc.sql("INSERT INTO patient_identifier (patient_id, system_id, value) VALUES (?, ?, ?) RETURNING id")
                .params(patientId, systemId, mrn).query(Long.class).single();
        return new long[] {identifierId, patientId};
    }

    @Override
    public String patientValue(long patientId, String column, Integer index) {
        String select = index == null ? column + "::text" : column + "[" + (index + 1) + "]";
        return jdbc.sql("SELECT " + select + " FROM patient WHERE id = ?").param(patientId)
                .query((rs, n) -> rs.getString(1)).list().get(0);
    }

    @Override
    public void setPatientValue(long patientId, String column, Integer index, String value) {
        String target = index == null ? column : column + "[" + (index + 1) + "]";
        String cast = column.equals("birth_date") ? "::date" : "";
        jdbc.sql("UPDATE patient SET " + target + " = ?" + cast + " WHERE id = ?").params(value, patientId).update();
    }

    @Override
    public Optional<Long> findEntry(String table, long patientId, Long encounterId, List<Condition> key,
                                    List<Condition> tolerant) {
        StringBuilder sql = new StringBuilder("SELECT id FROM " + table + " WHERE patient_id = ?");
        List<Object> params = new ArrayList<>(List.of(patientId));
        if (table.equals("diagnosis")) {
            sql.append(" AND encounter_id IS NOT DISTINCT FROM ?");
            params.add(encounterId);
        }
        for (Condition c : key) {
            if (c.value() instanceof String s) {
                sql.append(" AND lower(").append(c.column()).append(") = lower(?)");
                params.add(s);
            } else {
                sql.append(" AND ").append(c.column()).append(" = ?");
                params.add(c.value());
            }
        }
        for (Condition c : tolerant) {
            sql.append(" AND (").append(c.column()).append(" = ? OR ").append(c.column()).append(" IS NULL)");
            params.add(c.value());
        }
        return jdbc.sql(sql + " ORDER BY id LIMIT 1").params(params).query(Long.class).optional();
    }

    @Override
    public long insertEntry(String table, long patientId, Long encounterId, Map<String, Object> columns) {
        List<String> names = new ArrayList<>(List.of("patient_id"));
        List<Object> values = new ArrayList<>(List.of(patientId));
        if (encounterId != null) {
            names.add("encounter_id");
            values.add(encounterId);
        }
        columns.forEach((name, value) -> {
            names.add(name);
            values.add(value);
        });
        String marks = String.join(", ", names.stream().map(c -> "?").toList());
        return jdbc.sql("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES (" + marks + ") RETURNING id")
                .params(values).query(Long.class).single();
    }

    @Override
    public void fillEntry(String table, long id, String column, Object value) {
        jdbc.sql("UPDATE " + table + " SET " + column + " = coalesce(" + column + ", ?) WHERE id = ?").params(value, id).update();
    }

    @Override
    public Optional<Long> findVital(long encounterId, String kind) {
        return jdbc.sql("SELECT id FROM vital_sign WHERE encounter_id = ? AND kind = ?")
                .params(encounterId, kind).query(Long.class).optional();
    }

    @Override
    public long insertVital(long patientId, long encounterId, String kind, BigDecimal value, String unit) {
        return jdbc.sql("""
                INSERT INTO vital_sign (patient_id, encounter_id, kind, value, unit) VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(patientId, encounterId, kind, value, unit).query(Long.class).single();
    }

    @Override
    public void provenance(String entity, long entityId, String field, FieldValue value, Long documentId,
                           Reviewed review) {
        SourceRef s = value.source();
        jdbc.sql("""
                INSERT INTO value_provenance (entity, entity_id, field, source_file_id, document_id, page, box, sheet,
                    row_num, col, method, raw, confidence, review_item_id, reviewed_by, reviewed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(entity, entityId, field, s.sourceFileId(), documentId, s.page(),
                        s.boxLiteral(),
                        s.sheet(), s.row(), s.column(), s.method().code(), value.raw(),
                        Math.round(value.confidence() * 1000) / 1000.0,
                        review == null ? null : review.reviewItemId(),
                        review == null ? null : review.reviewer(),
                        review == null ? null : review.at())
                .update();
    }
}
