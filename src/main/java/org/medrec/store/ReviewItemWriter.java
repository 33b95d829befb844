package org.medrec.store;

import java.util.UUID;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Opens review items: a value, a whole document, or a row that a person must decide. Thread-safe. */
@Repository
public class ReviewItemWriter {

    private final JdbcClient jdbc;

    public ReviewItemWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item about one value of a record ({@code recordIndex} within its document). */
    public UUID openForValue(UUID runId, Long documentId, int recordIndex, String mrn, FieldValue value, String reason) {
        return insert(runId, documentId, recordIndex, mrn, value.path(), value.raw(), value.value(), value.confidence(),
                value.source(), reason);
    }

    /** An item about a whole file, page or row ({@code field} is {@code "*"} or the nearest path). */
    public UUID openForSource(UUID runId, Long documentId, Integer recordIndex, String mrn, String field, SourceRef source,
                              String raw, String reason) {
        return insert(runId, documentId, recordIndex, mrn, field, raw, null, null, source, reason);
    }

    private UUID insert(UUID runId, Long documentId, Integer recordIndex, String mrn, String field, String raw,
                        String proposed, Double confidence, SourceRef source, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO review_item (id, run_id, source_file_id, document_id, record_index, path, page, box, sheet,
                    row_num, col, mrn, field, raw, proposed_value, confidence, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, runId, source.sourceFileId(), documentId, recordIndex, source.path(), source.page(),
                        source.boxLiteral(),
                        source.sheet(), source.row(), source.column(), mrn, field, raw, proposed,
                        confidence == null ? null : Math.round(confidence * 1000) / 1000.0, reason)
                .update();
        return id;
    }
}
