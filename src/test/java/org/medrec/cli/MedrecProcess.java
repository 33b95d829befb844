package org.medrec.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code medrec} as its own JVM, as cron or the scorer would, and captures what it prints. */
final class MedrecProcess {

    /** What one command did. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** A command still running (see {@link #start}). */
    record Running(Process process, Path out, Path err) {

        /** What it printed on stderr so far. */
        String stderr() throws IOException {
            return Files.readString(err);
        }

        /** Waits until stderr says {@code marker} (true), or the process ends or the time is up (false). */
        boolean awaitStderr(java.util.regex.Pattern marker, long seconds) throws IOException, InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (process.isAlive() && System.nanoTime() < deadline) {
                if (marker.matcher(stderr()).find()) {
                    return true;
                }
                Thread.sleep(200);
            }
            return marker.matcher(stderr()).find();
        }

        /** Waits for the end and returns what it did. */
        Result await() throws IOException, InterruptedException {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("medrec did not finish in 5 minutes");
            }
            try {
                return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    private MedrecProcess() {
    }

    /** Starts a command without waiting for it. */
    static Running start(Path home, Map<String, String> env, String... args) throws IOException {
        Path out = Files.createTempFile("medrec-out", ".txt");
        Path err = Files.createTempFile("medrec-err", ".txt");
        ProcessBuilder builder = medrec(home, env, args).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return new Running(builder.start(), out, err);
    }

    static Result run(Path home, Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("medrec-out", ".txt");
        Path err = Files.createTempFile("medrec-err", ".txt");
        ProcessBuilder builder = medrec(home, env, args).redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("medrec " + String.join(" ", args) + " did not finish in 5 minutes");
        }
        try {
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Result run(Path home, String... args) throws IOException, InterruptedException {
        return run(home, Map.of(), null, args);
    }

    /** Starts a command that runs until stopped ({@code serve}), its stdout and stderr to {@code log}. */
    static Process start(Path home, Path log, String... args) throws IOException {
        ProcessBuilder builder = medrec(home, Map.of(), args).redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * {@code medrec} as {@code scripts/medrec} starts it (the client compiler only), on the test class path, with its
     * own store in {@code home} whose server stops with the command.
     */
    private static ProcessBuilder medrec(Path home, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-Xmx512m", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.medrec.MedrecApplication"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MEDREC_DB_URL");
        builder.environment().put("MEDREC_HOME", home.toString());
        builder.environment().put("MEDREC_DB_EMBEDDED_STOP_AFTER", "0s");   // each test's server stops with its command
        builder.environment().putAll(env);
        return builder;
    }

    private static Path storeTemplate;

    /**
     * Makes {@code home} (empty) a store as the first {@code medrec} command leaves it: the embedded
     * PostgreSQL initialised with medrec's roles and secrets, the schema migrated, the server stopped.
     * A copy of one made once per JVM by a real command, for tests that do not check the first use of a
     * home: it saves each of them initdb and the schema migrations (several seconds). Returns {@code home}.
     */
    static synchronized Path initialisedStore(Path home) throws IOException, InterruptedException {
        if (storeTemplate == null) {
            Path template = Files.createTempDirectory("medrec-store-template");
            Result first = run(template, "users", "list", "--json");
            if (first.exitCode() != 0) {
                throw new IllegalStateException("the template store could not be made: " + first.stderr());
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly("rm", "-rf", template.toString())));
            storeTemplate = template;
        }
        if (!quietly("cp", "-a", storeTemplate + "/.", home.toString())) {   // -a: pgdata stays private to its owner
            throw new IllegalStateException("could not copy the template store to " + home);
        }
        return home;
    }

    private static boolean quietly(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
