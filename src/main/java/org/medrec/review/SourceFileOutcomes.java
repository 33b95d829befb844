package org.medrec.review;

import org.medrec.audit.AuditLog;
import org.medrec.record.FileOutcome;
import org.medrec.store.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settles how a source file ended once review is over for it. The rule, applied after every
 * decision in its transaction: a file whose outcome is {@code held_for_review}, and that has no
 * open item and no held document left, becomes
 * <ul>
 *   <li>{@code loaded} when at least one of its documents was loaded;</li>
 *   <li>{@code quarantined} otherwise, with the reason: "rejected in review: ..." when a person
 *       rejected the whole file, else "nothing was loaded after review (...)" with the reason it
 *       was held.</li>
 * </ul>
 * Other outcomes are kept: {@code loaded} (a spreadsheet whose rows loaded while some were held or
 * bad), {@code quarantined} (by intake) and {@code received} (later stages pending). Each change
 * is in the audit log. Thread-safe; the caller holds the file's row lock.
 */
@Component
class SourceFileOutcomes {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AuditLog audit;

    SourceFileOutcomes(JdbcClient jdbc, Ledger ledger, AuditLog audit) {
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    void settle(long sourceFileId, String user, AuditLog.Origin origin) {
        record File(String outcome, String reason, long open, long held, long loaded, long quarantined) {
        }
        File file = jdbc.sql("""
                SELECT sf.outcome, sf.reason,
                       (SELECT count(*) FROM review_item r WHERE r.source_file_id = sf.id AND r.status = 'open'),
                       (SELECT count(*) FROM document d WHERE d.source_file_id = sf.id AND d.status = 'held'),
                       (SELECT count(*) FROM document d WHERE d.source_file_id = sf.id AND d.status = 'loaded'),
                       (SELECT count(*) FROM document d WHERE d.source_file_id = sf.id AND d.status = 'quarantined')
                FROM source_file sf WHERE sf.id = ?""").param(sourceFileId)
                .query((rs, n) -> new File(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6))).single();
        if (FileOutcome.of(file.outcome()) != FileOutcome.HELD_FOR_REVIEW || file.open() > 0 || file.held() > 0) {
            return;
        }
        FileOutcome outcome;
        String reason;
        if (file.loaded() > 0) {
            outcome = FileOutcome.LOADED;
            reason = "loaded after review: " + file.loaded() + " documents loaded"
                    + (file.quarantined() > 0 ? ", " + file.quarantined() + " quarantined" : "");
        } else {
            String rejected = jdbc.sql("""
                    SELECT reject_reason FROM review_item
                    WHERE source_file_id = ? AND decision = 'reject' AND field = '*' AND document_id IS NULL
                      AND page IS NULL AND sheet IS NULL AND row_num IS NULL
                    ORDER BY decided_at LIMIT 1""").param(sourceFileId).query(String.class).optional().orElse(null);
            outcome = FileOutcome.QUARANTINED;
            reason = rejected != null ? "rejected in review: " + rejected
                    : "nothing was loaded after review (" + (file.reason() == null ? "held for review" : file.reason()) + ")";
        }
        ledger.finish(sourceFileId, outcome, reason);
        audit.append(user, origin, "source_file.outcome", "source_file", String.valueOf(sourceFileId), file.outcome(), outcome.code());
    }
}
