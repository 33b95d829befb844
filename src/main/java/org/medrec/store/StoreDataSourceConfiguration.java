package org.medrec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.medrec.config.MedrecProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The record store's connection pool: the server named by {@code MEDREC_DB_URL}, or the embedded
 * PostgreSQL under {@code MEDREC_HOME}. Every command works as the application role; the schema
 * migrations (Flyway, when the schema is behind: {@link StoreSchema}) run as the owner of the schema
 * when one is known (the embedded store's {@code medrec_owner}, or {@code MEDREC_DB_OWNER_USER}), and
 * then grant the application role what it may do ({@code db/migration/afterMigrate.sql}), before the
 * pool is handed to anything else. pgJDBC never adds the server's error detail (which quotes the row's
 * values) to an exception's message. A connection waits at most {@code medrec.db.connect-timeout}, and
 * none waits once the store was lost ({@link StoreDataSource}).
 */
@Configuration(proxyBeanMethods = false)
class StoreDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    StoreServer storeServer(MedrecProperties properties) {
        MedrecProperties.Db db = properties.db();
        if (db.embedded()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(properties.home(), db.embeddedStopAfter());
            return new StoreServer(server.jdbcUrl(), server.appUser(), server.appPassword(), server.ownerUser(),
                    server.ownerPassword(), server);
        }
        return new StoreServer(db.url(), db.user(), db.password(), db.ownerUser(), db.ownerPassword(), null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StoreServer server, MedrecProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        if (present(server.user())) {
            config.setUsername(server.user());
        }
        if (present(server.password())) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(properties.db().poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("medrec-store");
        config.addDataSourceProperty("ApplicationName", EmbeddedPostgresServer.APPLICATION_NAME);
        config.addDataSourceProperty("logServerErrorDetail", "false");
        long connectTimeout = properties.db().connectTimeout().toMillis();
        config.setConnectionTimeout(connectTimeout);
        config.setInitializationFailTimeout(connectTimeout);
        HikariDataSource pool = new StoreDataSource(config, properties.db().connectTimeout());
        try {
            StoreSchema.bringUpToDate(pool, server);   // before any bean uses the store
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * Where the store is and who logs in: {@code user} is the application role; {@code ownerUser}
     * (may be empty) owns the schema. Owns the embedded server when there is one (stopped after the pool closes).
     */
    record StoreServer(String url, String user, String password, String ownerUser, String ownerPassword,
                       EmbeddedPostgresServer embedded) implements AutoCloseable {

        @Override
        public String toString() {
            return "StoreServer[" + url + ", " + user + "]";
        }

        boolean separateOwner() {
            return present(ownerUser) && present(user) && !ownerUser.equals(user);
        }

        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
