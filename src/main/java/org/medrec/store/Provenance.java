package org.medrec.store;

import java.util.Map;
import org.medrec.extraction.FieldValue;
import org.medrec.extraction.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes {@code value_provenance} rows for the values of one record load. Not thread-safe. */
final class Provenance {

    private final JdbcClient jdbc;
    private final Long documentId;
    private final Map<String, RecordWriter.Reviewed> reviews;

    Provenance(JdbcClient jdbc, Long documentId, Map<String, RecordWriter.Reviewed> reviews) {
        this.jdbc = jdbc;
        this.documentId = documentId;
        this.reviews = reviews;
    }

    void add(String entity, long entityId, String field, FieldValue value) {
        SourceRef s = value.source();
        RecordWriter.Reviewed review = reviews.get(value.path());
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
