package org.medrec.review;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.Reviewed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies a decision on an item of a document that is already loaded: a demographic value that
 * disagreed with the value another source stored ("disagrees with ..."). Accepting the proposed
 * value, or typing one, replaces the stored value (with the reviewer in its provenance); rejecting
 * keeps the stored one. Items of other paths on loaded documents are decisions on the record
 * only, with no data change. Thread-safe.
 */
@Component
class LoadedValueCorrection {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ExtractedRecord>> RECORDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final RecordLoader loader;
    private final AuditLog audit;

    LoadedValueCorrection(JdbcClient jdbc, RecordLoader loader, AuditLog audit) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.audit = audit;
    }

    /** {@code value} is the decided value (normal form); true when a stored value was set. */
    boolean apply(UUID itemId, long documentId, Integer recordIndex, String field, String value, String user,
                  OffsetDateTime at, AuditLog.Origin origin) {
        if (recordIndex == null || !CorrectedValues.isPatientValue(field)) {
            return false;
        }
        String json = jdbc.sql("SELECT records::text FROM document WHERE id = ?").param(documentId).query(String.class).single();
        List<ExtractedRecord> records = json == null ? List.of() : JSON.readValue(json, RECORDS);
        if (recordIndex >= records.size() || records.get(recordIndex).mrn() == null) {
            return false;
        }
        ExtractedRecord record = records.get(recordIndex);
        FieldValue original = record.fields().stream().filter(f -> f.path().equals(field)).reduce((a, b) -> b).orElse(null);
        SourceRef source = original != null ? original.source() : itemPlace(itemId);
        FieldValue decided = new FieldValue(field, original == null ? null : original.raw(), value, 1.0, source, null);
        return loader.replaceDemographic(record.identifierSystem(), record.mrn(), decided, documentId,
                        new Reviewed(itemId, user, at))
                .map(replaced -> {
                    audit.append(user, origin, "patient.update", "patient", String.valueOf(replaced.patientId()),
                            replaced.previous(), value);
                    return true;
                })
                .orElse(false);
    }

    private SourceRef itemPlace(UUID itemId) {
        return jdbc.sql("SELECT source_file_id, path, page, sheet, row_num, col FROM review_item WHERE id = ?").param(itemId)
                .query((rs, n) -> new SourceRef(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3), null,
                        rs.getString(4), (Integer) rs.getObject(5), rs.getString(6), Method.TECHNICIAN))
                .single();
    }
}
