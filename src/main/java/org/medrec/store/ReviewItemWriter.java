package org.medrec.store;

import java.util.Locale;
import java.util.UUID;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opens review items, each of one kind ({@code review list --json}'s {@code kind}): a value, a
 * document medrec could not read, a spreadsheet row it did not load, or a question about a patient.
 * Thread-safe.
 */
@Repository
public class ReviewItemWriter {

    /** What an item asks of a person. */
    public enum Kind {
        /** One field to confirm, correct or reject. */
        VALUE,
        /** A document medrec could not read or classify: nothing of it is in the store until a person keys it. */
        DOCUMENT,
        /** A spreadsheet row that was not loaded: a person corrects and loads it, or rejects it. */
        ROW,
        /** A question about a patient ("same person?"). */
        PATIENT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;

    public ReviewItemWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An item about one value of a record ({@code recordIndex} within its document). */
    public UUID openForValue(UUID runId, Long documentId, int recordIndex, String mrn, FieldValue value, String reason) {
        return insert(Kind.VALUE, runId, documentId, recordIndex, mrn, value.path(), value.raw(), value.value(),
                value.confidence(), value.source(), null, reason);
    }

    /** An item about a field whose value was not read ({@code mrn}), or that is read from elsewhere. */
    public UUID openForField(UUID runId, Long documentId, Integer recordIndex, String mrn, String field, SourceRef source,
                             String raw, String reason) {
        return insert(Kind.VALUE, runId, documentId, recordIndex, mrn, field, raw, null, null, source, null, reason);
    }

    /** A document (a file, its pages, or a sheet) medrec could not read; {@code identifierSystem}: its clinic when known. */
    public UUID openForDocument(UUID runId, SourceRef source, String identifierSystem, String reason) {
        return insert(Kind.DOCUMENT, runId, null, null, null, "*", null, null, null, source, identifierSystem, reason);
    }

    /** A spreadsheet row that was not loaded, with its raw text; {@code identifierSystem}: its mapping's clinic. */
    public UUID openForRow(UUID runId, SourceRef source, String mrn, String raw, String identifierSystem, String reason) {
        return insert(Kind.ROW, runId, null, null, mrn, "*", raw, null, null, source, identifierSystem, reason);
    }

    /** A question about a patient whose MRN was read at {@code source}. */
    public UUID openForPatient(UUID runId, Long documentId, String mrn, SourceRef source, String reason) {
        return insert(Kind.PATIENT, runId, documentId, null, mrn, "*", null, null, null, source, null, reason);
    }

    private UUID insert(Kind kind, UUID runId, Long documentId, Integer recordIndex, String mrn, String field, String raw,
                        String proposed, Double confidence, SourceRef source, String identifierSystem, String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO review_item (id, kind, run_id, source_file_id, document_id, record_index, path, page, box, sheet,
                    row_num, col, mrn, field, raw, proposed_value, confidence, identifier_system, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, kind.code(), runId, source.sourceFileId(), documentId, recordIndex, source.path(), source.page(),
                        source.boxLiteral(), source.sheet(), source.row(), source.column(), mrn, field, raw, proposed,
                        confidence == null ? null : Math.round(confidence * 1000) / 1000.0, identifierSystem, reason)
                .update();
        return id;
    }
}
