package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.TestStore;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Who can reach the embedded store, tried as a colleague with a shell on the same host would (the
 * OS user {@code nobody}), and what medrec's own role may do to the audit log; a store made by an
 * earlier medrec (trust, everything owned by {@code postgres}) is secured on its first start with
 * its data kept.
 */
class StoreAccessProcessTests {

    @TempDir
    Path home;

    @Test
    void shouldLetNoOtherOsUserInAndKeepTheSecretsPrivate() throws Exception {
        assumeTrue(isRoot() && Files.isExecutable(Path.of("/usr/sbin/runuser")), "needs root and runuser to act as nobody");
        MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "a long passphrase here\n", "users", "add", "admin1",
                "--role", "admin", "--password-stdin");
        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("credentials.properties"))))
                .isEqualTo("rw-------");

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home)) {
            int port = Integer.parseInt(server.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
            String seen = asNobody(server.jdbcUrl(), home.resolve("credentials.properties"));

            assertThat(seen).contains("secrets: AccessDeniedException")
                    .contains("postgres/: refused", "postgres/postgres: refused", "medrec/: refused",
                            "medrec/medrec: refused", "medrec_owner/: refused", "medrec_owner/medrec_owner: refused")
                    .doesNotContain("connected");
            assertThat(Path.of("/tmp/.s.PGSQL." + port)).doesNotExist();
            try (Connection c = server.connect(); Statement s = c.createStatement()) {
                assertThat(text(s, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
                assertThat(text(s, "SHOW password_encryption")).isEqualTo("scram-sha-256");
            }
        }
    }

    @Test
    void shouldLetMedrecsRoleOnlyAppendToAndReadTheAuditLog() throws Exception {
        MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "a long passphrase here\n", "users", "add", "admin1",
                "--role", "admin", "--password-stdin");
        assertThat(added.exitCode()).as(added.stderr()).isZero();

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect(); Statement s = c.createStatement()) {
            assertThat(text(s, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).isEqualTo("f");
            assertThat(text(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user")).isEqualTo("0");
            assertThat(s.executeUpdate("INSERT INTO audit_log (actor, origin, action) VALUES ('test', 'cli', 'test.append')"))
                    .isOne();
            assertThat(text(s, "SELECT count(*) FROM audit_log")).isEqualTo("2");

            for (String sql : List.of("UPDATE audit_log SET actor = 'someone else'", "DELETE FROM audit_log",
                    "TRUNCATE audit_log", "DROP TRIGGER audit_log_no_update_delete ON audit_log",
                    "ALTER TABLE audit_log DISABLE TRIGGER ALL", "DROP TABLE audit_log",
                    "ALTER FUNCTION audit_log_is_append_only() RENAME TO harmless",
                    "CREATE TABLE shadow (id int)", "COPY (SELECT 1) TO PROGRAM 'id'",
                    "ALTER ROLE medrec SUPERUSER", "SET ROLE medrec_owner")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(sql).isIn("42501", "42P01"));
            }
            assertThat(text(s, "SELECT count(*) FROM audit_log WHERE actor <> 'someone else'")).isEqualTo("2");
            assertThat(text(s, "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_log'::regclass AND tgenabled = 'O'"))
                    .isEqualTo("2");
        }
    }

    @Test
    void shouldSecureAStoreOfAnEarlierMedrecInPlaceKeepingItsData() throws Exception {
        // as medrec did before: trust authentication, everything made and owned by the superuser postgres
        Files.createDirectories(home);
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(home.resolve("pgdata"))
                .setOverrideWorkingDirectory(home.resolve("pgbin").toFile()).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String url = old.getJdbcUrl("postgres", "postgres");
            Flyway.configure().dataSource(url, "postgres", "").locations("classpath:db/migration")
                    .placeholders(Map.of("appRole", "")).load().migrate();
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO app_user (username, password_hash, role) VALUES ('tech1', '"
                        + new BCryptPasswordEncoder(4).encode("a long passphrase here") + "', 'technician')");
                s.executeUpdate("INSERT INTO audit_log (actor, origin, action, entity, entity_id)"
                        + " VALUES ('root', 'cli', 'user.add', 'app_user', 'tech1')");
            }
        }

        MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "another long passphrase\n", "users", "add",
                "viewer1", "--role", "viewer", "--password-stdin");

        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(Files.readString(home.resolve("pgdata/pg_hba.conf"))).doesNotContain("trust");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = server.connect(); Statement s = c.createStatement()) {
            assertThat(text(s, "SELECT string_agg(username, ',' ORDER BY username) FROM app_user")).isEqualTo("tech1,viewer1");
            assertThat(text(s, "SELECT string_agg(entity_id, ',' ORDER BY id) FROM audit_log")).isEqualTo("tech1,viewer1");
            assertThat(text(s, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                    + " WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) <> 'medrec_owner'")).isEqualTo("0");
            assertThatThrownBy(() -> s.execute("DELETE FROM audit_log")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
        }
    }

    @Test
    void shouldWarnWhenMigratingAsASuperuserOfAServerOfOnesOwn() throws Exception {
        String database = "warn_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(TestStore.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        Path input = Files.createDirectories(home.resolve("in"));
        Files.writeString(input.resolve("empty.csv"), "");
        MedrecProcess.Result result = MedrecProcess.run(home.resolve("home"),
                Map.of("MEDREC_DB_URL", TestStore.jdbcUrl().replace("/postgres?", "/" + database + "?"),
                        "MEDREC_DB_USER", "postgres"), null, "migrate", "--input", input.toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stderr()).contains("medrec: warning: medrec is connected to the record store as 'postgres',"
                + " a superuser").contains("jobs/store-roles.sql");
    }

    /** What the OS user nobody gets: the secrets file, and a login as each role with no or a guessed password. */
    private static String asNobody(String url, Path secrets) throws Exception {
        Path tools = Files.createTempDirectory("medrec-nobody");
        try {
            Files.setPosixFilePermissions(tools, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path driver = tools.resolve("postgresql.jar");
            Files.copy(Path.of(org.postgresql.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI()), driver);
            Path probe = tools.resolve("Probe.java");
            Files.writeString(probe, """
                    public class Probe {
                        public static void main(String[] args) throws Exception {
                            try {
                                java.nio.file.Files.readString(java.nio.file.Path.of(args[1]));
                                System.out.println("secrets: read");
                            } catch (Exception e) {
                                System.out.println("secrets: " + e.getClass().getSimpleName());
                            }
                            for (String user : new String[] {"postgres", "medrec", "medrec_owner"}) {
                                for (String password : new String[] {"", user}) {
                                    try (var c = java.sql.DriverManager.getConnection(args[0], user, password)) {
                                        System.out.println(user + "/" + password + ": connected");
                                    } catch (java.sql.SQLException e) {
                                        System.out.println(user + "/" + password + ": refused " + e.getSQLState());
                                    }
                                }
                            }
                        }
                    }
                    """);
            for (Path f : List.of(driver, probe)) {
                Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Process p = new ProcessBuilder("/usr/sbin/runuser", "-u", "nobody", "--",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", driver.toString(),
                    probe.toString(), url, secrets.toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(out).isZero();
            return out;
        } finally {
            try (var files = Files.walk(tools)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private static String text(Statement s, String sql) throws SQLException {
        try (var r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private static boolean isRoot() throws Exception {
        return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    }
}
