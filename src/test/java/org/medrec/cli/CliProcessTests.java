package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.store.StoreLock;
import org.medrec.testing.Fixtures;
import org.postgresql.ds.PGSimpleDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The CLI contract of shared/specs/cli.md, checked on real processes and the embedded store. The first
 * migration starts from an empty home; the other tests start from a copy of an initialised store
 * ({@link MedrecProcess#initialisedStore}) and hold its server while their commands run, so that each
 * command joins it, as the commands of a script join the server the last one kept running.
 */
@Tag("process")
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
        // the six that are quarantined, a workbook and a scan with a misleading extension: the whole folder, with its
        // fourteen pages of OCR, is migrated by SampleScansBrowserTests, which checks the README's summary of it
        Path input = Files.createDirectories(work.resolve("in"));
        for (String name : List.of("empty-file.pdf", "encrypted.pdf", "truncated.pdf", "password-protected-workbook.xlsx",
                "blank-page.pdf", "grocery-receipt-not-medical.png", "patients-export.xlsx",
                "scan-saved-with-pdf-extension.pdf")) {
            Files.copy(Fixtures.sampleScans().resolve(name), input.resolve(name));
        }
        long files = Fixtures.countFiles(input);

        MedrecProcess.Result first = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        JsonNode summary = json(first.stdout());
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.at("/files/seen").asLong()).isEqualTo(files);
        assertThat(summary.at("/files/migrated").asLong() + summary.at("/files/quarantined").asLong()).isEqualTo(files);
        assertThat(summary.get("quarantine").valueStream().map(q -> q.get("file").asString()).toList())
                .containsExactlyInAnyOrder("empty-file.pdf", "encrypted.pdf", "truncated.pdf",
                        "password-protected-workbook.xlsx", "blank-page.pdf", "grocery-receipt-not-medical.png");
        assertThat(summary.get("ledger").valueStream().map(e -> e.get("file").asString() + " " + e.get("outcome").asString()))
                .hasSize((int) files).contains("encrypted.pdf quarantined", "grocery-receipt-not-medical.png quarantined",
                        "patients-export.xlsx loaded", "blank-page.pdf quarantined");
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
                List.of("review", "resolve", "--user", "ann"), List.of("review", "resolve", "not-an-id", "--accept", "--user", "ann"),
                List.of("review", "resolve", "--batch", work.resolve("no-such-batch.json").toString(), "--user", "ann"),
                List.of("migrate", "--input", work.resolve("nope").toString()))) {
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
        MedrecProcess.initialisedStore(home);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home)) {
            PGSimpleDataSource dataSource = new PGSimpleDataSource();
            dataSource.setUrl(server.jdbcUrl());
            dataSource.setUser(server.appUser());
            dataSource.setPassword(server.appPassword());
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
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            addUsers(server);
        }
    }

    private void addUsers(EmbeddedPostgresServer server) throws Exception {
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
        try (var c = server.connect();
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
    void shouldListAnEmptyQueueAndExportAnEmptyStoreAsJson() throws Exception {
        MedrecProcess.Result list;
        MedrecProcess.Result export;
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            list = MedrecProcess.run(home, "review", "list", "--json");
            export = MedrecProcess.run(home, "export", "fhir", "--out", work.resolve("fhir").toString());
        }

        assertThat(list.exitCode()).as(list.stderr()).isZero();
        assertThat(json(list.stdout()).isArray()).isTrue();
        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(json(export.stdout()).get("patients").asInt()).isZero();
    }

    @Test
    void shouldServeTheLoginPageUntilStopped() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = work.resolve("serve.log");
        Process serve = MedrecProcess.start(MedrecProcess.initialisedStore(home), log, "serve", "--port", String.valueOf(port));
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
            while (!(Files.exists(log) && Files.readString(log).contains("serving the review UI"))) {
                assertThat(serve.isAlive()).as("serve is running: " + (Files.exists(log) ? Files.readString(log) : "")).isTrue();
                assertThat(System.nanoTime()).as("serve started within 3 minutes").isLessThan(deadline);
                Thread.sleep(200);
            }
            var http = java.net.http.HttpClient.newHttpClient();
            var queue = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/queue"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            var login = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

            assertThat(queue.statusCode()).isEqualTo(302);
            assertThat(queue.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("name=\"_csrf\"").contains("name=\"password\"");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("serve stops on SIGTERM").isTrue();
        }
    }

    @Test
    void shouldResolveABatchOfDecisionsAndReleaseTheHeldRecordIntoTheStore() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            resolveABatch(server);
        }
    }

    private void resolveABatch(EmbeddedPostgresServer server) throws Exception {
        int yy = (LocalDate.now().getYear() - 2) % 100;   // 1/5/yy: two years old, or 102
        Path input = Files.createDirectories(work.resolve("in"));
        Files.writeString(input.resolve("patients-two-digit-birth-year-and-bad-row.csv"), """
                MRN,Last Name,First Name,DOB,Sex
                00012345,Testperson,Ann,1/5/%02d,F
                ABC,Nobody,Bad,03/14/1962,M
                """.formatted(yy));
        MedrecProcess.Result migrated = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");
        assertThat(migrated.exitCode()).as(migrated.stderr()).isZero();
        assertThat(json(migrated.stdout()).at("/records/held_for_review").asLong()).isEqualTo(1);

        JsonNode queue = json(MedrecProcess.run(home, "review", "list", "--json").stdout());
        assertThat(queue.size()).isEqualTo(2);
        JsonNode birth = queue.valueStream().filter(i -> i.get("field").asString().equals("patient.birth_date")).findFirst().orElseThrow();
        JsonNode badRow = queue.valueStream().filter(i -> i.get("field").asString().equals("*")).findFirst().orElseThrow();
        assertThat(birth.get("value").asString()).isEqualTo("20%02d-01-05".formatted(yy));
        assertThat(badRow.get("row").asInt()).isEqualTo(3);

        for (String name : List.of("tech1", "scorer")) {
            MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "a long passphrase here\n", "users", "add", name,
                    "--role", "technician", "--password-stdin");
            assertThat(added.exitCode()).as(added.stderr()).isZero();
        }
        MedrecProcess.Result refused = MedrecProcess.run(home, "review", "resolve", birth.get("id").asString(),
                "--value", "02/30/19%02d".formatted(yy), "--user", "tech1");
        assertThat(refused.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(refused.stdout()).isEmpty();
        assertThat(refused.stderr()).contains("February has no day 30");

        String unknown = "00000000-0000-0000-0000-000000000000";
        Path batch = Files.writeString(work.resolve("round1.json"), """
                [{"id": "%s", "action": "value", "value": "19%02d-01-05"},
                 {"id": "%s", "action": "reject", "reason": "bad row: not an MRN of this clinic"},
                 {"id": "%s", "action": "accept"}]""".formatted(birth.get("id").asString(), yy, badRow.get("id").asString(), unknown));
        MedrecProcess.Result resolved = MedrecProcess.run(home, "review", "resolve", "--batch", batch.toString(), "--user", "scorer");

        assertThat(resolved.exitCode()).as(resolved.stderr()).isZero();
        JsonNode result = json(resolved.stdout());
        assertThat(result.propertyNames()).containsExactly("applied", "failed");
        assertThat(result.get("applied").asInt()).isEqualTo(2);
        assertThat(result.get("failed").size()).isEqualTo(1);
        assertThat(result.at("/failed/0/id").asString()).isEqualTo(unknown);
        assertThat(result.at("/failed/0/error").asString()).contains("no review item");
        assertThat(json(MedrecProcess.run(home, "review", "list", "--json", "--status", "open").stdout()).size()).isZero();
        assertThat(json(MedrecProcess.run(home, "review", "list", "--json", "--status", "all").stdout()).valueStream()
                .map(i -> i.get("status").asString())).containsExactly("resolved", "resolved");
        try (var c = server.connect();
             var s = c.createStatement()) {
            var stored = s.executeQuery("""
                    SELECT p.birth_date::text, vp.review_item_id::text, vp.reviewed_by, d.status
                    FROM patient p JOIN value_provenance vp ON vp.entity = 'patient' AND vp.entity_id = p.id
                    JOIN document d ON d.id = vp.document_id WHERE vp.field = 'birth_date'""");
            assertThat(stored.next()).isTrue();
            assertThat(stored.getString(1)).isEqualTo("19%02d-01-05".formatted(yy));
            assertThat(stored.getString(2)).isEqualTo(birth.get("id").asString());
            assertThat(stored.getString(3)).isEqualTo("scorer");
            assertThat(stored.getString(4)).isEqualTo("loaded");
            var audit = s.executeQuery("""
                    SELECT string_agg(action || ' ' || actor || ' ' || origin, ', ' ORDER BY action)
                    FROM audit_log WHERE entity = 'review_item'""");
            audit.next();
            assertThat(audit.getString(1)).isEqualTo("review.reject scorer cli, review.value scorer cli");
            var osUser = s.executeQuery("SELECT DISTINCT detail->>'os_user' FROM audit_log WHERE entity = 'review_item'");
            osUser.next();
            assertThat(osUser.getString(1)).as("the OS user beside the account").isEqualTo(System.getProperty("user.name"));
        }
    }

    @Test
    void shouldRefuseDecisionsUnderAnyNameButAnEnabledTechniciansAccount() throws Exception {
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            refuseDecisions();
        }
    }

    private void refuseDecisions() throws Exception {
        Path input = Files.createDirectories(work.resolve("in"));
        Files.writeString(input.resolve("patients-bad-row.csv"), """
                MRN,Last Name,First Name,DOB,Sex
                ABC,Nobody,Bad,03/14/1962,M
                """);
        assertThat(MedrecProcess.run(home, "migrate", "--input", input.toString()).exitCode()).isZero();
        String item = json(MedrecProcess.run(home, "review", "list", "--json").stdout()).at("/0/id").asString();
        for (String[] account : List.of(new String[] {"viewer1", "viewer"}, new String[] {"leaver", "technician"})) {
            assertThat(MedrecProcess.run(home, Map.of(), "a long passphrase here\n", "users", "add", account[0], "--role",
                    account[1], "--password-stdin").exitCode()).isZero();
        }
        assertThat(MedrecProcess.run(home, "users", "disable", "leaver").exitCode()).isZero();

        for (String user : List.of("nobody", "viewer1", "leaver")) {
            MedrecProcess.Result refused = MedrecProcess.run(home, "review", "resolve", item, "--accept", "--user", user);
            assertThat(refused.exitCode()).as(user).isEqualTo(ExitCode.FAILED);
            assertThat(refused.stderr()).as(user).contains("--user " + user + " is not an enabled technician account");
        }
        Path batch = Files.writeString(work.resolve("batch.json"), "[{\"id\": \"" + item + "\", \"action\": \"accept\"}]");
        assertThat(MedrecProcess.run(home, "review", "resolve", "--batch", batch.toString(), "--user", "nobody").exitCode())
                .isEqualTo(ExitCode.FAILED);
        assertThat(json(MedrecProcess.run(home, "review", "list", "--json").stdout()).at("/0/status").asString())
                .isEqualTo("open");
    }
}
