package org.medrec.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for the tests of one test run: started on first use in a fresh folder,
 * stopped when the JVM exits. Spring tests point medrec at it with {@link #register}.
 */
public final class TestStore {

    private static EmbeddedPostgres server;

    private TestStore() {
    }

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
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the test PostgreSQL", e);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** For {@code @DynamicPropertySource}: medrec's store is the test run's PostgreSQL. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("medrec.db.url", TestStore::jdbcUrl);
        registry.add("medrec.db.user", () -> "postgres");
        registry.add("medrec.db.password", () -> "");
    }
}
