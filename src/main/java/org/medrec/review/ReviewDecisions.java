package org.medrec.review;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.medrec.record.DocumentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides review items, for the CLI ({@code review resolve}) and the web UI alike, each decision
 * in its own transaction:
 * <ol>
 *   <li>the item's row is locked ({@code SELECT ... FOR UPDATE}), so of two people deciding the
 *       same item at once exactly one wins; the other is refused ("already resolved by X at T");</li>
 *   <li>the decision is checked: accept needs a proposed value (except on {@code *} and whole
 *       entries, where it means "acknowledged"); a typed value must pass the field's validator
 *       ({@link CorrectedValues}) and is stored in its normal form; a rejection needs a reason;</li>
 *   <li>the source file's row is locked ({@code FOR NO KEY UPDATE}: decisions on one file take
 *       turns, so the last item of a document is seen as the last by exactly one of them, while a
 *       migration may still add rows that refer to the file), the item is resolved, and the
 *       decision goes to the audit log ({@code review.accept|value|reject}: old value the proposed
 *       one, new value the decided one or the reject reason);</li>
 *   <li>when it was the last open item of a held document, the document is released
 *       ({@link RecordRelease}); an item of a loaded document (a value another source disagrees
 *       with) corrects the stored value ({@link LoadedValueCorrection});</li>
 *   <li>a document or row medrec could not read is keyed ({@code record}, {@link Keying}): the records are
 *       checked value by value (one invalid value refuses the decision with a message per field) and
 *       loaded with provenance {@code keyed}; a bad row may be finished with its corrected cells instead
 *       ({@code Decision.Row}: read again with the row's mapping, {@link RowCells});</li>
 *   <li>a possible duplicate patient ("same person?", {@code review_item.patient_link_id}): accept
 *       links the two patients, reject (with a reason) records them as different people
 *       ({@link PatientLinks}); a typed value is refused, and so is the opposite of what another
 *       item of the same pair settled;</li>
 *   <li>the file's outcome is settled ({@link SourceFileOutcomes}).</li>
 * </ol>
 * A refusal is a result, not an exception, and changes nothing. {@code user} is any name: it is
 * recorded as the reviewer and the audit actor. Thread-safe.
 */
@Service
public class ReviewDecisions {

    private static final Logger log = LoggerFactory.getLogger(ReviewDecisions.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final RecordRelease release;
    private final LoadedValueCorrection correction;
    private final SourceFileOutcomes outcomes;
    private final PatientLinks links;
    private final Keying keying;

    ReviewDecisions(JdbcClient jdbc, AuditLog audit, RecordRelease release, LoadedValueCorrection correction,
                    SourceFileOutcomes outcomes, PatientLinks links, Keying keying) {
        this.keying = keying;
        this.jdbc = jdbc;
        this.audit = audit;
        this.release = release;
        this.correction = correction;
        this.outcomes = outcomes;
        this.links = links;
    }

    /** The item's row as a decision needs it. */
    private record Item(UUID id, String status, long sourceFileId, Long documentId, Integer recordIndex, String field,
                        String proposed, String decidedBy, OffsetDateTime decidedAt, Long patientLinkId) {
    }

    @Transactional
    public DecisionResult decide(UUID id, Decision decision, String user, AuditLog.Origin origin) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a decision needs the name of the person who makes it");
        }
        Optional<Item> found = jdbc.sql("""
                SELECT id, status, source_file_id, document_id, record_index, field, proposed_value, decided_by, decided_at,
                       patient_link_id
                FROM review_item WHERE id = ? FOR UPDATE""").param(id)
                .query((rs, n) -> new Item(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4), (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class), (Long) rs.getObject(10)))
                .optional();
        if (found.isEmpty()) {
            return refuse(id, "no review item " + id, "unknown item");
        }
        Item item = found.get();
        if (!item.status().equals("open")) {
            return refuse(id, "already resolved by " + item.decidedBy() + " at "
                    + item.decidedAt().truncatedTo(ChronoUnit.SECONDS), "already resolved");
        }
        if (item.patientLinkId() != null) {
            if (decision instanceof Decision.Value) {
                return refuse(id, "a possible duplicate patient is decided with --accept (the same person) or --reject REASON"
                        + " (different people), not with a value", "value on a possible duplicate");
            }
            Optional<String> settled = links.refusal(item.patientLinkId(), decision instanceof Decision.Accept);
            if (settled.isPresent()) {
                return refuse(id, settled.get(), "possible duplicate decided the other way");
            }
        }
        String decided;
        String rejectReason = null;
        Keying.Item keyedItem = null;
        Keying.Plan plan = null;
        if (decision instanceof Decision.Record || decision instanceof Decision.Row) {
            keyedItem = keying.item(id);
            plan = decision instanceof Decision.Record keyed ? keying.check(keyedItem, keyed, LocalDate.now())
                    : keying.check(keyedItem, (Decision.Row) decision, LocalDate.now());
            if (plan.refusal() != null) {
                return refuse(id, plan.refusal(), "keyed records refused");
            }
            decided = decision instanceof Decision.Record keyed ? keyed.records().toString() : ((Decision.Row) decision).json();
        } else if (decision instanceof Decision.Value value) {
            CorrectedValues.Checked checked = CorrectedValues.check(item.field(), value.value(), LocalDate.now());
            if (!checked.ok()) {
                return refuse(id, checked.problem(), "invalid value");
            }
            decided = checked.value();
        } else if (decision instanceof Decision.Reject reject) {
            decided = null;
            rejectReason = reject.reason();
        } else {
            if (item.proposed() == null && CorrectedValues.holdsOneValue(item.field())) {
                return refuse(id, "nothing was proposed for " + item.field() + ": give the value, or reject it",
                        "accept without a proposed value");
            }
            decided = item.proposed();
        }
        jdbc.sql("SELECT id FROM source_file WHERE id = ? FOR NO KEY UPDATE").param(item.sourceFileId()).query(Long.class).single();
        OffsetDateTime at = jdbc.sql("""
                UPDATE review_item SET status = 'resolved', decision = ?, decided_value = ?, reject_reason = ?,
                    decided_by = ?, decided_at = now(), claimed_by = NULL, claim_expires_at = NULL
                WHERE id = ? RETURNING decided_at""")
                .params(decision.action(), decided, rejectReason, user, id).query(OffsetDateTime.class).single();
        audit.append(user, origin, "review." + decision.action(), "review_item", id.toString(), item.proposed(),
                rejectReason != null ? rejectReason : plan != null ? plan.keyed().values() + " values keyed" : decided);
        if (plan != null) {
            keying.load(keyedItem, plan, user, at, origin);
        }
        if (item.patientLinkId() != null) {
            links.decide(item.patientLinkId(), decision instanceof Decision.Accept, id, rejectReason, user, origin);
        }
        DecisionResult.Release released = null;
        if (item.documentId() != null) {
            DocumentStatus status = DocumentStatus.of(jdbc.sql("SELECT status FROM document WHERE id = ? FOR NO KEY UPDATE")
                    .param(item.documentId()).query(String.class).single());
            if (status == DocumentStatus.HELD) {
                long open = jdbc.sql("SELECT count(*) FROM review_item WHERE document_id = ? AND status = 'open'")
                        .param(item.documentId()).query(Long.class).single();
                if (open == 0) {
                    released = release.release(item.documentId(), user, origin);
                }
            } else if (status == DocumentStatus.LOADED && decided != null) {
                correction.apply(id, item.documentId(), item.recordIndex(), item.field(), decided, user, at, origin);
            }
        }
        outcomes.settle(item.sourceFileId(), user, origin);
        log.info("review item {}: {} applied", id, decision.action());
        return DecisionResult.applied(id, decision.action(), released);
    }

    private static DecisionResult refuse(UUID id, String message, String category) {
        log.info("review item {}: refused ({})", id, category);
        return DecisionResult.refused(id, message);
    }
}
