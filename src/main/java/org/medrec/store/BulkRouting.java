package org.medrec.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Routes many one-patient documents of one source file (the patients of a spreadsheet) as
 * {@link DocumentRouting#route} does each: a record with a doubtful value is held with its review
 * items; a record of a patient the store already has is loaded statement by statement; the others
 * (the bulk of a first import) are loaded in memory and written with {@code COPY}, a batch at a
 * time. Thread-safe; each {@link Batch} is not, and lives in the caller's transaction.
 */
@Service
public class BulkRouting {

    /** Records buffered before they are written, at most; and values (each record's JSON copy is kept in memory until then). */
    static final int BATCH = 2000;
    static final int BATCH_VALUES = 20_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DocumentRouting routing;
    private final PossibleDuplicates duplicates;
    private final ReviewItemWriter items;

    public BulkRouting(JdbcClient jdbc, DataSource dataSource, DocumentRouting routing, ReviewItemWriter items,
                       PossibleDuplicates duplicates) {
        this.duplicates = duplicates;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.routing = routing;
        this.items = items;
    }

    public Batch open(UUID runId, long sourceFileId) {
        return new Batch(runId, sourceFileId, new BulkLoad(jdbc, dataSource));
    }

    /**
     * What a loaded document keeps of its record: the MRN and the patient's demographics, the
     * values a later review item can be about (a conflict, a difference found when two patients
     * are linked) and that a decision corrects through {@code document.records}. The entries
     * (visits, diagnoses, charges) are in their tables, each value with its provenance to the cell;
     * a copy of them as JSON cost more than loading them.
     */
    static ExtractedRecord demographics(ExtractedRecord record) {
        return new ExtractedRecord(record.identifierSystem(), record.mrn(), record.docType(), record.fields().stream()
                .filter(f -> f.path().equals("mrn") || f.path().startsWith("patient.")).toList());
    }

    /** The documents of one file. {@link #finish()} writes what is still buffered. */
    public final class Batch {
        private final UUID runId;
        private final long sourceFileId;
        private final BulkLoad bulk;
        private final List<Pending> pending = new ArrayList<>();
        private int records;
        private int held;
        private int pendingValues;

        private record Pending(ExtractedRecord record, String docType, double confidence) {
        }

        private Batch(UUID runId, long sourceFileId, BulkLoad bulk) {
            this.runId = runId;
            this.sourceFileId = sourceFileId;
            this.bulk = bulk;
        }

        /** One patient's record, as one document of type {@code docType}. */
        public void add(ExtractedRecord record, String docType, double confidence) {
            records++;
            if (record.needsReview()) {
                routing.route(runId, sourceFileId, docType, null, null, null, confidence, List.of(record));
                held++;
                return;
            }
            pending.add(new Pending(record, docType, confidence));
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
            Map<String, List<String>> mrnsBySystem = new java.util.HashMap<>();
            pending.forEach(p -> mrnsBySystem.computeIfAbsent(p.record().identifierSystem(), s -> new ArrayList<>())
                    .add(p.record().mrn()));
            Map<String, Set<String>> known = new java.util.HashMap<>();
            mrnsBySystem.forEach((system, mrns) -> known.put(system, bulk.known(system, mrns)));
            List<Object[]> conflicts = new ArrayList<>();
            List<Long> loaded = new ArrayList<>();
            for (Pending p : pending) {
                ExtractedRecord record = p.record();
                if (known.get(record.identifierSystem()).contains(record.mrn())) {
                    routing.route(runId, sourceFileId, p.docType(), null, null, null, p.confidence(), List.of(record));
                    continue;
                }
                long documentId = bulk.newDocumentId();
                bulk.document(documentId, sourceFileId, runId, p.docType(), null, DocumentStatus.LOADED, p.confidence(),
                        DocumentRouting.recordsJson(List.of(demographics(record))));
                RecordWriter.LoadResult result = bulk.load(record, documentId);
                loaded.add(result.patientId());
                for (RecordWriter.Conflict conflict : result.conflicts()) {
                    conflicts.add(new Object[] {documentId, record.mrn(), conflict.incoming()});
                }
            }
            bulk.flush();
            duplicates.checkAll(runId, loaded);   // "same person?" as for any load
            for (Object[] c : conflicts) {
                items.openForValue(runId, (Long) c[0], 0, (String) c[1], (FieldValue) c[2],
                        "disagrees with the value another source stored for this patient");
            }
            pending.clear();
            pendingValues = 0;
        }
    }
}
