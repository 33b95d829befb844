package org.medrec.store;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether medrec works as a role that can undo the store's protections: a superuser (reads and
 * changes anything, drops the audit log's triggers, runs programs on the database host) or the
 * owner of the tables (drops or disables the triggers). The embedded store never is; a server of
 * one's own ({@code MEDREC_DB_URL}) is until the roles of {@code jobs/store-roles.sql} are used.
 * Thread-safe.
 */
@Component
public class StoreRoleCheck {

    private final JdbcClient jdbc;

    public StoreRoleCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The warning to print, if medrec's connection is a superuser's or the owner's of the audit log. */
    public Optional<String> warning() {
        return jdbc.sql("""
                SELECT current_user, r.rolsuper,
                       EXISTS (SELECT FROM pg_class c WHERE c.oid = to_regclass('audit_log') AND c.relowner = r.oid)
                FROM pg_roles r WHERE r.rolname = current_user""")
                .query((rs, n) -> {
                    String role = rs.getString(1);
                    String what = rs.getBoolean(2) ? "a superuser" : rs.getBoolean(3) ? "the owner of the tables" : null;
                    return what == null ? null : "medrec is connected to the record store as '" + role + "', " + what
                            + ": the audit log's protection and the separation of roles do not hold against this"
                            + " connection. Create the roles of jobs/store-roles.sql, then set MEDREC_DB_USER to the"
                            + " application role (and MEDREC_DB_OWNER_USER to the owner, for the schema migrations).";
                })
                .optional();
    }
}
