package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.Fixtures;

/**
 * On a terminal, {@code migrate} draws a live progress line on stderr. The terminal is a real
 * pseudo-terminal from util-linux's {@code script}. (That nothing of it is drawn when stderr is
 * not a terminal is checked in {@link InterruptedRunProcessTests}.)
 */
@Tag("process")
class ProgressLineProcessTests {

    @TempDir
    Path work;

    @Test
    void shouldDrawALiveProgressLineWhenStderrIsATerminal() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.copy(Fixtures.sampleScans().resolve("billing-ledger.png"), input.resolve("billing-ledger.png"));
        List<String> java = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.medrec.MedrecApplication", "migrate", "--input", input.toString()));
        String shellCommand = java.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Path terminal = work.resolve("terminal.txt");
        ProcessBuilder builder = new ProcessBuilder("script", "-qec", shellCommand, "/dev/null")
                .redirectOutput(terminal.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().remove("MEDREC_DB_URL");
        builder.environment().put("MEDREC_HOME", MedrecProcess.initialisedStore(Files.createDirectories(work.resolve("home"))).toString());
        builder.environment().put("MEDREC_DB_EMBEDDED_STOP_AFTER", "0s");
        builder.environment().put("MEDREC_PROGRESS_TERMINALINTERVAL", "200ms");
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();

        String screen = Files.readString(terminal);
        assertThat(process.exitValue()).as(screen).isZero();
        assertThat(screen).contains(Terminal.CLEAR_LINE + "medrec migrate: charts: 0/1 files, 0/1 pages, 0.00 pages/s")
                .contains("Migration run").contains("COMPLETED");
    }
}
