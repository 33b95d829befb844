package org.medrec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.medrec.config.MedrecProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The record store's connection pool: the server named by {@code MEDREC_DB_URL}, or the embedded
 * PostgreSQL under {@code MEDREC_HOME}. Flyway and Spring Batch use this data source too.
 */
@Configuration(proxyBeanMethods = false)
class StoreDataSourceConfiguration {

    @Bean(destroyMethod = "close")
    StoreServer storeServer(MedrecProperties properties) {
        MedrecProperties.Db db = properties.db();
        if (db.embedded()) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(properties.home());
            return new StoreServer(server.jdbcUrl(), server.user(), "", server);
        }
        return new StoreServer(db.url(), db.user(), db.password(), null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(StoreServer server, MedrecProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.url());
        if (server.user() != null && !server.user().isBlank()) {
            config.setUsername(server.user());
        }
        if (server.password() != null && !server.password().isBlank()) {
            config.setPassword(server.password());
        }
        config.setMaximumPoolSize(properties.db().poolSize());
        config.setMinimumIdle(1);
        config.setPoolName("medrec-store");
        config.addDataSourceProperty("ApplicationName", EmbeddedPostgresServer.APPLICATION_NAME);
        config.setConnectionTimeout(15_000);
        config.setInitializationFailTimeout(15_000);
        return new HikariDataSource(config);
    }

    /** Where the store is; owns the embedded server when there is one (stopped after the pool closes). */
    record StoreServer(String url, String user, String password, EmbeddedPostgresServer embedded)
            implements AutoCloseable {
        @Override
        public void close() {
            if (embedded != null) {
                embedded.close();
            }
        }
    }
}
