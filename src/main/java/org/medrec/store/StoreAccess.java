package org.medrec.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.codec.digest.DigestUtils;
import org.medrec.config.HomeSecrets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may reach the embedded store, set in its data directory before the server starts (so a server
 * kept running, or started by hand, is just as closed):
 * <ul>
 *   <li>it listens on 127.0.0.1 only, and on no Unix socket;</li>
 *   <li>{@code pg_hba.conf} admits only medrec's two roles, with a SCRAM password, to its one database;</li>
 *   <li>the roles ({@code jobs/store-roles.sql}, then {@code store/secure-store.sql} for the passwords) are set
 *       in single-user mode, with no server listening: the owner of the schema, medrec's own role, and a
 *       superuser that cannot log in at all.</li>
 * </ul>
 * A data directory made by an earlier medrec (trust, everything owned by {@code postgres}) is
 * secured the same way on its first start, its data kept. Not thread-safe; called under the home lock.
 */
final class StoreAccess {

    private static final Logger log = LoggerFactory.getLogger(StoreAccess.class);
    /** The roles (jobs/store-roles.sql, copied here by the build), then the embedded store's passwords. */
    private static final List<String> SCRIPTS = List.of("/store/store-roles.sql", "/store/secure-store.sql");
    /** In the data directory: a digest of the script and the passwords last applied. */
    private static final String APPLIED = "medrec-access";
    private static final String CONF_MARK = "# medrec: who may connect (StoreAccess)";

    private StoreAccess() {
    }

    static void secure(Path data, Path binaries, HomeSecrets secrets) {
        try {
            Files.writeString(data.resolve("pg_hba.conf"), """
                    # medrec: only its two roles, with a SCRAM password, over the loopback interface (StoreAccess).
                    # TYPE  DATABASE  USER                  ADDRESS        METHOD
                    host    postgres  medrec,medrec_owner   127.0.0.1/32   scram-sha-256
                    """);
            Path conf = data.resolve("postgresql.conf");
            if (!Files.readString(conf).contains(CONF_MARK)) {
                Files.writeString(conf, "\n" + CONF_MARK + """

                        listen_addresses = '127.0.0.1'
                        unix_socket_directories = ''
                        password_encryption = 'scram-sha-256'
                        """, java.nio.file.StandardOpenOption.APPEND);
            }
            String script = script(secrets);
            String digest = DigestUtils.sha256Hex(script);
            Path applied = data.resolve(APPLIED);
            if (Files.exists(applied) && Files.readString(applied).strip().equals(digest)) {
                return;
            }
            long begin = System.nanoTime();
            runSingleUser(postgres(binaries), data, script);
            Files.writeString(applied, digest + "\n");
            log.info("secured the embedded store's roles in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
        } catch (IOException e) {
            throw new UncheckedIOException("could not secure the embedded store in " + data + " ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** The scripts that set the roles, with the passwords of {@code secrets}. */
    static String script(HomeSecrets secrets) throws IOException {
        StringBuilder script = new StringBuilder();
        for (String name : SCRIPTS) {
            try (InputStream in = StoreAccess.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException(name + " is missing from the class path");
                }
                script.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append("\n\n");
            }
        }
        return script.toString().replace("${ownerPassword}", secrets.ownerPassword())
                .replace("${appPassword}", secrets.appPassword());
    }

    /**
     * Runs {@code script} in PostgreSQL's single-user mode. As root, PostgreSQL refuses to run; like
     * the embedded binaries' own launcher, it then runs in a user namespace ({@code unshare -U}).
     */
    private static void runSingleUser(Path postgres, Path data, String script) throws IOException {
        List<String> command = new ArrayList<>();
        if (isRoot()) {
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(postgres.toString(), "--single", "-j", "-D", data.toString(), "postgres"));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("single-user PostgreSQL did not finish within 120 s");
            }
            // an error line quotes the statement, which may hold a password: say only that and where it failed
            String error = output.lines().map(StoreAccess::errorText).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(null);
            if (p.exitValue() != 0 || error != null) {
                throw new IllegalStateException("could not set the embedded store's roles (exit " + p.exitValue()
                        + (error == null ? "" : ": " + error) + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while securing the embedded store", e);
        }
    }

    /** What an ERROR or FATAL line says (the STATEMENT line that follows it is never used). */
    private static String errorText(String line) {
        for (String mark : List.of("ERROR:", "FATAL:")) {
            int at = line.indexOf(mark);
            if (at >= 0) {
                return line.substring(at + mark.length()).strip();
            }
        }
        return null;
    }

    private static Path postgres(Path binaries) throws IOException {
        try (Stream<Path> files = Files.walk(binaries, 3)) {
            return files.filter(f -> f.getFileName().toString().equals("postgres") && f.getParent().getFileName().toString()
                            .equals("bin") && Files.isExecutable(f))
                    .max(java.util.Comparator.comparing(StoreAccess::modified))
                    .orElseThrow(() -> new IOException("the PostgreSQL server binary is not under " + binaries));
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
