package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server stays up for the next command of a script, then stops by itself; a store removed under it
 * stops it (real processes).
 */
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
        assertThat(running(postmaster)).as("still up for the next command").isTrue();
        long deadline = System.nanoTime() + 120_000_000_000L;
        Path serverFile = home.resolve("server.properties");   // the keeper removes it after the server has stopped
        while ((running(postmaster) || Files.exists(serverFile)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(running(postmaster)).as("stopped once unused")
                .isFalse();
        assertThat(serverFile).doesNotExist();
    }

    @Test
    void shouldStopTheKeptServerWhenItsStoreIsRemovedAndWriteNothingBack(@TempDir Path work) throws Exception {
        Path home = work.resolve("home");
        MedrecProcess.Result kept = MedrecProcess.run(home, Map.of("MEDREC_DB_EMBEDDED_STOP_AFTER", "5m"), null,
                "review", "list", "--json");
        assertThat(kept.exitCode()).as(kept.stderr()).isZero();
        long postmaster = postmaster(home).orElseThrow();
        long keeper = Long.parseLong(Files.readString(home.resolve("keeper.pid")).strip());

        // a script's throwaway store, removed after its last command (again if the stopping server wrote a file
        // into a folder rm had emptied already)
        for (int attempt = 0; attempt < 5 && Files.exists(home); attempt++) {
            new ProcessBuilder("rm", "-rf", home.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
            Thread.sleep(attempt == 0 ? 0 : 1000);
        }

        long deadline = System.nanoTime() + 60_000_000_000L;
        while ((running(postmaster) || running(keeper)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(running(postmaster)).as("stopped with its store, long before 5m").isFalse();
        assertThat(running(keeper)).as("the keeper ended too").isFalse();
        assertThat(home).as("the keeper put nothing back").doesNotExist();
    }

    /** Alive and not a zombie (a stopped server whose parent, gone, left it to an init that reaps late). */
    private static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    private static Optional<Long> postmaster(Path home) throws Exception {
        List<String> lines = Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid"));
        return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    }
}
