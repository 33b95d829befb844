package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server stays up for the next command of a script, then stops by itself (real processes). */
@Tag("process")
class EmbeddedServerKeptProcessTests {

    @Test
    void shouldLetTheNextCommandJoinTheServerAndStopItOnceUnused(@TempDir Path home) throws Exception {
        // long enough for the next command's JVM to start on a busy machine
        Map<String, String> kept = Map.of("MEDREC_DB_EMBEDDED_STOP_AFTER", "30s");

        MedrecProcess.Result first = MedrecProcess.run(home, kept, null, "review", "list", "--json");
        long postmaster = postmaster(home).orElseThrow();
        MedrecProcess.Result second = MedrecProcess.run(home, kept, null, "review", "list", "--json");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(first.stderr()).contains("left the embedded PostgreSQL running for the next command");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(second.stderr()).contains("joined the embedded PostgreSQL already running");
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("still up for the next command")
                .contains(true);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).as("stopped once unused")
                .isFalse();
        assertThat(home.resolve("server.properties")).doesNotExist();
    }

    private static Optional<Long> postmaster(Path home) throws Exception {
        List<String> lines = Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid"));
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    }
}
