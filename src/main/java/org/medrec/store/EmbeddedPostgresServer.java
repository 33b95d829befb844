package org.medrec.store;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.medrec.config.HomeSecrets;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default store: a real PostgreSQL server whose data lives in {@code MEDREC_HOME}.
 *
 * <p>The first medrec process that needs it starts it; a second process (say {@code review list}
 * while {@code serve} runs) finds it running and joins it. On exit each process stops the server
 * unless another medrec process is still connected: the last one out stops it. A server left
 * running by a killed process is joined by the next command and stopped by it. Start and stop
 * decisions are serialised by a file lock in the home folder. Not thread-safe: one per process.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String APPLICATION_NAME = "medrec";
    /** Written in server.properties by a server that admits only password (SCRAM) logins of medrec's roles. */
    private static final String AUTHENTICATION = "scram-sha-256";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path home;
    private final EmbeddedPostgres started;   // null when this process joined a running server
    private final int port;
    private final HomeSecrets secrets;
    private boolean closed;

    private EmbeddedPostgresServer(Path home, EmbeddedPostgres started, int port, HomeSecrets secrets) {
        this.home = home;
        this.started = started;
        this.port = port;
        this.secrets = secrets;
    }

    /** Starts the server under {@code home}, or joins the one already running there. */
    public static EmbeddedPostgresServer startOrJoin(Path home) {
        Path absoluteHome = HomeSecrets.secureHome(home);
        try {
            HomeSecrets secrets = HomeSecrets.loadOrCreate(absoluteHome);
            try (HomeLock ignored = lock(absoluteHome)) {
                Integer running = runningPort(absoluteHome, secrets);
                if (running != null) {
                    registerClient(absoluteHome);
                    log.info("joined the embedded PostgreSQL already running for this store (port {})", running);
                    return new EmbeddedPostgresServer(absoluteHome, null, running, secrets);
                }
                long begin = System.nanoTime();
                Path data = absoluteHome.resolve("pgdata");
                Path binaries = absoluteHome.resolve("pgbin");
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(data)
                        .setOverrideWorkingDirectory(binaries.toFile())
                        // a resolver of its own: the library then unpacks the binaries under this home even when this
                        // JVM unpacked them elsewhere before (tests), and StoreAccess finds them here
                        .setPgBinaryResolver((system, machine) ->
                                DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machine))
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setDataDirectoryCustomizer(dir -> StoreAccess.secure(dir.toPath(), binaries, secrets))
                        // the embedded library checks the server is up by logging in: as medrec, with its password
                        .setConnectConfig("user", HomeSecrets.APP)
                        .setConnectConfig("password", secrets.appPassword())
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "on")
                        .start();
                writeServerFile(absoluteHome, pg.getPort());
                registerClient(absoluteHome);
                log.info("started the embedded PostgreSQL for this store in {} ms (port {})",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), pg.getPort());
                return new EmbeddedPostgresServer(absoluteHome, pg, pg.getPort(), secrets);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + absoluteHome
                    + " (set MEDREC_DB_URL to use an existing server): " + Failures.kind(e), e);
        }
    }

    /** The store's URL, without a user: the server listens on the loopback interface only. */
    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The role medrec works as, and its password. */
    public String appUser() {
        return HomeSecrets.APP;
    }

    public String appPassword() {
        return secrets.appPassword();
    }

    /** The role that owns the schema and runs the migrations, and its password. */
    public String ownerUser() {
        return HomeSecrets.OWNER;
    }

    public String ownerPassword() {
        return secrets.ownerPassword();
    }

    /** A connection as the role medrec works as (for tools and tests). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), connectionProperties(HomeSecrets.APP, secrets.appPassword()));
    }

    /** Stops the server unless another medrec process is still connected to it. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (HomeLock ignored = lock(home)) {
            Files.deleteIfExists(clientFile(home, ProcessHandle.current().pid()));
            long others = liveClients(home);
            if (others > 0) {
                log.info("left the embedded PostgreSQL running for {} other medrec process(es)", others);
                return;
            }
            if (started != null) {
                started.close();
            } else {
                stopWithPgCtl();
            }
            Files.deleteIfExists(serverFile(home));
            log.info("stopped the embedded PostgreSQL");
        } catch (IOException | RuntimeException e) {
            log.warn("could not stop the embedded PostgreSQL cleanly ({})", Failures.kind(e));
        }
    }

    private static void registerClient(Path home) throws IOException {
        Files.createDirectories(home.resolve("clients"));
        Files.writeString(clientFile(home, ProcessHandle.current().pid()), "");
    }

    /** Registered processes that are still alive; the files of dead ones are removed. */
    private static long liveClients(Path home) throws IOException {
        Path clients = home.resolve("clients");
        if (!Files.isDirectory(clients)) {
            return 0;
        }
        long alive = 0;
        try (var files = Files.list(clients)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().matches("[0-9]+")) {
                    continue;
                }
                boolean live = ProcessHandle.of(Long.parseLong(f.getFileName().toString()))
                        .map(ProcessHandle::isAlive).orElse(false);
                if (live) {
                    alive++;
                } else {
                    Files.deleteIfExists(f);
                }
            }
        }
        return alive;
    }

    private static Path clientFile(Path home, long pid) {
        return home.resolve("clients").resolve(Long.toString(pid));
    }

    /**
     * Stops the server this process joined. As root, PostgreSQL's tools refuse to run; like the
     * embedded binaries' own launcher, run them in a user namespace ({@code unshare -U}) then.
     */
    private void stopWithPgCtl() throws IOException {
        Path pgCtl = findPgCtl(home.resolve("pgbin"));
        List<String> stop = List.of(pgCtl.toString(), "stop", "-D", home.resolve("pgdata").toString(), "-m", "fast", "-w");
        if (run(stop) != 0) {
            List<String> unshared = new java.util.ArrayList<>(List.of("unshare", "-U"));
            unshared.addAll(stop);
            int exit = run(unshared);
            if (exit != 0) {
                throw new IOException("pg_ctl stop failed (exit " + exit + ")");
            }
        }
    }

    private static int run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish within 60 s");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL", e);
        }
    }

    private static Path findPgCtl(Path binaries) throws IOException {
        try (var files = Files.walk(binaries, 3)) {
            return files.filter(f -> f.getFileName().toString().equals("pg_ctl") && Files.isExecutable(f))
                    .findFirst().orElseThrow(() -> new IOException("pg_ctl not found under " + binaries));
        }
    }

    /**
     * The port of a server recorded for this home that answers, or null. A server started by a
     * medrec before roles and passwords (it lets anyone on the host in) is not joined.
     */
    private static Integer runningPort(Path home, HomeSecrets secrets) throws IOException {
        Path file = serverFile(home);
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        int port = Integer.parseInt(p.getProperty("port", "0"));
        if (!answers(port)) {
            Files.deleteIfExists(file);   // a stale record: the server is gone
            return null;
        }
        if (!AUTHENTICATION.equals(p.getProperty("authentication"))) {
            throw new IllegalStateException("the embedded PostgreSQL of this store was started by an earlier medrec, which"
                    + " lets anyone on this host log in; stop the medrec commands that use it (or run pg_ctl stop -D "
                    + home.resolve("pgdata") + "), then run this command again: it secures the store first");
        }
        Properties login = connectionProperties(HomeSecrets.APP, secrets.appPassword());
        login.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(jdbcUrl(port), login)) {
            return port;
        } catch (SQLException e) {
            Files.deleteIfExists(file);   // a stale record: another server on that port now
            return null;
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void writeServerFile(Path home, int port) throws IOException {
        Properties p = new Properties();
        p.setProperty("port", Integer.toString(port));
        p.setProperty("authentication", AUTHENTICATION);
        try (OutputStream out = Files.newOutputStream(serverFile(home))) {
            p.store(out, "embedded PostgreSQL of this medrec store (loopback only; logins: see credentials.properties)");
        }
    }

    static Properties connectionProperties(String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("ApplicationName", APPLICATION_NAME);
        p.setProperty("logServerErrorDetail", "false");
        return p;
    }

    private static Path serverFile(Path home) {
        return home.resolve("server.properties");
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    private static HomeLock lock(Path home) throws IOException {
        FileChannel channel = FileChannel.open(home.resolve("store.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return new HomeLock(channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** An exclusive lock on the home folder's lock file, held until closed. */
    private record HomeLock(FileChannel channel, FileLock lock) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
