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
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A real PostgreSQL for the tests of one test run: started on first use in a fresh folder,
 * stopped when the JVM exits. It has the roles of the embedded store and of a DBA's server
 * ({@code jobs/store-roles.sql}, then the passwords of {@code store/secure-store.sql}).
 * {@link StoreTest}s point medrec at it (as an initializer of their application context) so that
 * the migrations run as the owner {@code medrec_owner} and everything else as {@code medrec}, the
 * role medrec always works as; other tests take {@link #jdbcUrl} (the superuser).
 */
public final class TestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The password of both roles. */
    public static final String PASSWORD = "test-store-password";
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("medrec test store",
                Map.of("medrec.db.url", url(), "medrec.db.user", "medrec", "medrec.db.password", PASSWORD,
                        "medrec.db.owner-user", "medrec_owner", "medrec.db.owner-password", PASSWORD)));
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

    /** The URL without a user. */
    public static String url() {
        return jdbcUrl().replace("?user=postgres", "");
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
