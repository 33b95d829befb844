package org.medrec.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * {@code COPY ... FROM STDIN} through pgJDBC's {@code CopyManager}, on the connection of the
 * current transaction (so a rollback undoes it like any insert). A broken rule of the store comes
 * back as Spring's {@code DataIntegrityViolationException}, as from a JDBC statement. Thread-safe.
 */
public final class CopyIn {

    private static final SQLStateSQLExceptionTranslator TRANSLATOR = new SQLStateSQLExceptionTranslator();

    private CopyIn() {
    }

    /**
     * Copies rows in COPY's text format into {@code table (columns)}; returns the number of rows.
     * The text goes as UTF-8 bytes, encoded once (a {@code Reader} cost a char copy and a string
     * per buffer on top).
     */
    public static long copy(DataSource dataSource, String tableAndColumns, String text) {
        String sql = "COPY " + tableAndColumns + " FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(sql, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), 1 << 16);
        } catch (SQLException e) {
            throw translated(sql, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * A {@code COPY} left open while its rows are made: the server stores each part as it comes,
     * while the caller makes the next. Nothing else may use the transaction's connection until
     * {@link #end()} or {@link #cancel()}. Not thread-safe.
     */
    static Stream open(DataSource dataSource, String tableAndColumns) {
        String sql = "COPY " + tableAndColumns + " FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return new Stream(dataSource, connection, sql,
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw translated(sql, e);
        }
    }

    /** An open {@code COPY}. */
    static final class Stream {
        private final DataSource dataSource;
        private final Connection connection;
        private final String sql;
        private final org.postgresql.copy.CopyIn copy;
        private boolean released;

        private Stream(DataSource dataSource, Connection connection, String sql, org.postgresql.copy.CopyIn copy) {
            this.dataSource = dataSource;
            this.connection = connection;
            this.sql = sql;
            this.copy = copy;
        }

        /** Sends rows in COPY's text format (whole rows). */
        void write(CharSequence text) {
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            try {
                copy.writeToCopy(bytes, 0, bytes.length);
            } catch (SQLException e) {
                cancel();
                throw translated(sql, e);
            }
        }

        /** Ends the COPY (the server's verdict on the rows comes here); returns the rows copied. */
        long end() {
            try {
                return copy.endCopy();
            } catch (SQLException e) {
                throw translated(sql, e);
            } finally {
                release();
            }
        }

        /** Gives the COPY up (its rows are not stored), so the connection can roll back. */
        void cancel() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the COPY is failed either way; the transaction is rolled back by the caller
            } finally {
                release();
            }
        }

        private void release() {
            if (!released) {
                released = true;
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    private static DataAccessException translated(String sql, SQLException e) {
        DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
        return translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("COPY", sql, e);
    }
}
