package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

/** A migration killed with SIGKILL in the middle is resumed by the next migrate: the store equals a clean run's. */
@Tag("process")
class RestartAfterKillProcessTests {

    @TempDir
    Path work;

    @Test
    void shouldResumeARunKilledMidwayAndEndWithTheStoreOfAnUninterruptedRun() throws Exception {
        // the dev corpus's exports (the sheets step is where the kill lands) and two charts read after it
        Path input = Fixtures.copyTree(Fixtures.resource("spreadsheet/dev"), work.resolve("in").resolve("sheets"))
                .getParent();
        for (String chart : List.of("born-digital-progress-note.pdf", "billing-ledger.png")) {
            Files.copy(Fixtures.sampleScans().resolve(chart), input.resolve(chart));
        }
        Path killedHome = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("killed")));
        Path cleanHome = MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("clean")));

        killMidway(killedHome, input);
        MedrecProcess.Result resumed = MedrecProcess.run(killedHome, "migrate", "--input", input.toString(), "--json");
        MedrecProcess.Result clean = MedrecProcess.run(cleanHome, "migrate", "--input", input.toString(), "--json");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        assertThat(StoreContents.of(killedHome)).isEqualTo(StoreContents.of(cleanHome));
    }

    /** Starts a migration and kills it (SIGKILL, no shutdown hooks) once its job is running. */
    private static void killMidway(Path home, Path input) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.medrec.MedrecApplication", "migrate", "--input", input.toString()));
        Path err = Files.createTempFile("medrec-killed", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().remove("MEDREC_DB_URL");
        builder.environment().put("MEDREC_HOME", home.toString());
        builder.environment().put("MEDREC_DB_EMBEDDED_STOP_AFTER", "0s");
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err).contains("spreadsheet") && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);   // the sheets step has begun: intake is committed, the rest is not
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(err);
    }
}
