package org.medrec.store;

import java.io.StringReader;
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

    /** Copies rows in COPY's text format into {@code table (columns)}; returns the number of rows. */
    public static long copy(DataSource dataSource, String tableAndColumns, String text) {
        String sql = "COPY " + tableAndColumns + " FROM STDIN";
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text));
        } catch (SQLException e) {
            DataAccessException translated = TRANSLATOR.translate("COPY", sql, e);
            throw translated != null ? translated : new org.springframework.jdbc.UncategorizedSQLException("COPY", sql, e);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
