package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * A chart whose reading takes the process down every time (as a native crash of Tesseract would;
 * here a real SIGKILL while it is being read) stops only two runs: the third quarantines it unread
 * and completes.
 */
@Tag("process")
class CrashingFileProcessTests {

    @TempDir
    Path work;

    @Test
    void shouldQuarantineAChartWhoseReadingKilledTheProcessTwiceAndComplete() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.copy(Fixtures.sampleScans().resolve("billing-ledger.png"), input.resolve("billing-ledger.png"));
        Files.copy(Fixtures.sampleScans().resolve("born-digital-progress-note.pdf"),
                input.resolve("born-digital-progress-note.pdf"));
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("home")));

        for (int attempt = 1; attempt <= 2; attempt++) {
            // no chart read early, while the store starts: the run is to be killed while the chart stage reads the scan
            MedrecProcess.Running running = MedrecProcess.start(home, Map.of("MEDREC_OCR_EARLYREADS", "0"), "migrate",
                    "--input", input.toString());
            assertThat(running.awaitStderr(Pattern.compile("charts begins"), 180)).as(running.stderr()).isTrue();
            // the born-digital note is read; the scan is being read (its attempt recorded, not returned)
            assertThat(awaitAttempts(home, "billing-ledger.png=" + attempt + ",born-digital-progress-note.pdf=0"))
                    .as(running.stderr()).isTrue();
            assertThat(running.process().isAlive()).as("still reading on attempt " + attempt).isTrue();
            running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            running.await();
        }
        MedrecProcess.Result third = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(third.exitCode()).as(third.stderr()).isZero();
        JsonNode summary = Json.mapper().readTree(third.stdout());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("quarantine").valueStream().map(q -> q.get("file").asString() + ": " + q.get("reason").asString()))
                .singleElement().asString().startsWith("billing-ledger.png: reading it stopped the process 2 times");
        assertThat(summary.get("ledger").valueStream().filter(e -> e.get("file").asString().startsWith("born-digital"))
                .map(e -> e.get("outcome").asString())).singleElement().isNotEqualTo("received").isNotEqualTo("quarantined");
    }

    /** Waits until the store's unreturned read attempts per file are {@code expected} (true), or 3 minutes pass. */
    private static boolean awaitAttempts(Path home, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect();
             Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                if (expected.equals(readAttempts(s))) {
                    return true;
                }
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** The store's unreturned read attempts per file, as {@code path=attempts,...} in path order. */
    static String readAttempts(Statement store) throws java.sql.SQLException {
        try (ResultSet r = store.executeQuery("SELECT string_agg(first_path || '=' || read_attempts, ','"
                + " ORDER BY first_path) FROM source_file")) {
            return r.next() ? String.valueOf(r.getString(1)) : "";
        }
    }
}
