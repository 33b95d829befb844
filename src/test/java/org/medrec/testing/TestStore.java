package org.medrec.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests of one test run: started on first use in a fresh folder,
 * stopped when the JVM exits. It has the roles of the embedded store and of a DBA's server
 * ({@code jobs/store-roles.sql}, then the passwords of {@code store/secure-store.sql}):
 * Spring tests point medrec at it with {@link #register}, so that the migrations run as the owner
 * {@code medrec_owner} and everything else as {@code medrec}, the role medrec always works as.
 */
public final class TestStore {

    private static final String PASSWORD = "test-store-password";
    private static EmbeddedPostgres server;

    private TestStore() {
    }

    /** The URL of the server's one database, logging in as the superuser {@code postgres}. */
    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                Path data = Files.createTempDirectory("medrec-test-pg");
                server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting
                    }
                }));
                createRoles(server.getJdbcUrl("postgres", "postgres"));
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** For {@code @DynamicPropertySource}: medrec's store is the test run's PostgreSQL, with medrec's two roles. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("medrec.db.url", () -> jdbcUrl().replace("?user=postgres", ""));
        registry.add("medrec.db.user", () -> "medrec");
        registry.add("medrec.db.password", () -> PASSWORD);
        registry.add("medrec.db.owner-user", () -> "medrec_owner");
        registry.add("medrec.db.owner-password", () -> PASSWORD);
    }

    /** The superuser, for what a test does that medrec may not (emptying tables, adding a constraint). */
    public static JdbcClient superuser() {
        return JdbcClient.create(new DriverManagerDataSource(jdbcUrl()));
    }

    private static void createRoles(String url) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String script : new String[] {"/store/store-roles.sql", "/store/secure-store.sql"}) {
                try (InputStream in = TestStore.class.getResourceAsStream(script)) {
                    s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                            .replace("${ownerPassword}", PASSWORD).replace("${appPassword}", PASSWORD));
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not create medrec's roles in the test PostgreSQL", e);
        }
    }
}
