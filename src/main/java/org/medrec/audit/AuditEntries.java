package org.medrec.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log for admins: newest first, a page at a time by keyset (entries before an
 * id), and the whole log as CSV, streamed. Thread-safe.
 */
@Repository
public class AuditEntries {

    /** One audit entry as stored; {@code osUser} is the OS user of a command-line entry. */
    public record Entry(long id, OffsetDateTime at, String actor, String origin, String action, String entity,
                        String entityId, String oldValue, String newValue, String osUser) {
    }

    private static final String SELECT = "SELECT id, at, actor, origin, action, entity, entity_id, old_value, new_value,"
            + " detail->>'os_user' AS os_user FROM audit_log";

    private final JdbcClient jdbc;

    public AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} entries older than {@code before} (null: the newest). */
    public List<Entry> page(Long before, int limit) {
        return jdbc.sql(SELECT + (before == null ? "" : " WHERE id < ?") + " ORDER BY id DESC LIMIT " + limit)
                .params(before == null ? List.of() : List.of(before))
                .query(Entry.class).list();
    }

    /** Every entry, oldest first, as CSV with a header line (RFC 4180 quoting). */
    public void writeCsv(Writer out) throws IOException {
        out.write("id,at,actor,origin,action,entity,entity_id,old_value,new_value,os_user\r\n");
        IOException[] failure = new IOException[1];
        Consumer<Entry> line = e -> {
            try {
                out.write(String.join(",", String.valueOf(e.id()), e.at().toString(), csv(e.actor()), csv(e.origin()),
                        csv(e.action()), csv(e.entity()), csv(e.entityId()), csv(e.oldValue()), csv(e.newValue()),
                        csv(e.osUser())) + "\r\n");
            } catch (IOException ex) {
                failure[0] = ex;
            }
        };
        jdbc.sql(SELECT + " ORDER BY id").query(Entry.class).stream().forEach(line);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    /**
     * One CSV field; a value a spreadsheet would take for a formula ({@code = + - @}) is prefixed
     * with an apostrophe so that opening the export cannot run anything.
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
