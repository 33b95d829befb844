package org.medrec.spreadsheet.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.job.MigrationService;
import org.medrec.report.RunSummary;
import org.medrec.audit.AuditLog;
import org.medrec.review.Decision;
import org.medrec.review.ReviewDecisions;
import org.medrec.testing.Fixtures;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Synthea CSV exports, both column sets, migrated into the store with the synthea mapping. */
@StoreTest
class SyntheaExportIntegrationTests {

    private static final String INFANT = "593aaa05-d864-1df7-5b96-155fbdb19f28";
    private static final String ADULT = "6761ab26-73e9-ad0b-cec4-56c6edd74762";
    private static final String NO_ZIP = "0a53f662-453a-ffcf-3dba-601662512027";
    private static final String NEWER = "b1e6a9f0-5c2d-4e1a-9f3b-00000000000";

    @Autowired
    MigrationService migration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewDecisions decisions;

    @TempDir
    Path input;

    @Test
    void shouldLoadTheRealExportWithItsIdLinksAndPutBadRowsInReview() throws Exception {
        // given: the real rows of three patients, and two broken rows the test adds
        Path export = copyCsvFiles("external/synthea-a", input.resolve("synthea"));
        List<String> encounters = Files.readAllLines(export.resolve("encounters.csv"));
        append(export.resolve("encounters.csv"), encounters.get(encounters.size() - 1));
        append(export.resolve("immunizations.csv"),
                "2021-08-23T03:26:50Z,593AAA05,33dc326d-4b64-921b-4afe-6456415a2e78,08,Hep B  adolescent or pediatric,136.00");

        // when
        RunSummary summary = migration.migrate(input);

        // then: every file read with the synthea mapping, the right payer_transitions variant
        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(summary.records().heldForReview()).isZero();
        assertThat(outcomes()).containsExactly("synthea/allergies.csv loaded", "synthea/conditions.csv loaded",
                "synthea/encounters.csv loaded", "synthea/immunizations.csv loaded", "synthea/medications.csv loaded",
                "synthea/patients.csv loaded", "synthea/payer_transitions.csv loaded", "synthea/payers.csv loaded");
        assertThat(reason("synthea/patients.csv")).endsWith("read with the synthea mapping");
        assertThat(reason("synthea/payers.csv")).startsWith("the payers look-up table of the synthea mapping");
        assertThat(sheetsOf("synthea/payer_transitions.csv")).containsExactly("payer_transitions_years");

        // patients: the UUID is the MRN, names as written, the state as its code
        assertThat(jdbc.sql("""
                SELECT count(*) FROM patient_identifier pi JOIN identifier_system s ON s.id = pi.system_id
                WHERE s.system = 'urn:medrec:synthea'""").query(Long.class).single()).isEqualTo(3);
        assertThat(patient(INFANT)).isEqualTo("Vela532|{\"Jorge Luis88\"}|2021-08-22|male|Visalia|CA|93291");
        assertThat(patient(ADULT)).isEqualTo("Grimes165|{Fred155}|1985-11-20|male|San Diego|CA|92145");
        assertThat(patient(NO_ZIP)).endsWith("|French Valley|CA|");

        // encounters keep their Synthea Id; the reason, else the kind of visit
        assertThat(count("encounter WHERE source_id IS NOT NULL")).isEqualTo(encounters.size() - 1);
        assertThat(encounter("33dc326d-4b64-921b-4afe-6456415a2e78")).isEqualTo("2021-08-23|Well child visit (procedure)");
        assertThat(encounter("d85ad2d8-12c2-bc50-3f9f-dca730422758")).isEqualTo("2014-05-05|Acute bronchitis (disorder)");

        // id links: every entry recorded at an encounter finds it, for the same patient
        for (String table : List.of("diagnosis", "medication", "immunization", "allergy")) {
            assertThat(count(table + " WHERE encounter_source_id IS NOT NULL")).as(table).isPositive();
            assertThat(count(table + " x WHERE NOT EXISTS (SELECT 1 FROM encounter e WHERE e.patient_id = x.patient_id"
                    + " AND e.source_id = x.encounter_source_id)")).as(table + " rows without their encounter").isZero();
        }
        assertThat(jdbc.sql("""
                SELECT i.cvx || ' ' || i.vaccine FROM immunization i JOIN encounter e
                  ON e.patient_id = i.patient_id AND e.source_id = i.encounter_source_id
                WHERE e.source_id = '33dc326d-4b64-921b-4afe-6456415a2e78'""").query(String.class).list())
                .containsExactly("08 Hep B adolescent or pediatric");

        // conditions: SNOMED descriptions, never loaded as ICD-10 codes
        assertThat(count("diagnosis WHERE code IS NOT NULL")).isZero();
        assertThat(jdbc.sql("SELECT display FROM diagnosis WHERE encounter_source_id = 'd85ad2d8-12c2-bc50-3f9f-dca730422758'")
                .query(String.class).list()).contains("Acute bronchitis (disorder)");
        assertThat(jdbc.sql("SELECT substance || ' / ' || reaction FROM allergy WHERE substance LIKE 'Fish%'")
                .query(String.class).single()).isEqualTo("Fish (substance) / Dyspnea (finding)");

        // insurance: the payer named from payers.csv, its Id kept as the raw value
        assertThat(jdbc.sql("SELECT payer || ' ' || member_id FROM coverage WHERE member_id = '3c12145d-f812-f62a-fa0c-2040594e253c'")
                .query(String.class).single()).isEqualTo("Medicaid 3c12145d-f812-f62a-fa0c-2040594e253c");
        assertThat(jdbc.sql("""
                SELECT DISTINCT p.raw FROM value_provenance_all p JOIN coverage c ON c.id = p.entity_id
                WHERE p.entity = 'coverage' AND p.field = 'payer' AND c.payer = 'Medicaid'""").query(String.class).list())
                .containsExactly("7c4411ce-02f1-39b5-b9ec-dfbea9ad3c1a");
        assertThat(count("coverage WHERE payer ~ '^[0-9a-f]{8}-' OR payer = 'NO_INSURANCE'")).isZero();

        // the two broken rows are in review, not loaded
        assertThat(jdbc.sql("SELECT path || ' ' || row_num || ': ' || reason FROM review_item ORDER BY path")
                .query(String.class).list()).containsExactly(
                "synthea/encounters.csv " + (encounters.size() + 1) + ": bad row " + (encounters.size() + 1)
                        + ": exact duplicate of row " + encounters.size() + "; it was not loaded",
                "synthea/immunizations.csv 55: bad row 55: '593AAA05' is not an MRN in this clinic's format; it was not loaded");
    }

