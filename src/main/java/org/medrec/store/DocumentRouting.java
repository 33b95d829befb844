package org.medrec.store;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decides what becomes of a document's extracted records: when no value needs a person, the
 * records are loaded with their provenance; otherwise the document is held, its records kept,
 * and one review item opened per doubtful value. A value that disagrees with what another
 * source stored becomes a review item too, and so does a possible duplicate of the patient
 * ({@link PossibleDuplicates}: "same person?"). Thread-safe.
 */
@Service
public class DocumentRouting {

    /** What became of a document. */
    public record Routed(long documentId, DocumentStatus status, int reviewItems) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final RecordWriter writer;
    private final ReviewItemWriter items;
    private final PossibleDuplicates duplicates;

    public DocumentRouting(JdbcClient jdbc, RecordWriter writer, ReviewItemWriter items, PossibleDuplicates duplicates) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.items = items;
        this.duplicates = duplicates;
    }

    /** The records of a document as {@code document.records} keeps them. */
    static String recordsJson(List<ExtractedRecord> records) {
        return JSON.writeValueAsString(records);
    }

    /** Routes the records of one document (pages {@code firstPage..lastPage}, or one sheet). */
    @Transactional
    public Routed route(UUID runId, long sourceFileId, String docType, Integer firstPage, Integer lastPage, String sheet,
                        double confidence, List<ExtractedRecord> records) {
        boolean held = records.stream().anyMatch(ExtractedRecord::needsReview);
        long documentId = jdbc.sql("""
                INSERT INTO document (source_file_id, run_id, doc_type, first_page, last_page, sheet, status, confidence, records)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) RETURNING id""")
                .params(sourceFileId, runId, docType, firstPage, lastPage, sheet, (held ? DocumentStatus.HELD : DocumentStatus.LOADED).code(),
                        Math.round(confidence * 1000) / 1000.0, recordsJson(records))
                .query(Long.class).single();
        int opened = 0;
        if (held) {
            for (int i = 0; i < records.size(); i++) {
                ExtractedRecord record = records.get(i);
                if (record.mrn() == null) {
                    SourceRef where = record.fields().isEmpty() ? null : record.fields().get(0).source();
                    if (where != null) {
                        items.openForSource(runId, documentId, i, null, "mrn", where, null,
                                "no medical record number found: the record cannot be filed under a patient");
                        opened++;
                    }
                }
                for (FieldValue value : record.fields()) {
                    if (value.needsReview()) {
                        items.openForValue(runId, documentId, i, record.mrn(), value, value.reviewReason());
                        opened++;
                    }
                }
            }
            return new Routed(documentId, DocumentStatus.HELD, opened);
        }
        for (int i = 0; i < records.size(); i++) {
            ExtractedRecord record = records.get(i);
            RecordWriter.LoadResult result = writer.load(record, documentId, Map.of());
            for (RecordWriter.Conflict conflict : result.conflicts()) {
                items.openForValue(runId, documentId, i, record.mrn(), conflict.incoming(),
                        "disagrees with the value another source stored for this patient");
                opened++;
            }
            opened += duplicates.check(runId, result.patientId());
        }
        return new Routed(documentId, DocumentStatus.LOADED, opened);
    }
}
