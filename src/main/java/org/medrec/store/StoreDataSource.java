package org.medrec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's connection pool, which fails at once while the store is known to be lost. A borrower
 * waits up to the connection timeout ({@code medrec.db.connect-timeout}) for a connection; when the
 * pool timed out because it could not open one (the server stopped, the network failed), the store
 * is taken for lost, and each later borrower first tries one direct connection (a refused one fails
 * in milliseconds): while that fails, it fails with it instead of waiting the whole timeout again
 * (a run whose store went away saves its state several times, each would wait); once it succeeds,
 * the pool is used as before. A pool that is merely busy (every connection lent) is not a lost store:
 * its borrowers wait as usual. Thread-safe.
 */
final class StoreDataSource extends HikariDataSource {

    private static final Logger log = LoggerFactory.getLogger(StoreDataSource.class);

    private final Properties probeProperties;
    private volatile boolean lost;

    StoreDataSource(HikariConfig config, Duration connectTimeout) {
        super(config);
        probeProperties = new Properties();
        probeProperties.putAll(config.getDataSourceProperties());
        if (config.getUsername() != null) {
            probeProperties.setProperty("user", config.getUsername());
        }
        if (config.getPassword() != null) {
            probeProperties.setProperty("password", config.getPassword());
        }
        // pgJDBC's timeouts are whole seconds: the TCP connect at most 1 s, the whole log-in at most the timeout
        probeProperties.setProperty("connectTimeout", "1");
        probeProperties.setProperty("loginTimeout", String.valueOf(Math.max(1, connectTimeout.toSeconds())));
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (lost) {
            probe();
        }
        try {
            return super.getConnection();
        } catch (SQLTransientConnectionException e) {
            if (e.getCause() instanceof SQLException && !lost) {   // the pool could not open a connection
                lost = true;
                log.warn("the record store cannot be reached: commands that need it fail at once until it answers");
            }
            throw e;
        }
    }

    /** One direct connection: fails as the store refuses it, or marks the store found again. */
    private void probe() throws SQLException {
        try (Connection ignored = DriverManager.getConnection(getJdbcUrl(), probeProperties)) {
            lost = false;
            log.info("the record store answers again");
        } catch (SQLException e) {
            throw new SQLTransientConnectionException(getPoolName() + " - the record store cannot be reached",
                    e.getSQLState(), e);
        }
    }
}
