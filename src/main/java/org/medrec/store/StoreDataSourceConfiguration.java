package org.medrec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.medrec.config.MedrecProperties;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The record store's connection pool: the server named by {@code MEDREC_DB_URL}, or the embedded
 * PostgreSQL under {@code MEDREC_HOME}. Every command works as the application role; the schema
 * migrations (Flyway) run as the owner of the schema when one is known (the embedded store's
 * {@code medrec_owner}, or {@code MEDREC_DB_OWNER_USER}), and then grant the application role what
 * it may do ({@code db/migration/afterMigrate.sql}). pgJDBC never adds the server's error detail
 * (which quotes the row's values) to an exception's message.
 */
@Configuration(proxyBeanMethods = false)
class StoreDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    StoreServer storeServer(MedrecProperties properties) {
        MedrecProperties.Db db = properties.db();
        if (db.embedded()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(properties.home());
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
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        return new HikariDataSource(config);
    }

    /** Flyway as the owner of the schema (when there is one), telling the migrations which role to grant to. */
    @Bean
    FlywayConfigurationCustomizer storeOwnerMigrates(StoreServer server) {
        return configuration -> {
            if (server.separateOwner()) {
                PGSimpleDataSource owner = new PGSimpleDataSource();
                owner.setUrl(server.url());
                owner.setUser(server.ownerUser());
                if (present(server.ownerPassword())) {
                    owner.setPassword(server.ownerPassword());
                }
                owner.setApplicationName(EmbeddedPostgresServer.APPLICATION_NAME);
                owner.setLogServerErrorDetail(false);
                configuration.dataSource(owner);
            }
            configuration.placeholders(Map.of("appRole", server.separateOwner() ? server.user() : ""));
        };
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
