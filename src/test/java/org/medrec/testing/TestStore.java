package org.medrec.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * A real PostgreSQL for the tests of one test run: started on first use in a fresh folder,
 * stopped when the JVM exits. {@link StoreTest}s point medrec at it (as an initializer of their
 * application context); other tests take {@link #jdbcUrl}.
 */
public final class TestStore implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("medrec test store",
                Map.of("medrec.db.url", jdbcUrl(), "medrec.db.user", "postgres", "medrec.db.password", "")));
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
}
