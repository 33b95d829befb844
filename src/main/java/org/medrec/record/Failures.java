package org.medrec.record;

import java.io.EOFException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What kind of failure an exception is, in words that never quote what failed: a parser's or the
 * database's message can hold the very values being read (opencsv quotes the "lost text" of a
 * broken record, PostgreSQL the row that broke a rule), so quarantine reasons, ledger entries, log
 * lines and report text say the kind of failure and, from the caller, its position (record number,
 * page, row), never the message. For the store: the SQLSTATE and the names of the constraint,
 * table and column, which belong to the schema. Thread-safe (stateless).
 */
public final class Failures {

    /**
     * An exception of medrec's own whose reason it built from the kind of failure and its position
     * (a page, a row), never from a library's message: {@link #kind} gives that reason.
     */
    public interface Reasoned {
        String reason();
    }

    private Failures() {
    }

    /** The kind of {@code e}, e.g. {@code "EOFException"}, {@code "the store refused it (SQLSTATE 23514, constraint patient_birth_date_check)"}. */
    public static String kind(Throwable e) {
        if (e instanceof Reasoned reasoned) {
            return reasoned.reason();
        }
        if (e instanceof StackOverflowError) {
            return "structure nested too deeply";
        }
        if (e instanceof OutOfMemoryError) {
            return "it needed more memory than allowed";
        }
        if (e instanceof EOFException) {
            return "the file ends too early";
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null) {
            return store(sql);
        }
        return e.getClass().getSimpleName();
    }

    /** The kinds of {@code e} and its causes, outermost first: {@code "IllegalStateException < PSQLException"}. */
    public static String chain(Throwable e) {
        List<String> kinds = new ArrayList<>();
        for (Throwable t = e; t != null && kinds.size() < 8; t = t.getCause() == t ? null : t.getCause()) {
            kinds.add(t instanceof SQLException sql ? t.getClass().getSimpleName() + " (" + store(sql) + ")"
                    : t.getClass().getName());
        }
        return String.join(" < ", kinds);
    }

    private static String store(SQLException sql) {
        StringBuilder what = new StringBuilder("the store refused it (SQLSTATE ").append(sql.getSQLState());
        ServerErrorMessage server = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
        if (server != null) {
            append(what, "constraint", server.getConstraint());
            append(what, "table", server.getTable());
            append(what, "column", server.getColumn());
        }
        return what.append(')').toString();
    }

    private static void append(StringBuilder what, String label, String name) {
        if (name != null && !name.isBlank()) {
            what.append(", ").append(label).append(' ').append(name);
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
