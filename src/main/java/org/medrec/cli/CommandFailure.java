package org.medrec.cli;

import java.net.ConnectException;
import java.sql.SQLException;
import org.medrec.record.Failures;

/** Turns an exception into the one line a person reads after "medrec: error:". */
final class CommandFailure {

    private CommandFailure() {
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof SQLException || root instanceof ConnectException) {
                break;
            }
            root = root.getCause();
        }
        if (isConnectionFailure(e)) {
            return "cannot reach the record store (" + message(root) + "); check MEDREC_DB_URL, MEDREC_DB_USER"
                    + " and MEDREC_DB_PASSWORD, or unset MEDREC_DB_URL to use the embedded store";
        }
        return message(root);
    }

    /** The message of the exception at the root of {@code e}'s causes. */
    static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return message(root);
    }

    private static boolean isConnectionFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("28P01"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String message(Throwable t) {
        if (t instanceof SQLException && !isConnectionFailure(t)) {
            return Failures.kind(t);   // the store's own message can quote the row that broke a rule
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m.replaceAll("\\s+", " ").trim();
    }
}
