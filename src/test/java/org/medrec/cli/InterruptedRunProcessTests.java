package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * Real {@code migrate} processes interrupted while they read chart pages, by SIGTERM (a graceful
 * stop) and by SIGKILL, then resumed by the next {@code migrate}: the store ends equal to that of
 * an uninterrupted run. The uninterrupted run also shows the cron side: {@code --log-file} and the
 * progress log lines. Input kept small: four charts (six pages) and one spreadsheet.
 */
@Tag("process")
class InterruptedRunProcessTests {

    /**
     * A progress line every second, and no chart read early while the store starts: the chart stage itself reads,
     * long enough to log its progress and to be killed or lose its store while it reads.
     */
    private static final Map<String, String> PROGRESS_EVERY_SECOND = Map.of("MEDREC_PROGRESS_LOGINTERVAL", "1s",
            "MEDREC_OCR_EARLYREADS", "0");

    @TempDir
    static Path shared;

    static Path input;
    static MedrecProcess.Result clean;
    static List<String> cleanStore;
    static Path cleanLog;

    @TempDir
    Path work;

    @BeforeAll
    static void migrateWithoutInterruption() throws Exception {
        input = Files.createDirectories(shared.resolve("in"));
        for (String name : List.of("appointment-history-multipage.pdf", "typed-intake-form.pdf", "fax-medication-list.tiff",
                "billing-ledger.png", "patients-export.xlsx")) {
            Files.copy(Fixtures.sampleScans().resolve(name), input.resolve(name));
        }
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(shared.resolve("clean")));
        cleanLog = shared.resolve("logs/medrec.log");
        clean = MedrecProcess.start(home, PROGRESS_EVERY_SECOND, "migrate", "--input", input.toString(), "--json",
                "--log-file", cleanLog.toString()).await();
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        cleanStore = StoreContents.of(home);
    }

    @Test
    void shouldStopGracefullyOnSigtermAndResumeToTheStoreOfAnUninterruptedRun() throws Exception {
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("stopped")));
        MedrecProcess.Running running = MedrecProcess.start(home, PROGRESS_EVERY_SECOND, "migrate", "--input",
                input.toString(), "--json");
        assertThat(running.awaitStderr(Pattern.compile("charts begins"), 180)).as(running.stderr()).isTrue();

        running.process().destroy();   // SIGTERM
        MedrecProcess.Result stopped = running.await();

        assertThat(stopped.exitCode()).as(stopped.stderr()).isEqualTo(ExitCode.FAILED);
        JsonNode summary = Json.mapper().readTree(stopped.stdout());
        assertThat(summary.get("status").asString()).isEqualTo("STOPPED");
        assertThat(stopped.stderr()).contains("SIGTERM received").contains("was stopped before it completed")
                .contains("charts ended STOPPED");
        assertThat(StoreContents.of(home)).as("the run stopped before reading every chart").isNotEqualTo(cleanStore);
        JsonNode files = summary.get("files");
        assertThat(files.get("migrated").asLong() + files.get("quarantined").asLong())
                .as("charts not read yet are seen, not migrated: " + files).isLessThan(files.get("seen").asLong());

        MedrecProcess.Result resumed = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        JsonNode after = Json.mapper().readTree(resumed.stdout());
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("run_id").asString()).isEqualTo(summary.get("run_id").asString());
        assertThat(resumed.stderr()).contains("resuming migration run");
        assertThat(StoreContents.of(home)).isEqualTo(cleanStore);
    }

    @Test
    void shouldResumeARunKilledWhileReadingChartPagesToTheStoreOfAnUninterruptedRun() throws Exception {
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("killed")));
        MedrecProcess.Running running = MedrecProcess.start(home, PROGRESS_EVERY_SECOND, "migrate", "--input",
                input.toString(), "--json");
        // the first chunk of charts is committed; the next two files are being read
        assertThat(running.awaitStderr(Pattern.compile("progress: charts: [1-9]"), 240)).as(running.stderr()).isTrue();
        assertThat(running.process().isAlive()).isTrue();

        running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);   // SIGKILL: no hook, no cleanup
        running.await();
        assertThat(StoreContents.of(home)).as("killed before reading every chart").isNotEqualTo(cleanStore);

        MedrecProcess.Result resumed = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(resumed.stderr()).contains("resuming migration run");
        assertThat(StoreContents.of(home)).isEqualTo(cleanStore);
    }

    @Test
    void shouldFailWithAClearMessageWhenTheStoreGoesAwayMidRunAndCompleteOnTheNextMigrate() throws Exception {
        Path home = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("lost")));
        MedrecProcess.Running running = MedrecProcess.start(home, Map.of(), "migrate", "--input", input.toString(), "--json");
        assertThat(running.awaitStderr(Pattern.compile("charts begins"), 180)).as(running.stderr()).isTrue();

        // the database goes away: a fast shutdown of the store's PostgreSQL (its sessions are ended)
        String postmaster = Files.readAllLines(home.resolve("pgdata/postmaster.pid")).get(0).trim();
        Process kill = new ProcessBuilder("kill", "-INT", postmaster).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        MedrecProcess.Result failed = running.await();

        assertThat(failed.exitCode()).as(failed.stderr()).isEqualTo(ExitCode.FAILED);
        assertThat(failed.stdout()).isEmpty();
        assertThat(failed.stderr()).contains("medrec: error: the record store went away during migration run")
                .contains("the next `medrec migrate` of the same folder resumes it once the store is back");

        MedrecProcess.Result resumed = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(resumed.stderr()).contains("resuming migration run");
        assertThat(StoreContents.of(home)).isEqualTo(cleanStore);
    }

    @Test
    void shouldWriteTheLogAndItsProgressLinesToTheLogFileWithoutPatientData() throws Exception {
        String log = Files.readString(cleanLog);

        assertThat(log).contains("intake begins, 5 files to do").contains("charts begins, 4 files (6 pages) to do")
                .containsPattern("progress: charts: \\d/4 files, \\d/6 pages, [0-9.]+ pages/s")
                .contains("COMPLETED");
        assertThat(clean.stderr()).as("only warnings and errors stay on stderr").doesNotContain(" INFO ")
                .doesNotContain("\r");
        assertThat(patientWords(shared.resolve("clean"))).isNotEmpty()
                .allSatisfy(word -> assertThat(log).doesNotContainIgnoringCase(word));
    }

    /** Names, birth dates and phones of the patients the run stored. */
    private static List<String> patientWords(Path home) throws Exception {
        List<String> words = new ArrayList<>();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect();
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("""
                     SELECT family FROM patient WHERE length(family) > 3
                     UNION SELECT g FROM patient, unnest(given) g WHERE length(g) > 3
                     UNION SELECT birth_date::text FROM patient WHERE birth_date IS NOT NULL
                     UNION SELECT to_char(birth_date, 'MM/DD/YYYY') FROM patient WHERE birth_date IS NOT NULL
                     UNION SELECT phone FROM patient WHERE phone IS NOT NULL""")) {
            while (r.next()) {
                words.add(r.getString(1));
            }
        }
        return words;
    }
}
