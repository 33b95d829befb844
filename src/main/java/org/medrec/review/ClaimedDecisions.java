package org.medrec.review;

import java.util.Optional;
import java.util.UUID;
import org.medrec.audit.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions from the web UI: the rules and audit entries of {@link ReviewDecisions} (origin
 * {@code web}), in the same transaction as a check that no one else holds a live claim on the
 * item. An item someone else already resolved is refused by {@link ReviewDecisions} with who and
 * when. Thread-safe.
 */
@Service
public class ClaimedDecisions {

    private final JdbcClient jdbc;
    private final ReviewDecisions decisions;

    public ClaimedDecisions(JdbcClient jdbc, ReviewDecisions decisions) {
        this.jdbc = jdbc;
        this.decisions = decisions;
    }

    @Transactional
    public DecisionResult decide(UUID id, Decision decision, String user) {
        // the row is locked first, so that no claim can be taken between this check and the decision
        Optional<String> otherClaim = jdbc.sql("""
                SELECT CASE WHEN status = 'open' AND claimed_by <> ? AND claim_expires_at > now() THEN claimed_by END
                FROM review_item WHERE id = ? FOR UPDATE""")
                .params(user, id).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
        if (otherClaim.isPresent()) {
            return DecisionResult.refused(id, otherClaim.get() + " is working on this item: take the next one");
        }
        return decisions.decide(id, decision, user, AuditLog.Origin.WEB);
    }
}
