package org.medrec.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log: who did what, when, from where. The database refuses to update or
 * delete its rows. Thread-safe.
 */
@Repository
public class AuditLog {

    /** Where a change was made. */
    public enum Origin { CLI, WEB, JOB }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String actor, Origin origin, String action, String entity, String entityId,
                       String oldValue, String newValue) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, origin, action, entity, entity_id, old_value, new_value)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(actor, origin.name().toLowerCase(), action, entity, entityId, oldValue, newValue)
                .update();
    }
}
