package org.medrec.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.ReviewPolicy;
import org.medrec.record.SourceRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one way records enter the store, whatever they come from: a chart's document
 * ({@link #route}), a spreadsheet's patients in bulk ({@link #batch}), a held document released
 * after review ({@link #release}), what a technician keyed for a document or row medrec could not
 * read ({@link #key}), a value a person corrected on a loaded document ({@link #replaceDemographic})
 * and two patients a person found to be one ({@link #link}).
 *
 * <p>{@link ReviewPolicy#holds} decides whether a document is held: then its records are kept
 * in {@code document.records} and one review item is opened per doubtful value (and per record
 * without an MRN). Otherwise every record is loaded with its provenance: the patient is found by
 * clinic and MRN (or created), an entry the patient already has is stored once, a demographic
 * value that disagrees with the stored one becomes a review item, and possible duplicates of the
 * patient are asked about ("same person?"). Thread-safe.
 */
@Service
public class RecordLoader {

    /** Where a document's records come from: its run and file, its type, its pages or sheet, and how sure its reading is. */
    public record Source(UUID runId, long sourceFileId, String docType, Integer firstPage, Integer lastPage, String sheet,
                         double confidence) {

        /** A spreadsheet's one-patient document. */
        public static Source sheet(UUID runId, long sourceFileId, String docType, double confidence) {
            return new Source(runId, sourceFileId, docType, null, null, null, confidence);
        }
    }

    /** What became of a document. */
    public record Routed(long documentId, DocumentStatus status, int reviewItems) {
    }

    /** A record a person's decisions made ready: its index in its document, the record, the review of each decided path. */
    public record Ready(int index, ExtractedRecord record, Map<String, Reviewed> reviews) {
    }

    /** A stored demographic value a person replaced: the patient, and what was stored before. */
    public record Replaced(long patientId, String previous) {
    }

    /** What a release loaded: records, and review items it opened (conflicts, possible duplicates). */
    public record Released(int records, int reviewItems) {
    }

    static final String DISAGREES = "disagrees with the value another source stored for this patient";
    /** Records buffered by a {@link Batch} before they are written, at most; and values. */
    static final int BATCH = 2000;
    static final int BATCH_VALUES = 20_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RecordWriter writer;
    private final PatientMerge merge;
    private final ReviewItemWriter items;
    private final PossibleDuplicates duplicates;
    private final ReviewPolicy policy;

    RecordLoader(JdbcClient jdbc, DataSource dataSource, RecordWriter writer, PatientMerge merge, ReviewItemWriter items,
                 PossibleDuplicates duplicates, ReviewPolicy policy) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.writer = writer;
        this.merge = merge;
        this.items = items;
        this.duplicates = duplicates;
        this.policy = policy;
    }

    /** The records of a document as {@code document.records} keeps them. */
    static String recordsJson(List<ExtractedRecord> records) {
        return JSON.writeValueAsString(records);
    }

    /** Holds the document's records for review or loads them. */
    @Transactional
    public Routed route(Source source, List<ExtractedRecord> records) {
        boolean held = policy.holds(records);
        long documentId = insertDocument(source, held ? DocumentStatus.HELD : DocumentStatus.LOADED, records, null);
        if (held) {
            return new Routed(documentId, DocumentStatus.HELD, openDoubts(source.runId(), documentId, records));
        }
        List<Ready> ready = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            ready.add(new Ready(i, records.get(i), Map.of()));
        }
        return new Routed(documentId, DocumentStatus.LOADED, load(source.runId(), documentId, ready).reviewItems());
    }

    /**
     * Loads the records of a held document that review made ready, in the caller's transaction
     * (a value that breaks a rule of the store throws, and the caller undoes the whole release).
     */
    public Released release(UUID runId, long documentId, List<Ready> ready) {
        return load(runId, documentId, ready);
    }

    /**
     * Loads what a technician keyed from review item {@code itemId} (a document or row medrec could
     * not read) as a document of its own, every value with the technician in its provenance, in the
     * caller's transaction. The records were validated by the caller; they need no more review.
     */
    public Released key(UUID itemId, Source source, List<ExtractedRecord> records, Reviewed technician) {
        long documentId = insertDocument(source, DocumentStatus.LOADED, records, itemId);
        List<Ready> ready = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Reviewed> reviews = new HashMap<>();
            records.get(i).fields().forEach(f -> reviews.put(f.path(), technician));
            ready.add(new Ready(i, records.get(i), reviews));
        }
        return load(source.runId(), documentId, ready);
    }

    /** Many one-patient documents of one source file (the patients of a spreadsheet), in the caller's transaction. */
    public Batch batch(UUID runId, long sourceFileId) {
        return new Batch(runId, sourceFileId, new BulkLoad(jdbc, dataSource));
    }

    /** Replaces a patient's demographic value with one a person decided (see {@link RecordWriter#replaceDemographic}). */
    @Transactional
    public Optional<Replaced> replaceDemographic(String identifierSystem, String mrn, FieldValue field,
                                                              Long documentId, Reviewed review) {
        return writer.replaceDemographic(identifierSystem, mrn, field, documentId, review);
    }

    /**
     * Merges {@code other} into {@code keep}, two patients a person found to be one (see
     * {@link PatientMerge}); the demographic values they disagree on, for review.
     */
    @Transactional
    public List<Disagreement> link(long keep, long other) {
        List<Disagreement> differences = merge.merge(keep, other);
        duplicates.refreshKeys(keep);
        return differences;
    }

    /** A document row for the records of {@code source}; {@code keyedFrom}: the review item a technician keyed it from. */
    private long insertDocument(Source source, DocumentStatus status, List<ExtractedRecord> records, UUID keyedFrom) {
        return jdbc.sql("""
                INSERT INTO document (source_file_id, run_id, doc_type, first_page, last_page, sheet, status, confidence,
                                      records, keyed_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id""")
                .params(source.sourceFileId(), source.runId(), source.docType(), source.firstPage(), source.lastPage(),
                        source.sheet(), status.code(), Math.round(source.confidence() * 1000) / 1000.0, recordsJson(records),
                        keyedFrom)
                .query(Long.class).single();
    }

    private int openDoubts(UUID runId, long documentId, List<ExtractedRecord> records) {
        int opened = 0;
        for (int i = 0; i < records.size(); i++) {
            ExtractedRecord record = records.get(i);
            if (record.mrn() == null && !record.fields().isEmpty()) {
                items.openForField(runId, documentId, i, null, "mrn", record.fields().get(0).source(), null,
                        "no medical record number found: the record cannot be filed under a patient");
                opened++;
            }
            for (FieldValue value : record.fields()) {
                if (value.needsReview()) {
                    items.openForValue(runId, documentId, i, record.mrn(), value, value.reviewReason());
                    opened++;
                }
            }
        }
        return opened;
    }

    private Released load(UUID runId, long documentId, List<Ready> ready) {
        int opened = 0;
        for (Ready r : ready) {
            RecordWriter.LoadResult result = writer.load(confirmed(r.record()), documentId, r.reviews());
            for (RecordWriter.Conflict conflict : result.conflicts()) {
                items.openForValue(runId, documentId, r.index(), r.record().mrn(), conflict.incoming(), DISAGREES);
                opened++;
            }
            opened += openWaiting(runId, documentId, r.index(), r.record());
            opened += duplicates.check(runId, result.patientId());
        }
        return new Released(ready.size(), opened);
    }

    /** The record without the details in doubt that wait alone ({@link ReviewPolicy#waitsAlone}). */
    private ExtractedRecord confirmed(ExtractedRecord record) {
        return new ExtractedRecord(record.identifierSystem(), record.mrn(), record.docType(),
                record.fields().stream().filter(f -> !policy.waitsAlone(f)).toList());
    }

    /** One review item per detail in doubt of a loaded record. */
    private int openWaiting(UUID runId, long documentId, int recordIndex, ExtractedRecord record) {
        int opened = 0;
        for (FieldValue value : record.fields()) {
            if (policy.waitsAlone(value)) {
                items.openForValue(runId, documentId, recordIndex, record.mrn(), value, value.reviewReason());
                opened++;
            }
        }
        return opened;
    }

    /**
     * What a loaded sheet document keeps of its record: the MRN and the patient's demographics, the
     * values a later review item can be about (a conflict, a difference found when two patients
     * are linked) and that a decision corrects through {@code document.records}. The entries
     * (visits, diagnoses, charges) are in their tables, each value with its provenance to the cell;
     * a copy of them as JSON cost more than loading them.
     */
    static ExtractedRecord demographics(ExtractedRecord record) {
        List<FieldValue> kept = new ArrayList<>();
        for (FieldValue f : record.fields()) {
            if (f.path().startsWith("patient.") || f.path().equals("mrn")) {
                kept.add(f);
            }
        }
        return new ExtractedRecord(record.identifierSystem(), record.mrn(), record.docType(), kept);
    }

    /**
     * The one-patient documents of one file, routed as {@link #route} does each: a record the
     * policy holds is held with its review items; a record of a patient the store already has is
     * loaded statement by statement; the others (the bulk of a first import) are loaded in memory
     * and written with {@code COPY}, a batch at a time. {@link #finish()} writes what is still
     * buffered. Not thread-safe; lives in the caller's transaction.
     */
    public final class Batch {
        private final UUID runId;
        private final long sourceFileId;
        private final BulkLoad bulk;
        private final List<Source> pendingSources = new ArrayList<>();
        private final List<ExtractedRecord> pending = new ArrayList<>();
        private int records;
        private int held;
        private int pendingValues;

        private Batch(UUID runId, long sourceFileId, BulkLoad bulk) {
            this.runId = runId;
            this.sourceFileId = sourceFileId;
            this.bulk = bulk;
        }

        /** One patient's record, as one document of its type. */
        public void add(ExtractedRecord record, double confidence) {
            records++;
            Source source = Source.sheet(runId, sourceFileId, record.docType(), confidence);
            if (policy.holds(List.of(record))) {
                route(source, List.of(record));
                held++;
                return;
            }
            pendingSources.add(source);
            pending.add(record);
            pendingValues += record.fields().size();
            if (pending.size() >= BATCH || pendingValues >= BATCH_VALUES) {
                write();
            }
        }

        /** Writes what is buffered. */
        public void finish() {
            write();
        }

        public int records() {
            return records;
        }

        public int held() {
            return held;
        }

        /** What the bulk writes took, per table (counts and times, no values). */
        public String statistics() {
            return bulk.statistics();
        }

        private void write() {
            if (pending.isEmpty()) {
                return;
            }
            Map<String, List<String>> mrnsBySystem = new HashMap<>();
            pending.forEach(r -> mrnsBySystem.computeIfAbsent(r.identifierSystem(), s -> new ArrayList<>()).add(r.mrn()));
            Map<String, Set<String>> known = new HashMap<>();
            mrnsBySystem.forEach((system, mrns) -> known.put(system, bulk.known(system, mrns)));
            record ToAsk(long documentId, String mrn, FieldValue value, String reason) {
            }
            List<ToAsk> toAsk = new ArrayList<>();
            List<Long> loaded = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                ExtractedRecord record = pending.get(i);
                Source source = pendingSources.get(i);
                if (known.get(record.identifierSystem()).contains(record.mrn())) {
                    route(source, List.of(record));
                    continue;
                }
                long documentId = bulk.newDocumentId();
                bulk.document(documentId, sourceFileId, runId, source.docType(), null, DocumentStatus.LOADED,
                        source.confidence(), recordsJson(List.of(demographics(record))));
                RecordWriter.LoadResult result = bulk.load(confirmed(record), documentId);
                loaded.add(result.patientId());
                result.conflicts().forEach(c -> toAsk.add(new ToAsk(documentId, record.mrn(), c.incoming(), DISAGREES)));
                record.fields().stream().filter(policy::waitsAlone)
                        .forEach(f -> toAsk.add(new ToAsk(documentId, record.mrn(), f, f.reviewReason())));
            }
            bulk.flush();
            duplicates.checkAll(runId, loaded);   // "same person?" as for any load
            for (ToAsk a : toAsk) {
                items.openForValue(runId, a.documentId(), 0, a.mrn(), a.value(), a.reason());
            }
            pending.clear();
            pendingSources.clear();
            pendingValues = 0;
        }
    }
}
