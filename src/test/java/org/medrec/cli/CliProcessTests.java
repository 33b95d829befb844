package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.store.StoreLock;
import org.medrec.testing.Fixtures;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/** The CLI contract of shared/specs/cli.md, checked on real processes and the embedded store. */
class CliProcessTests {

    @TempDir
    Path home;

    @TempDir
    Path work;

    private static JsonNode json(String stdout) {
        return Json.mapper().readTree(stdout);   // fails on anything but exactly one JSON document
    }

    @Test
    void shouldMigrateSampleScansThenReportEveryFileAsAlreadyMigrated() throws Exception {
        Path input = Fixtures.copyTree(Fixtures.sampleScans(), work.resolve("in"));
        long files = Fixtures.countFiles(input);

        MedrecProcess.Result first = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        JsonNode summary = json(first.stdout());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.at("/files/seen").asLong()).isEqualTo(files);
        assertThat(summary.at("/files/migrated").asLong() + summary.at("/files/quarantined").asLong()).isEqualTo(files);
        assertThat(summary.get("quarantine").valueStream().map(q -> q.get("file").asString()).toList())
                .containsExactlyInAnyOrder("empty-file.pdf", "encrypted.pdf", "truncated.pdf",
                        "password-protected-workbook.xlsx");
        assertThat(summary.get("ledger").valueStream().map(e -> e.get("file").asString() + " " + e.get("outcome").asString()))
                .hasSize((int) files).contains("encrypted.pdf quarantined", "scan-saved-with-pdf-extension.pdf received");
        assertThat(summary.get("ledger").valueStream().filter(e -> e.get("file").asString().equals("scan-saved-with-pdf-extension.pdf"))
                .map(e -> e.get("format").asString())).containsExactly("PNG");
        assertThat(first.stderr()).contains("COMPLETED");

        MedrecProcess.Result second = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(json(second.stdout()).at("/files/already_migrated").asLong()).isEqualTo(files);

        MedrecProcess.Result report = MedrecProcess.run(home, "report", "--format", "json",
                "--run", summary.get("run_id").asString());
        assertThat(report.exitCode()).as(report.stderr()).isZero();
        assertThat(json(report.stdout()).get("adds_up").asBoolean()).isTrue();
        assertThat(json(report.stdout()).at("/files/seen").asLong()).isEqualTo(files);
    }

    @Test
    void shouldExitTwoOnWrongUsageWithoutTouchingTheStore() throws Exception {
        for (List<String> args : List.of(List.of("migrate"), List.of("frobnicate"), List.of("report", "--format", "pdf"),
                List.of("users", "add", "ann", "--role", "king", "--password-stdin"),
                List.of("review", "resolve", "--user", "ann"), List.of("migrate", "--input", work.resolve("nope").toString()))) {
            MedrecProcess.Result result = MedrecProcess.run(home, args.toArray(String[]::new));
            assertThat(result.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCode.USAGE);
            assertThat(result.stdout()).as(String.join(" ", args)).isEmpty();
            assertThat(result.stderr()).as(String.join(" ", args)).contains("medrec:");
        }
        assertThat(home).isEmptyDirectory();
    }

    @Test
    void shouldExitOneWhenTheStoreCannotBeReached() throws Exception {
        MedrecProcess.Result result = MedrecProcess.run(home,
                Map.of("MEDREC_DB_URL", "jdbc:postgresql://127.0.0.1:1/medrec"), null, "report");

        assertThat(result.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr()).contains("cannot reach the record store");
    }

    @Test
    void shouldExitThreeWhileAnotherMigrationRunsAgainstTheStore() throws Exception {
        Path input = Fixtures.copyTree(Fixtures.resource("external/csv-spectrum/csvs"), work.resolve("in"));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home)) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server.jdbcUrl());
            try (StoreLock running = StoreLock.tryMigrationLock(dataSource).orElseThrow()) {
                MedrecProcess.Result result = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

                assertThat(result.exitCode()).as(result.stderr()).isEqualTo(ExitCode.MIGRATION_RUNNING);
                assertThat(result.stdout()).isEmpty();
                assertThat(result.stderr()).contains("another migration is already running");
            }
            MedrecProcess.Result after = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");
            assertThat(after.exitCode()).as(after.stderr()).isZero();
            assertThat(json(after.stdout()).at("/files/seen").asLong()).isEqualTo(Fixtures.countFiles(input));
        }
    }

    @Test
    void shouldAddUsersFromStandardInputWithBcryptHashAndAuditEntry() throws Exception {
        MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "correct horse battery\n",
                "users", "add", "tech1", "--role", "technician", "--password-stdin");
        MedrecProcess.Result again = MedrecProcess.run(home, Map.of(), "another long password\n",
                "users", "add", "tech1", "--role", "viewer", "--password-stdin");
        MedrecProcess.Result tooShort = MedrecProcess.run(home, Map.of(), "short\n",
                "users", "add", "tech2", "--role", "viewer", "--password-stdin");

        assertThat(added.exitCode()).as(added.stderr()).isZero();
        assertThat(again.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(again.stderr()).contains("already exists");
        assertThat(tooShort.exitCode()).isEqualTo(ExitCode.USAGE);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             var c = java.sql.DriverManager.getConnection(server.jdbcUrl());
             var s = c.createStatement()) {
            var users = s.executeQuery("SELECT role, password_hash FROM app_user WHERE username = 'tech1'");
            assertThat(users.next()).isTrue();
            assertThat(users.getString(1)).isEqualTo("technician");
            assertThat(users.getString(2)).startsWith("$2").doesNotContain("horse");
            var audit = s.executeQuery("SELECT count(*) FROM audit_log WHERE action = 'user.add' AND entity_id = 'tech1'");
            audit.next();
            assertThat(audit.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void shouldListAnEmptyQueueAsJsonAndSayWhatIsNotAvailableYet() throws Exception {
        MedrecProcess.Result list = MedrecProcess.run(home, "review", "list", "--json");
        MedrecProcess.Result export = MedrecProcess.run(home, "export", "fhir", "--out", work.toString());

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(json(list.stdout()).isArray()).isTrue();
        assertThat(export.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(export.stderr()).contains("not available in this version");
    }
}
