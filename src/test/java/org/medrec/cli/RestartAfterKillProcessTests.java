package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;

/** A migration killed with SIGKILL in the middle is resumed by the next migrate: the store equals a clean run's. */
class RestartAfterKillProcessTests {

    @TempDir
    Path work;

    @Test
    void shouldResumeARunKilledMidwayAndEndWithTheStoreOfAnUninterruptedRun() throws Exception {
        Path input = Fixtures.copyTree(Fixtures.sampleScans(), work.resolve("in"));
        Fixtures.copyTree(Fixtures.resource("spreadsheet/dev"), input.resolve("sheets"));
        Path killedHome = work.resolve("killed");
        Path cleanHome = work.resolve("clean");

        killMidway(killedHome, input);
        MedrecProcess.Result resumed = MedrecProcess.run(killedHome, "migrate", "--input", input.toString(), "--json");
        MedrecProcess.Result clean = MedrecProcess.run(cleanHome, "migrate", "--input", input.toString(), "--json");

        assertThat(resumed.exitCode()).as(resumed.stderr()).isZero();
        assertThat(clean.exitCode()).as(clean.stderr()).isZero();
        assertThat(storeContents(killedHome)).isEqualTo(storeContents(cleanHome));
    }

    /** Starts a migration and kills it (SIGKILL, no shutdown hooks) once its job is running. */
    private static void killMidway(Path home, Path input) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                "org.medrec.MedrecApplication", "migrate", "--input", input.toString()));
        Path err = Files.createTempFile("medrec-killed", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile());
        builder.environment().remove("MEDREC_DB_URL");
        builder.environment().put("MEDREC_HOME", home.toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(err).contains("spreadsheet") && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(200);   // the sheets step has begun: intake is committed, the rest is not
        }
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(err);
    }

    /** Everything a run leaves in the store, in a stable order, without ids or times. */
    private static List<String> storeContents(Path home) throws Exception {
        List<String> rows = new ArrayList<>();
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             Connection c = DriverManager.getConnection(server.jdbcUrl());
             Statement s = c.createStatement()) {
            for (String sql : List.of(
                    "SELECT sha256 || ' ' || format || ' ' || coalesce(pages::text, '-') || ' ' || outcome || ' '"
                            + " || coalesce(reason, '') FROM source_file ORDER BY 1",
                    "SELECT path || ' ' || coalesce(sheet, '') || ' ' || coalesce(row_num::text, '') || ' ' || field"
                            + " || ' ' || reason FROM review_item ORDER BY 1",
                    "SELECT sf.sha256 || ' ' || p.number || ' ' || p.source || ' ' || jsonb_array_length(p.words)"
                            + " FROM page p JOIN source_file sf ON sf.id = p.source_file_id ORDER BY 1",
                    "SELECT 'patients ' || count(*) FROM patient", "SELECT 'identifiers ' || count(*) FROM patient_identifier",
                    "SELECT 'encounters ' || count(*) FROM encounter", "SELECT 'diagnoses ' || count(*) FROM diagnosis",
                    "SELECT 'immunizations ' || count(*) FROM immunization", "SELECT 'charges ' || count(*) FROM charge",
                    "SELECT 'coverage ' || count(*) FROM coverage", "SELECT 'documents ' || count(*) FROM document",
                    "SELECT 'provenance ' || count(*) FROM value_provenance")) {
                try (ResultSet r = s.executeQuery(sql)) {
                    while (r.next()) {
                        rows.add(r.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
