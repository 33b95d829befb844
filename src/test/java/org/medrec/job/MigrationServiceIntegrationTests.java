package org.medrec.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.intake.Fingerprint;
import org.medrec.report.RunSummary;
import org.medrec.store.StoreLock;
import org.medrec.testing.Fixtures;
import org.medrec.testing.StoreTables;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StoreTest
class MigrationServiceIntegrationTests {

    @Autowired
    MigrationService migration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path input;

    private Path brokenFilesFolder() {
        Fixtures.copyTree(Fixtures.resource("external/pdf-malformed"), input.resolve("pdf-malformed"));
        Fixtures.copyTree(Fixtures.resource("external/poi-spreadsheet"), input.resolve("poi-spreadsheet"));
        Fixtures.copyTree(Fixtures.resource("external/csv-spectrum/csvs"), input.resolve("csv-spectrum"));
        return input;
    }

    @Test
    void shouldAccountForEveryBrokenFileOfTheExternalCorpora() throws Exception {
        Path folder = brokenFilesFolder();
        long files = Fixtures.countFiles(folder);

        RunSummary summary = migration.migrate(folder);

        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.files().seen()).isEqualTo(files);
        assertThat(summary.files().addUp()).isTrue();
        assertThat(summary.quarantine()).hasSize((int) summary.files().quarantined())
                .allSatisfy(q -> assertThat(q.reason()).isNotBlank());
        assertThat(jdbc.sql("SELECT count(*) FROM run_file WHERE run_id = ?").param(summary.runId())
                .query(Long.class).single()).isEqualTo(files);
        Map<String, String> reasons = new HashMap<>();
        summary.quarantine().forEach(q -> reasons.put(q.file(), q.reason()));
        assertThat(reasons.get("pdf-malformed/qpdf/encrypted-40-bit-R3.pdf")).startsWith("encrypted PDF");
        assertThat(reasons.get("poi-spreadsheet/password.xls")).startsWith("encrypted workbook");
        assertThat(reasons.get("poi-spreadsheet/62815.xlsb")).contains(".xlsb");
        assertThat(reasons).doesNotContainKey("csv-spectrum/utf8.csv");
    }

    @Test
    void shouldSkipEverythingOnSecondRunAndChangeNothing() throws Exception {
        Path folder = brokenFilesFolder();
        RunSummary first = migration.migrate(folder);
        String ledgerBefore = ledgerDump();

        RunSummary second = migration.migrate(folder);

        assertThat(second.runId()).isNotEqualTo(first.runId());
        assertThat(second.files().seen()).isEqualTo(first.files().seen());
        assertThat(second.files().alreadyMigrated()).isEqualTo(second.files().seen());
        assertThat(second.files().migrated()).isZero();
        assertThat(second.files().quarantined()).isZero();
        assertThat(ledgerDump()).isEqualTo(ledgerBefore);
    }

    @Test
    void shouldNeverModifyOrMoveTheOriginals() throws Exception {
        Path folder = brokenFilesFolder();
        Map<Path, String> before = fingerprints(folder);

        migration.migrate(folder);

        assertThat(fingerprints(folder)).isEqualTo(before);
    }

    @Test
    void shouldRecordSameContentUnderTwoNamesOnceAsAlreadyMigrated() throws Exception {
        Path pdf = Fixtures.sampleScans().resolve("born-digital-progress-note.pdf");
        Files.copy(pdf, input.resolve("a.pdf"));
        Files.copy(pdf, input.resolve("b-copy.pdf"));

        RunSummary summary = migration.migrate(input);

        assertThat(summary.files().seen()).isEqualTo(2);
        assertThat(summary.files().migrated()).isEqualTo(1);
        assertThat(summary.files().alreadyMigrated()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM source_file").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldQuarantinePipesAndBrokenLinksInsteadOfSkippingOrHanging() throws Exception {
        assertThat(new ProcessBuilder("mkfifo", input.resolve("pipe.pdf").toString()).start().waitFor()).isZero();
        Files.createSymbolicLink(input.resolve("gone.pdf"), input.resolve("nowhere.pdf"));
        Files.writeString(input.resolve("ok.csv"), "MRN,Name\n1,A\n2,B\n");

        RunSummary summary = migration.migrate(input);

        assertThat(summary.files().seen()).isEqualTo(3);
        assertThat(summary.files().migrated()).isEqualTo(1);
        assertThat(summary.quarantine()).extracting(RunSummary.Quarantined::file, RunSummary.Quarantined::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gone.pdf", "a broken link: the file it points to does not exist"),
                        org.assertj.core.groups.Tuple.tuple("pipe.pdf", "not a regular file (a named pipe, socket or device):"
                                + " copy the document itself into the folder"));
    }

    @Test
    void shouldLoadSpreadsheetsWithTheirMappingAndPutBadRowsAndUnknownExportsInReview() throws Exception {
        Files.copy(Fixtures.resource("spreadsheet/dev/s04_harbor_immunizations.xls"), input.resolve("imm.xls"));
        Files.copy(Fixtures.resource("spreadsheet/dev/s03_chc_billing.csv"), input.resolve("billing.csv"));
        Files.writeString(input.resolve("other-system.csv"), "PatientID,Surname,Forename\nX1,Doe,Jane\nX2,Roe,Rick\n");

        RunSummary summary = migration.migrate(input);

        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.records().loaded()).isEqualTo(32 + 28);
        assertThat(jdbc.sql("SELECT path || ' ' || outcome FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id ORDER BY path")
                .query(String.class).list())
                .containsExactly("billing.csv loaded", "imm.xls loaded", "other-system.csv held_for_review");
        assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE path = 'imm.xls' AND field = '*' AND sheet = 'IMMUNIZ'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT row_num || ' ' || reason FROM review_item WHERE path = 'billing.csv' ORDER BY row_num")
                .query(String.class).list()).hasSize(4).anyMatch(r -> r.startsWith("85 ") && r.contains("duplicate of row"));
        assertThat(jdbc.sql("SELECT reason FROM review_item WHERE path = 'other-system.csv'").query(String.class).single())
                .startsWith("no mapping under jobs/mappings fits this export");
        assertThat(jdbc.sql("SELECT count(*) FROM immunization").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM value_provenance_all WHERE method = 'spreadsheet' AND sheet = 'IMMUNIZ' AND col IS NOT NULL")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void shouldLoadEveryOtherPatientOfAnExportWithAQuoteThatNeverClosesAndLeaveOneRowItem(@TempDir Path broken)
            throws Exception {
        // given: the dev corpus's Northgate patients (multi-line addresses and all), as is and with one stray quote
        Path export = Fixtures.resource("spreadsheet/dev/s02_ng_patients.csv");
        Files.copy(export, input.resolve("patients.csv"));
        List<String> lines = Files.readAllLines(export);
        int stray = lines.size() / 2;
        while (lines.get(stray).chars().filter(c -> c == '"').count() > 0) {
            stray++;   // a record on one line of its own
        }
        String[] fields = lines.get(stray).split(",", -1);
        fields[1] = "\"" + fields[1];
        lines.set(stray, String.join(",", fields));
        Files.write(broken.resolve("patients.csv"), lines);
        long patients = migrated(input);
        long rowItems = jdbc.sql("SELECT count(*) FROM review_item WHERE kind = 'row'").query(Long.class).single();
        StoreTables.wipeMigrations();

        // when
        RunSummary summary = migration.migrate(broken);

        // then
        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.quarantine()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isEqualTo(patients - 1);
        assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE kind = 'row'").query(Long.class).single())
                .isEqualTo(rowItems + 1);
        assertThat(jdbc.sql("SELECT kind || ' | ' || raw || ' | ' || reason FROM review_item WHERE reason LIKE '%quote%'")
                .query(String.class).single())
                .isEqualTo("row | " + lines.get(stray) + " | bad row " + (stray + 1 - quotedBreaksBefore(lines, stray))
                        + ": a quote opened on line " + (stray + 1) + " is not closed where the row ends, so the row could"
                        + " not be split into its columns; it was not loaded");
    }

    /** The line breaks inside quoted fields above line {@code index} (a record that runs over two lines is one record). */
    private static int quotedBreaksBefore(List<String> lines, int index) {
        int breaks = 0;
        for (int i = 0; i < index; i++) {
            if (lines.get(i).chars().filter(c -> c == '"').count() % 2 == 1) {
                breaks++;
            }
        }
        return breaks / 2;
    }

    private long migrated(Path folder) throws Exception {
        assertThat(migration.migrate(folder).status()).isEqualTo("COMPLETED");
        return jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single();
    }

    @Test
    void shouldReadChartPagesTurnedUprightAndQuarantineBlankOnes() throws Exception {
        for (String name : new String[] {"upside-down-intake-form.pdf", "blank-page.pdf", "born-digital-progress-note.pdf"}) {
            Files.copy(Fixtures.sampleScans().resolve(name), input.resolve(name));
        }

        RunSummary summary = migration.migrate(input);

        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.quarantine()).extracting(RunSummary.Quarantined::file, RunSummary.Quarantined::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("blank-page.pdf", "blank page: nothing is printed on it"));
        assertThat(jdbc.sql("SELECT sf.first_path || ' ' || p.number || ' ' || p.source || ' ' || p.rotation FROM page p"
                + " JOIN source_file sf ON sf.id = p.source_file_id ORDER BY 1").query(String.class).list())
                .containsExactly("blank-page.pdf 1 blank 0", "born-digital-progress-note.pdf 1 text_layer 0",
                        "born-digital-progress-note.pdf 2 text_layer 0", "upside-down-intake-form.pdf 1 ocr 180");
        assertThat(jdbc.sql("SELECT count(*) FROM page p JOIN source_file sf ON sf.id = p.source_file_id,"
                + " jsonb_array_elements(p.words) w WHERE sf.first_path = 'upside-down-intake-form.pdf'"
                + " AND w->>'t' = '00030103' AND (w->>'c')::numeric > 0.8").query(Long.class).single())
                .as("the MRN read with high confidence once the page is upright").isEqualTo(1);
        assertThat(jdbc.sql("SELECT sf.first_path || ' ' || d.doc_type FROM document d JOIN source_file sf ON sf.id = d.source_file_id"
                + " ORDER BY 1").query(String.class).list()).as("both read and classified, the upside-down one once upright")
                .containsExactly("born-digital-progress-note.pdf note", "upside-down-intake-form.pdf intake");
        assertThat(jdbc.sql("SELECT records->0->>'mrn' FROM document d JOIN source_file sf ON sf.id = d.source_file_id"
                + " WHERE sf.first_path = 'upside-down-intake-form.pdf'").query(String.class).single()).isEqualTo("00030103");
        assertThat(jdbc.sql("SELECT count(*) FROM review_item WHERE field = '*'").query(Long.class).single())
                .as("no document in review as a whole").isZero();
    }

    @Test
    void shouldRefuseASecondMigrationWhileOneIsRunning() throws Exception {
        Files.writeString(input.resolve("a.csv"), "MRN,Name\n1,A\n2,B\n");
        try (StoreLock running = StoreLock.tryMigrationLock(dataSource).orElseThrow()) {
            assertThatThrownBy(() -> migration.migrate(input)).isInstanceOf(MigrationService.AlreadyRunningException.class);
        }
        assertThat(migration.migrate(input).status()).isEqualTo("COMPLETED");
    }

    @Test
    void shouldResumeARunThatDidNotCompleteWithoutDoublingAnything() throws Exception {
        Path folder = brokenFilesFolder();
        long files = Fixtures.countFiles(folder);
        // a run whose process died after committing part of its ledger
        UUID crashed = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, ?)").params(crashed, folder.toRealPath().toString()).update();
        Path first = folder.resolve("csv-spectrum/simple.csv");
        Fingerprint fp = Fingerprint.of(first);
        long id = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, outcome)
                VALUES (?, ?, 'csv-spectrum/simple.csv', ?, 'CSV', 'received') RETURNING id""")
                .params(fp.sha256(), fp.size(), crashed).query(Long.class).single();
        jdbc.sql("INSERT INTO run_file (run_id, path, source_file_id, disposition) VALUES (?, 'csv-spectrum/simple.csv', ?, 'new')")
                .params(crashed, id).update();

        RunSummary resumed = migration.migrate(folder);

        assertThat(resumed.runId()).isEqualTo(crashed);
        assertThat(resumed.status()).isEqualTo("COMPLETED");
        assertThat(resumed.files().seen()).isEqualTo(files);
        assertThat(resumed.files().alreadyMigrated()).isEqualTo(alreadyMigratedWithinFolder(folder));
        assertThat(jdbc.sql("SELECT count(*) FROM run_file WHERE path = 'csv-spectrum/simple.csv'").query(Long.class).single())
                .isEqualTo(1);
    }

    /** Files whose content appears earlier in the same folder (the corpora hold a few copies). */
    private long alreadyMigratedWithinFolder(Path folder) throws IOException {
        Map<Path, String> all = fingerprints(folder);
        return all.size() - all.values().stream().map(v -> v.substring(0, 64)).distinct().count();
    }

    private String ledgerDump() {
        return String.join("\n", jdbc.sql("""
                SELECT sha256 || ' ' || format || ' ' || outcome || ' ' || coalesce(reason, '') FROM source_file ORDER BY sha256""")
                .query(String.class).list());
    }

    private static Map<Path, String> fingerprints(Path folder) throws IOException {
        Map<Path, String> result = new HashMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                FileTime modified = Files.getLastModifiedTime(f);
                result.put(folder.relativize(f), Fingerprint.of(f).sha256() + " " + modified.toMillis());
            }
        }
        return result;
    }
}
