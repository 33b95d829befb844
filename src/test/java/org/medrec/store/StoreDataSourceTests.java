package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's pool against a real PostgreSQL that stops and starts again on the same port: the
 * first borrower after the loss waits out the connection timeout, the later ones fail at once, and
 * once the server answers again the pool lends connections as before.
 */
@Tag("store")
class StoreDataSourceTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    Path work;

    @Test
    void shouldFailAtOnceWhileTheStoreIsLostAndLendAgainOnceItAnswers() throws Exception {
        int port = freePort();
        EmbeddedPostgres server = start(port);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMinimumIdle(1);
        config.setMaximumPoolSize(2);
        config.setConnectionTimeout(TIMEOUT.toMillis());
        try (StoreDataSource pool = new StoreDataSource(config, TIMEOUT)) {
            assertThat(answers(pool)).isTrue();

            server.close();
            pool.getHikariPoolMXBean().softEvictConnections();   // the pool's idle connection died with the server

            long first = System.nanoTime();
            assertThatThrownBy(() -> answers(pool)).as("the first borrower waits the timeout out")
                    .isInstanceOf(SQLTransientConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - first)).isGreaterThanOrEqualTo(TIMEOUT.minusMillis(100));
            for (int i = 0; i < 3; i++) {
                long later = System.nanoTime();
                assertThatThrownBy(() -> answers(pool)).isInstanceOf(SQLTransientConnectionException.class)
                        .hasMessageContaining("the record store cannot be reached")
                        .satisfies(e -> assertThat(((SQLTransientConnectionException) e).getSQLState())
                                .as("a connection failure, as the CLI tells it").startsWith("08"));
                assertThat(Duration.ofNanos(System.nanoTime() - later)).as("a later borrower fails at once")
                        .isLessThan(TIMEOUT.dividedBy(2));
            }

            try (EmbeddedPostgres again = start(port)) {
                assertThat(answers(pool)).as("the same port answers again").isTrue();
                assertThat(answers(pool)).isTrue();
            }
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(work.resolve("pgdata"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    private static boolean answers(StoreDataSource pool) throws Exception {
        try (Connection c = pool.getConnection()) {
            return c.isValid(5);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
