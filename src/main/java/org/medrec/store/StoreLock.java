package org.medrec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One migration at a time per store: a PostgreSQL session advisory lock, held on its own
 * connection for as long as the migration runs, released when it ends or its process dies.
 * Not thread-safe.
 */
public final class StoreLock implements AutoCloseable {

    /** An arbitrary constant naming the "migration running" lock. */
    private static final long MIGRATION_LOCK_KEY = 0x6d656472656331L;

    private final Connection connection;

    private StoreLock(Connection connection) {
        this.connection = connection;
    }

    /** The lock, or empty when another migration holds it. */
    public static Optional<StoreLock> tryMigrationLock(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, MIGRATION_LOCK_KEY);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getBoolean(1)) {
                    return Optional.of(new StoreLock(c));
                }
            }
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        c.close();
        return Optional.empty();
    }

    @Override
    public void close() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, MIGRATION_LOCK_KEY);
            s.execute();
        } finally {
            connection.close();
        }
    }
}
