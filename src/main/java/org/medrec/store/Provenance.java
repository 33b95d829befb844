package org.medrec.store;

import java.util.Map;
import org.medrec.record.FieldValue;

/** Writes {@code value_provenance} rows for the values of one record load. Not thread-safe. */
final class Provenance {

    private final StoreRows rows;
    private final Long documentId;
    private final Map<String, Reviewed> reviews;

    Provenance(StoreRows rows, Long documentId, Map<String, Reviewed> reviews) {
        this.rows = rows;
        this.documentId = documentId;
        this.reviews = reviews;
    }

    void add(String entity, long entityId, String field, FieldValue value) {
        rows.provenance(entity, entityId, field, value, documentId, reviews.get(value.path()));
    }
}
