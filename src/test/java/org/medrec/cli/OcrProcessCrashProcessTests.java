package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * A native crash while a chart is read (a real SIGSEGV sent to its OCR process in the middle of
 * the OCR) costs that chart only: it is quarantined with the reason, and the same run reads the
 * next chart with a new OCR process and completes.
 */
@Tag("process")
class OcrProcessCrashProcessTests {

    @TempDir
    Path work;

    @Test
    void shouldQuarantineTheChartWhoseOcrProcessCrashedAndCompleteTheSameRun() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Fixtures.scannedPdf(Fixtures.sampleScans().resolve("billing-ledger.png"), 6, input.resolve("ledger-six-pages.pdf"));
        Files.copy(Fixtures.sampleScans().resolve("typed-intake-form.pdf"), input.resolve("typed-intake-form.pdf"));
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("home")));

        // no chart read early, while the store starts: the crash is to come while the chart stage reads the ledger
        MedrecProcess.Running running = MedrecProcess.start(home, Map.of("MEDREC_OCR_THREADS", "1", "MEDREC_OCR_EARLYREADS", "0"),
                "migrate", "--input", input.toString(), "--json");
        assertThat(running.awaitStderr(Pattern.compile("charts begins"), 180)).as(running.stderr()).isTrue();
        ProcessHandle ocr = awaitOcrProcessBusyOnTheLedger(running.process(), home);
        assertThat(ocr).as("an OCR process reading the six-page ledger; medrec said: " + running.stderr()).isNotNull();
        new ProcessBuilder("kill", "-SEGV", Long.toString(ocr.pid())).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
        MedrecProcess.Result result = running.await();

        assertThat(ocr.isAlive()).isFalse();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        JsonNode summary = Json.mapper().readTree(result.stdout());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("quarantine").valueStream().map(q -> q.get("file").asString() + ": " + q.get("reason").asString()))
                .singleElement().asString()
                .matches("ledger-six-pages\\.pdf: its pages cannot be read: the OCR engine crashed on page [1-6] \\(its"
                        + " process ended with exit code \\d+.*");
        assertThat(summary.get("ledger").valueStream().filter(e -> e.get("file").asString().startsWith("typed-intake"))
                .map(e -> e.get("outcome").asString())).singleElement().isNotEqualTo("received").isNotEqualTo("quarantined");
    }

    /**
     * The OCR process once the ledger is being read and it has worked past its start (Tesseract loaded,
     * a page under way): the ledger's read attempt is open and the process has used 3 s of CPU; null
     * when that does not happen within 3 minutes.
     */
    private static ProcessHandle awaitOcrProcessBusyOnTheLedger(Process medrec, Path home) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect();
             Statement store = c.createStatement()) {
            while (System.nanoTime() < deadline && medrec.isAlive()) {
                if (CrashingFileProcessTests.readAttempts(store).contains("ledger-six-pages.pdf=1")) {
                    Optional<ProcessHandle> ocr = medrec.descendants()
                            .filter(OcrProcessCrashProcessTests::isOcrProcess).findFirst();
                    if (ocr.isPresent() && ocr.get().info().totalCpuDuration().orElse(Duration.ZERO)
                            .compareTo(Duration.ofSeconds(3)) > 0) {
                        return ocr.get();
                    }
                }
                Thread.sleep(100);
            }
        }
        return null;
    }

    /** Whether the process runs {@code OcrProcessMain} (read from /proc: its class path is too long for {@code ProcessHandle.Info}). */
    private static boolean isOcrProcess(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).contains("OcrProcessMain");
        } catch (java.io.IOException e) {
            return false;   // it has ended
        }
    }
}