    @Test
    void shouldLoadPatientsWithoutAZipNameProvidersAndReportTheFilesNotMigratedByDesign() throws Exception {
        // given: the export with its providers and care plans, and a patient whose ZIP is Synthea's 00000
        Path export = copyCsvFiles("external/synthea-a", input.resolve("synthea"));
        Files.copy(Fixtures.resource("spreadsheet/synthea-by-design/providers.csv"), export.resolve("providers.csv"));
        Files.copy(Fixtures.resource("spreadsheet/synthea-by-design/careplans.csv"), export.resolve("careplans.csv"));
        Path patients = export.resolve("patients.csv");
        List<String> rows = Files.readAllLines(patients);
        Files.write(patients, rows.stream().map(r -> r.startsWith(ADULT) ? r.replace(",92145,", ",00000,") : r).toList());

        // when
        RunSummary summary = migration.migrate(input);

        // then: every patient loaded, the placeholder ZIP as no value, no item nobody can act on
        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(patient(ADULT)).isEqualTo("Grimes165|{Fred155}|1985-11-20|male|San Diego|CA|");
        assertThat(count("review_item")).isZero();
        assertThat(reason("synthea/careplans.csv")).isEqualTo("not migrated by design: the careplans of the synthea mapping"
                + " (care plans are not in the record model)");
        assertThat(reason("synthea/providers.csv")).startsWith("the providers look-up table of the synthea mapping");
        assertThat(count("encounter WHERE provider IS NULL")).isZero();
        assertThat(jdbc.sql("SELECT count(DISTINCT provider) FROM encounter").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void shouldLoadTheNewerColumnSetWithMiddleNamesAndTheNewPayerTransitionHeaders() throws Exception {
        // given
        copyCsvFiles("spreadsheet/synthea-newer-columns", input);

        // when
        RunSummary summary = migration.migrate(input);

        // then
        assertThat(summary.status()).isEqualTo("COMPLETED");
        assertThat(outcomes()).allSatisfy(o -> assertThat(o).endsWith(" loaded"));
        assertThat(sheetsOf("payer_transitions.csv")).containsExactly("payer_transitions");
        assertThat(patient(NEWER + "1")).isEqualTo("Ortega212|{José898,Antonio417}|1961-04-12|male|Springfield|MA|01103");
        assertThat(jdbc.sql("SELECT reason FROM review_item WHERE path = 'patients.csv'").query(String.class).single())
                .contains("February has no day 30");
        assertThat(jdbc.sql("""
                SELECT d.display FROM diagnosis d JOIN encounter e ON e.patient_id = d.patient_id
                  AND e.source_id = d.encounter_source_id
                WHERE e.date = DATE '2023-03-02'""").query(String.class).single()).isEqualTo("Acute viral pharyngitis (disorder)");
        assertThat(jdbc.sql("SELECT payer || ' ' || member_id FROM coverage ORDER BY payer").query(String.class).list())
                .containsExactly("Medicare 6f1d0c2e-0000-4b00-8000-0000000000f1");

        // the record naming a payer Id that payers.csv lacks waits in review with its payer
        assertThat(summary.records().heldForReview()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT mrn || ' ' || field || ' ' || raw || ': ' || reason FROM review_item WHERE path = 'payer_transitions.csv'")
                .query(String.class).single()).isEqualTo(NEWER + "2 patient.insurance[1].payer 0badc0de-0000-4000-8000-000000000000: "
                + "PAYER is a key of the payers table: '0badc0de-0000-4000-8000-000000000000' is not in payers.csv");

        // a technician types the payer's name: the held record loads, the Id stays its raw value
        UUID item = jdbc.sql("SELECT id FROM review_item WHERE path = 'payer_transitions.csv'").query(UUID.class).single();
        decisions.decide(item, new Decision.Value("Aetna"), "tech1", AuditLog.Origin.CLI);
        assertThat(jdbc.sql("SELECT payer || ' ' || member_id FROM coverage ORDER BY payer").query(String.class).list())
                .containsExactly("Aetna 6f1d0c2e-0000-4b00-8000-0000000000f3", "Blue Cross Blue Shield 6f1d0c2e-0000-4b00-8000-0000000000f2",
                        "Medicare 6f1d0c2e-0000-4b00-8000-0000000000f1");
    }

    @Test
    void shouldHoldThePayersForReviewWhenNoPayersFileIsBesideTheTransitions() throws Exception {
        // given
        Files.copy(Fixtures.resource("spreadsheet/synthea-newer-columns/payer_transitions.csv"), input.resolve("payer_transitions.csv"));

        // when
        RunSummary summary = migration.migrate(input);

        // then
        assertThat(summary.records().heldForReview()).isEqualTo(2);
        assertThat(count("coverage")).isZero();
        assertThat(jdbc.sql("SELECT DISTINCT reason FROM review_item").query(String.class).list()).singleElement()
                .asString().startsWith("PAYER is a key of the payers table: no file beside it is the export's payers file");
    }

    private Path copyCsvFiles(String resource, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Fixtures.resource(resource))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(f, to.resolve(f.getFileName().toString()));
            }
        }
        return to;
    }

    private static void append(Path file, String line) throws Exception {
        Files.writeString(file, line + "\n", StandardOpenOption.APPEND);
    }

    private List<String> outcomes() {
        return jdbc.sql("SELECT rf.path || ' ' || sf.outcome FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id ORDER BY rf.path")
                .query(String.class).list();
    }

    private String reason(String path) {
        return jdbc.sql("SELECT sf.reason FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id WHERE rf.path = ?")
                .param(path).query(String.class).single();
    }

    private List<String> sheetsOf(String path) {
        return jdbc.sql("""
                SELECT DISTINCT p.sheet FROM value_provenance_all p JOIN run_file rf ON rf.source_file_id = p.source_file_id
                WHERE rf.path = ?""").param(path).query(String.class).list();
    }

    private String patient(String mrn) {
        return jdbc.sql("""
                SELECT concat_ws('|', p.family, p.given::text, p.birth_date::text, p.sex, p.city, p.state, coalesce(p.postal_code, ''))
                FROM patient p JOIN patient_identifier pi ON pi.patient_id = p.id WHERE pi.value = ?""")
                .param(mrn).query(String.class).single();
    }

    private String encounter(String sourceId) {
        return jdbc.sql("SELECT date || '|' || reason FROM encounter WHERE source_id = ?").param(sourceId)
                .query(String.class).single();
    }

    private long count(String from) {
        return jdbc.sql("SELECT count(*) FROM " + from).query(Long.class).single();
    }
}
