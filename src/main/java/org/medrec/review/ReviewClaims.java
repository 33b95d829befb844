package org.medrec.review;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims on open review items, so that two technicians never work the same item: the next item
 * is taken with {@code SELECT ... FOR UPDATE SKIP LOCKED} (two technicians asking at once lock
 * different rows) and marked as the technician's until {@code claim_expires_at}; a claim that
 * expired is free again. A decision clears the claim ({@link ReviewDecisions}). Thread-safe.
 */
@Service
public class ReviewClaims {

    /** Who holds an item, and whether it is still open. */
    public record Holder(String status, String claimedBy, OffsetDateTime expiresAt, boolean live) {
    }

    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;

    public ReviewClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The item {@code user} should work on now: the oldest open item matching {@code filter} that
     * the user already holds, else the oldest free one, claimed for {@code duration}. Items in
     * {@code skipped} are passed over. Empty when nothing is left.
     */
    @Transactional
    public Optional<UUID> claimNext(String user, QueueFilter filter, Collection<UUID> skipped, Duration duration) {
        UUID[] passed = skipped.toArray(UUID[]::new);
        StringBuilder held = new StringBuilder("SELECT ri.id").append(OpenItems.FROM)
                .append(" AND ri.claimed_by = ? AND ri.claim_expires_at > now() AND NOT (ri.id = ANY(?))");
        List<Object> heldParams = new ArrayList<>(List.of(user, passed));
        filter.appendConditions(held, heldParams);
        held.append(" ORDER BY ri.created_at, ri.id LIMIT 1");
        Optional<UUID> mine = jdbc.sql(held.toString()).params(heldParams).query(UUID.class).optional();
        if (mine.isPresent()) {
            extend(mine.get(), user, duration);
            return mine;
        }
        StringBuilder sql = new StringBuilder("""
                UPDATE review_item SET claimed_by = ?, claim_expires_at = now() + make_interval(secs => ?)
                WHERE id = (SELECT ri.id""").append(OpenItems.FROM)
                .append(" AND (ri.claimed_by IS NULL OR ri.claim_expires_at <= now()) AND NOT (ri.id = ANY(?))");
        List<Object> params = new ArrayList<>(List.of(user, seconds(duration), passed));
        filter.appendConditions(sql, params);
        sql.append(" ORDER BY ri.created_at, ri.id LIMIT 1 FOR UPDATE OF ri SKIP LOCKED)")
                .append(" AND status = 'open' AND (claimed_by IS NULL OR claim_expires_at <= now()) RETURNING id");
        // A row claimed and committed by someone else between our snapshot and our lock is re-checked
        // by PostgreSQL and left out, which can leave the sub-select empty: ask again.
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<UUID> claimed = jdbc.sql(sql.toString()).params(params).query(UUID.class).optional();
            if (claimed.isPresent()) {
                return claimed;
            }
            StringBuilder any = new StringBuilder("SELECT EXISTS (SELECT 1").append(OpenItems.FROM)
                    .append(" AND (ri.claimed_by IS NULL OR ri.claim_expires_at <= now()) AND NOT (ri.id = ANY(?))");
            List<Object> anyParams = new ArrayList<>();
            anyParams.add(passed);
            filter.appendConditions(any, anyParams);
            if (!jdbc.sql(any.append(")").toString()).params(anyParams).query(Boolean.class).single()) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Claims one item for {@code user} when it is open and free (or already the user's). Returns
     * who holds it afterwards; empty for an unknown item.
     */
    @Transactional
    public Optional<Holder> claim(UUID id, String user, Duration duration) {
        jdbc.sql("""
                UPDATE review_item SET claimed_by = ?, claim_expires_at = now() + make_interval(secs => ?)
                WHERE id = ? AND status = 'open' AND (claimed_by IS NULL OR claimed_by = ? OR claim_expires_at <= now())""")
                .params(user, seconds(duration), id, user).update();
        return holder(id);
    }

    /** Who holds an item now. */
    public Optional<Holder> holder(UUID id) {
        return jdbc.sql("SELECT status, claimed_by, claim_expires_at, claim_expires_at > now() FROM review_item WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Holder(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getBoolean(4)))
                .optional();
    }

    /** Gives up {@code user}'s claim on an item (it goes back to the queue). */
    @Transactional
    public void release(UUID id, String user) {
        jdbc.sql("UPDATE review_item SET claimed_by = NULL, claim_expires_at = NULL WHERE id = ? AND claimed_by = ? AND status = 'open'")
                .params(id, user).update();
    }

    private void extend(UUID id, String user, Duration duration) {
        jdbc.sql("UPDATE review_item SET claim_expires_at = now() + make_interval(secs => ?) WHERE id = ? AND claimed_by = ?")
                .params(seconds(duration), id, user).update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
