package org.medrec.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only audit log: who did what, when, from where. The database refuses to update or
 * delete its rows (and medrec's own role may only add and read them). An entry made on the command
 * line also names the OS user that ran the command ({@code detail.os_user}), beside the account
 * the command acted as. Thread-safe.
 */
@Repository
public class AuditLog {

    /** Where a change was made. */
    public enum Origin { CLI, WEB, JOB }

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static String osUser(Origin origin) {
        return origin == Origin.CLI ? System.getProperty("user.name", "unknown") : null;
    }

    public void append(String actor, Origin origin, String action, String entity, String entityId,
                       String oldValue, String newValue) {
        jdbc.sql("""
                INSERT INTO audit_log (actor, origin, action, entity, entity_id, old_value, new_value, detail)
                VALUES (?, ?, ?, ?, ?, ?, ?, CASE WHEN ?::text IS NULL THEN NULL ELSE jsonb_build_object('os_user', ?::text) END)""")
                .params(actor, origin.name().toLowerCase(), action, entity, entityId, oldValue, newValue, osUser(origin),
                        osUser(origin))
                .update();
    }
}
