package org.medrec.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.Failures;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Releases a held document whose last item was decided, inside the decision's transaction: its
 * records are rebuilt from {@code document.records}, every decision of its items is applied
 * ({@link ReleasePlan}), and each record is loaded with the reviews in its provenance. Values that
 * disagree with what another source stored become new review items, as in {@link RecordLoader},
 * and so do possible duplicates of the patient.
 *
 * <p>The document ends {@code loaded} when at least one record was loaded, {@code quarantined}
 * (with the reason in {@code document.reason}) when none could be: every record rejected, without
 * an MRN, its file rejected, or a value that breaks a rule of the store (then nothing of the
 * document is loaded: the load runs in a savepoint). Thread-safe.
 */
@Component
class RecordRelease {

    private static final Logger log = LoggerFactory.getLogger(RecordRelease.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ExtractedRecord>> RECORDS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final RecordLoader loader;
    private final AuditLog audit;
    private final TransactionTemplate savepoint;

    RecordRelease(JdbcClient jdbc, RecordLoader loader, AuditLog audit, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.audit = audit;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Loads the held document; the caller holds the locks and has checked that no item is open. */
    DecisionResult.Release release(long documentId, String user, AuditLog.Origin origin) {
        record Held(long sourceFileId, UUID runId, String records) {
        }
        Held held = jdbc.sql("SELECT source_file_id, run_id, records::text FROM document WHERE id = ?").param(documentId)
                .query((rs, n) -> new Held(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3))).single();
        List<ExtractedRecord> records = held.records() == null ? List.of() : JSON.readValue(held.records(), RECORDS);
        List<ItemDecision> decisions = jdbc.sql("""
                SELECT id, record_index, field, decision, decided_value, reject_reason, decided_by, decided_at,
                       source_file_id, path, page, box, sheet, row_num, col
                FROM review_item WHERE document_id = ? AND status = 'resolved' ORDER BY decided_at, created_at, id""")
                .param(documentId).query((rs, n) -> decision(rs)).list();
        ReleasePlan plan = ReleasePlan.of(records, decisions, fileRejection(held.sourceFileId()));

        int[] counts = new int[2];   // records loaded, new review items
        DocumentStatus status;
        String reason;
        try {
            RecordLoader.Released released = savepoint.execute(tx -> loader.release(held.runId(), documentId, plan.ready()));
            counts[0] = released.records();
            counts[1] = released.reviewItems();
            status = counts[0] > 0 ? DocumentStatus.LOADED : DocumentStatus.QUARANTINED;
            reason = counts[0] > 0 ? null : "nothing to load after review: "
                    + (plan.leftOut().isEmpty() ? "no records" : plan.leftOut().get(0).reason());
        } catch (DataIntegrityViolationException e) {
            counts[0] = 0;
            counts[1] = 0;
            status = DocumentStatus.QUARANTINED;
            reason = "could not be loaded after review: a value broke a rule of the store (" + Failures.kind(e) + ")";
            log.warn("document {} could not be loaded after review: {}", documentId, e.getClass().getSimpleName());
        }
        jdbc.sql("UPDATE document SET status = ?, reason = ? WHERE id = ?").params(status.code(), reason, documentId).update();
        audit.append(user, origin, "document.release", "document", String.valueOf(documentId), DocumentStatus.HELD.code(), status.code());
        int notLoaded = records.size() - counts[0];
        if (plan.undecidedDropped() > 0) {
            log.warn("document {}: {} doubtful values without a decision were not loaded", documentId, plan.undecidedDropped());
        }
        log.info("document {} released: {} ({} records loaded, {} not loaded, {} new review items)", documentId, status,
                counts[0], notLoaded, counts[1]);
        return new DecisionResult.Release(documentId, status, counts[0], notLoaded, counts[1]);
    }

    /** The reason a whole-file item of this file was rejected with, or null. */
    private String fileRejection(long sourceFileId) {
        return jdbc.sql("""
                SELECT reject_reason FROM review_item
                WHERE source_file_id = ? AND decision = 'reject' AND field = '*' AND document_id IS NULL
                  AND page IS NULL AND sheet IS NULL AND row_num IS NULL
                ORDER BY decided_at LIMIT 1""").param(sourceFileId).query(String.class).optional().orElse(null);
    }

    private static ItemDecision decision(ResultSet rs) throws SQLException {
        Integer[] box = rs.getArray("box") == null ? null : (Integer[]) rs.getArray("box").getArray();
        SourceRef where = new SourceRef(rs.getLong("source_file_id"), rs.getString("path"), (Integer) rs.getObject("page"),
                box == null ? null : new int[] {box[0], box[1], box[2], box[3]}, rs.getString("sheet"),
                (Integer) rs.getObject("row_num"), rs.getString("col"), Method.TECHNICIAN);
        String decision = rs.getString("decision");
        return new ItemDecision(rs.getObject("id", UUID.class), (Integer) rs.getObject("record_index"), rs.getString("field"),
                decision, rs.getString("decided_value"), rs.getString("reject_reason"), rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class), where);
    }
}
