package org.medrec.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.medrec.intake.HelperJvm;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Keeps the embedded PostgreSQL of one store running for a while after the last medrec command that used
 * it has ended, so that the next command of a script joins the running server instead of starting it
 * (about half a second each way), and stops it once no command has used it for that long. No login is
 * opened to the server that a command could not open itself: it listens on the loopback interface and
 * admits medrec's roles with the passwords of the store's home, which only its owner can read.
 *
 * <p>A small JVM of its own, one per store ({@code MEDREC_HOME/keeper.pid}), started by the last command
 * to end; the next command that ends with no keeper alive starts another. It ignores Ctrl-C and a closed
 * terminal, and on SIGTERM stops the server unless a command still uses it. A store whose folder was
 * deleted under it has its server stopped by its process id (a fast shutdown), and the keeper never creates a
 * file in the folder. Thread-safe (a static entry point).
 */
public final class EmbeddedServerKeeper {

    private static final String PID_FILE = "keeper.pid";
    /** How often the keeper looks (at most). */
    private static final Duration LOOK = Duration.ofSeconds(2);

    private EmbeddedServerKeeper() {
    }

    /**
     * Makes sure a keeper looks after the server of {@code home} (the caller holds the home's lock): one already
     * running, or a new one. False when none could be started (the caller then stops the server itself).
     */
    static boolean keep(Path home, Duration stopAfter) {
        try {
            if (running(home).isPresent()) {
                return true;
            }
            Process keeper = HelperJvm.startDetached(16, List.of("-XX:TieredStopAtLevel=1"), EmbeddedServerKeeper.class,
                    home.toString(), Long.toString(stopAfter.toMillis()));
            Files.writeString(home.resolve(PID_FILE), Long.toString(keeper.pid()));
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The keeper of this home, when one is alive. */
    private static Optional<ProcessHandle> running(Path home) throws IOException {
        Path file = home.resolve(PID_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(Files.readString(file).strip())).filter(ProcessHandle::isAlive)
                    .filter(EmbeddedServerKeeper::isKeeper);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process runs this class (and is not another that took a dead keeper's process id). */
    private static boolean isKeeper(ProcessHandle process) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                    .contains(EmbeddedServerKeeper.class.getName());
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code args[0]}: the store's home; {@code args[1]}: milliseconds unused after which the server is stopped. */
    public static void main(String[] args) throws Exception {
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        Signal.handle(new Signal("HUP"), SignalHandler.SIG_IGN);
        Path home = Path.of(args[0]);
        long stopAfter = Long.parseLong(args[1]);
        long postmaster = postmasterPid(home);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopUnlessUsed(home)));   // SIGTERM
        long lastUsed = System.currentTimeMillis();
        while (true) {
            Thread.sleep(Math.min(LOOK.toMillis(), Math.max(100, stopAfter / 4)));
            if (!Files.isDirectory(home.resolve("pgdata")) || !Files.exists(home.resolve("store.lock"))) {
                gone(postmaster);
                return;
            }
            try (EmbeddedPostgresServer.HomeLock ignored = EmbeddedPostgresServer.lockExisting(home)) {
                if (!Files.exists(EmbeddedPostgresServer.serverFile(home)) || !running(home)
                        .map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false)) {
                    return;   // stopped by a command, or another keeper took over
                }
                Path clients = home.resolve("clients");
                if (EmbeddedPostgresServer.liveClients(home) > 0) {
                    lastUsed = System.currentTimeMillis();
                    continue;
                }
                if (Files.isDirectory(clients)) {   // a command came and went between two looks
                    lastUsed = Math.max(lastUsed, Files.getLastModifiedTime(clients).toMillis());
                }
                if (System.currentTimeMillis() - lastUsed >= stopAfter) {
                    stop(home);
                    return;
                }
            } catch (NoSuchFileException e) {
                gone(postmaster);
                return;
            }
        }
    }

    /**
     * The store's folder is being removed under its server: the server is stopped by its process id at once
     * (a fast shutdown), and nothing is written into the folder.
     */
    private static void gone(long postmaster) {
        ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive).ifPresent(server -> {
            try {
                new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
            } catch (IOException | InterruptedException e) {
                server.destroy();
            }
        });
    }

    private static void stopUnlessUsed(Path home) {
        try (EmbeddedPostgresServer.HomeLock ignored = EmbeddedPostgresServer.lockExisting(home)) {
            if (Files.exists(EmbeddedPostgresServer.serverFile(home)) && EmbeddedPostgresServer.liveClients(home) == 0
                    && running(home).map(p -> p.pid() == ProcessHandle.current().pid()).orElse(false)) {
                stop(home);
            }
        } catch (IOException | RuntimeException e) {
            // the JVM is exiting; the next command joins the server and stops or keeps it
        }
    }

    private static void stop(Path home) throws IOException {
        EmbeddedPostgresServer.stopWithPgCtl(home);
        Files.deleteIfExists(EmbeddedPostgresServer.serverFile(home));
        Files.deleteIfExists(home.resolve(PID_FILE));
    }

    /** The server's process id, from its lock file (0 when unknown). */
    private static long postmasterPid(Path home) {
        try {
            List<String> lines = Files.readAllLines(home.resolve("pgdata").resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
