package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.config.MedrecProperties;
import org.medrec.export.FhirExport;
import org.medrec.export.FhirValidation;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.audit.AuditLog;
import org.medrec.review.Decision;
import org.medrec.review.DecisionResult;
import org.medrec.review.ReviewDecisions;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Possible duplicate patients against a real PostgreSQL: asked about, linked, or kept apart. */
@StoreTest
class PossibleDuplicatesIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:bramble-creek";
    private static final String OTHER_CLINIC = "urn:medrec:test:fennick-bay";

    @Autowired
    RecordLoader loader;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MedrecProperties properties;

    private UUID run;
    private long sheet;
    private long card;
    private long note;

    @BeforeEach
    void sources() {
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        sheet = testRun.file("sheets/registrations.csv", "CSV", FileOutcome.LOADED, null);
        card = testRun.file("charts/intake.png", "PNG", FileOutcome.LOADED, null);
        note = testRun.file("charts/note.pdf", "PDF", FileOutcome.LOADED, null);
    }

    /** A synthetic registration row: MRN, family, given, birth date, sex, phone, then entries. */
    private ExtractedRecord row(String system, int row, String mrn, String family, String given, String birth, String sex,
                                String phone, FieldValue... entries) {
        List<FieldValue> fields = new ArrayList<>();
        fields.add(cell(row, "mrn", mrn));
        fields.add(cell(row, "patient.family", family));
        fields.add(cell(row, "patient.given[0]", given));
        fields.add(cell(row, "patient.birth_date", birth));
        if (sex != null) {
            fields.add(cell(row, "patient.sex", sex));
        }
        if (phone != null) {
            fields.add(cell(row, "patient.phone", phone));
        }
        fields.addAll(List.of(entries));
        return new ExtractedRecord(system, mrn, "patients", fields);
    }

    private FieldValue cell(int row, String path, String value) {
        return new FieldValue(path, value, value, 1.0, SourceRef.inSheet(sheet, "sheets/registrations.csv", "registrations",
                row, path), null);
    }

    private FieldValue onPage(long file, String path, String value) {
        return new FieldValue(path, value, value, 0.97, SourceRef.onPage(file, file == card ? "charts/intake.png"
                : "charts/note.pdf", 1, new int[] {40, 60, 200, 30}, Method.OCR), null);
    }

    private ExtractedRecord chart(long file, String mrn, String family, String given, String birth, FieldValue... more) {
        List<FieldValue> fields = new ArrayList<>(List.of(onPage(file, "mrn", mrn), onPage(file, "patient.family", family),
                onPage(file, "patient.given[0]", given), onPage(file, "patient.birth_date", birth)));
        fields.addAll(List.of(more));
        return new ExtractedRecord(CLINIC, mrn, "intake", fields);
    }

    private void loadRow(ExtractedRecord record) {
        loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "registrations", 1.0), List.of(record));
    }

    private void loadChart(long file, ExtractedRecord record) {
        loader.route(new RecordLoader.Source(run, file, "intake", 1, 1, null, 0.97), List.of(record));
    }

    private List<String> pairItems() {
        return jdbc.sql("SELECT mrn || ' ' || path || ' ' || field FROM review_item WHERE patient_link_id IS NOT NULL ORDER BY path")
                .query(String.class).list();
    }

    private UUID pairItem(String path) {
        return jdbc.sql("SELECT id FROM review_item WHERE patient_link_id IS NOT NULL AND path = ?").param(path)
                .query(UUID.class).single();
    }

    @Test
    void shouldAskSamePersonForATypoInBothNamesUnderAnotherMrnInEveryFileOfEitherPatient() {
        loadRow(row(CLINIC, 4, "B-20417", "Vandermolen-Ashby", "Percival", "1977-05-14", null, null));
        loadChart(card, chart(card, "B-20950", "Vandermolen-Asby", "Percivel", "1977-05-14"));
        loadChart(note, chart(note, "B-20950", "Vandermolen-Asby", "Percivel", "1977-05-14"));

        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isEqualTo(2);
        assertThat(pairItems()).containsExactly("B-20950 charts/intake.png *", "B-20950 charts/note.pdf *",
                "B-20417 sheets/registrations.csv *");
        assertThat(jdbc.sql("SELECT reason FROM review_item WHERE path = 'charts/note.pdf'").query(String.class).single())
                .contains("possible duplicate patient", "MRN B-20950", "MRN B-20417", "family name close", "given name close");
        assertThat(jdbc.sql("SELECT status FROM patient_link").query(String.class).single()).isEqualTo("candidate");
    }

    @Test
    void shouldAskForADayAndMonthSwappedBirthDateAndForAChangedSurname() {
        loadRow(row(CLINIC, 4, "B-30001", "Quillfeather", "Marguerite", "1983-04-09", "female", "5415550172"));
        loadRow(row(CLINIC, 5, "B-30777", "Quillfeather", "Marguerite", "1983-09-04", "female", "5415550172"));
        loadRow(row(CLINIC, 6, "B-40001", "Oyelaran", "Henrietta", "1990-02-21", "female", "5415550199"));
        loadRow(row(CLINIC, 7, "B-40555", "Strand", "Henrietta", "1990-02-21", "female", "5415550199"));

        assertThat(jdbc.sql("""
                SELECT a.value || '~' || b.value FROM patient_link l JOIN patient_identifier a ON a.id = l.identifier_id
                JOIN patient_identifier b ON b.id = l.other_identifier_id ORDER BY 1""").query(String.class).list())
                .containsExactly("B-30001~B-30777", "B-40001~B-40555");
        assertThat(jdbc.sql("SELECT agreement FROM patient_link ORDER BY id").query(String.class).list())
                .satisfiesExactly(a -> assertThat(a).contains("birth date close"), a -> assertThat(a).contains("family name disagree"));
    }

    @Test
    void shouldAskAboutEachPairOnceWhenBothPatientsWereLoadedInOneBulkBatch() {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            RecordLoader.Batch batch = loader.batch(run, sheet);
            batch.add(row(CLINIC, 4, "B-30001", "Quillfeather", "Marguerite", "1983-04-09", "female", "5415550172"), 1.0);
            batch.add(row(CLINIC, 5, "B-30777", "Quillfeather", "Marguerite", "1983-09-04", "female", "5415550172"), 1.0);
            batch.add(row(CLINIC, 6, "B-40001", "Oyelaran", "Henrietta", "1990-02-21", "female", "5415550199"), 1.0);
            batch.add(row(CLINIC, 7, "B-40555", "Strand", "Henrietta", "1990-02-21", "female", "5415550199"), 1.0);
            batch.add(row(CLINIC, 8, "B-50002", "Marchetti", "Benedetta", "1966-12-01", "female", "5415550111"), 1.0);
            batch.finish();
        });

        assertThat(jdbc.sql("""
                SELECT a.value || '~' || b.value FROM patient_link l JOIN patient_identifier a ON a.id = l.identifier_id
                JOIN patient_identifier b ON b.id = l.other_identifier_id ORDER BY 1""").query(String.class).list())
                .containsExactly("B-30001~B-30777", "B-40001~B-40555");
        assertThat(pairItems()).containsExactlyInAnyOrder("B-30001 sheets/registrations.csv *", "B-40001 sheets/registrations.csv *");
        assertThat(jdbc.sql("SELECT count(*) FROM patient_block_key").query(Long.class).single())
                .as("each patient's keys: birth date, name with birth year, phone").isEqualTo(15);
    }

    @Test
    void shouldFileTheSameMrnFromAChartAndASheetUnderOnePatientWithoutAskingAnything() {
        loadRow(row(CLINIC, 4, "B-90001", "Halloran", "Isadora", "1988-10-30", "female", "5415550123",
                cell(4, "immunizations[0].cvx", "141"), cell(4, "immunizations[0].date", "2023-10-12")));
        loadChart(card, chart(card, "B-90001", "Halloran", "Isadora", "1988-10-30",
                onPage(card, "immunizations[0].cvx", "141"), onPage(card, "immunizations[0].date", "2023-10-12")));

        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM immunization").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patient_link").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM review_item").query(Long.class).single()).isZero();
    }

    @Test
    void shouldNotAskAboutPatientsOfTwoClinicsOrAboutTwins() {
        loadRow(row(CLINIC, 4, "B-50001", "Marchetti", "Orsola", "1966-12-01", "female", "5415550111"));
        loadRow(row(OTHER_CLINIC, 5, "F-77", "Marchetti", "Orsola", "1966-12-01", "female", "5415550111"));
        loadRow(row(CLINIC, 6, "B-50002", "Marchetti", "Benedetta", "1966-12-01", "female", "5415550111"));

        assertThat(jdbc.sql("SELECT count(*) FROM patient_link").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM review_item").query(Long.class).single()).isZero();
    }

    @Test
    void shouldLinkOnAcceptKeepingBothMrnsStoringASharedImmunizationOnceAndAskingAboutTheDisagreeingValue(@TempDir Path out)
            throws Exception {
        loadRow(row(CLINIC, 4, "B-60001", "Thistlewood", "Cornelius", "1959-08-30", "male", null,
                cell(4, "immunizations[0].cvx", "115"), cell(4, "immunizations[0].date", "2019-05-02"),
                cell(4, "immunizations[0].vaccine", "Tdap")));
        loadChart(card, chart(card, "B-61234", "Thistlewod", "Cornelius", "1959-08-30",
                onPage(card, "immunizations[0].cvx", "115"), onPage(card, "immunizations[0].date", "2019-05-02"),
                onPage(card, "immunizations[0].lot", "AC52B031AA"), onPage(card, "immunizations[1].cvx", "141"),
                onPage(card, "immunizations[1].date", "2023-10-12")));
        assertThat(jdbc.sql("SELECT count(*) FROM immunization").query(Long.class).single()).isEqualTo(3);

        DecisionResult result = decisions.decide(pairItem("charts/intake.png"), new Decision.Accept(), "tech-ana",
                AuditLog.Origin.CLI);

        assertThat(result.applied()).isTrue();
        long kept = jdbc.sql("SELECT id FROM patient WHERE merged_into IS NULL").query(Long.class).single();
        assertThat(jdbc.sql("SELECT value FROM patient_identifier WHERE patient_id = ? ORDER BY id").param(kept)
                .query(String.class).list()).containsExactly("B-60001", "B-61234");
        assertThat(jdbc.sql("SELECT cvx || ' ' || coalesce(lot, '-') FROM immunization WHERE patient_id = ? ORDER BY cvx")
                .param(kept).query(String.class).list()).containsExactly("115 AC52B031AA", "141 -");
        assertThat(jdbc.sql("SELECT count(DISTINCT vp.source_file_id) FROM value_provenance_all vp JOIN immunization i"
                + " ON vp.entity = 'immunization' AND vp.entity_id = i.id WHERE i.cvx = '115'").query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("SELECT family FROM patient WHERE id = ?").param(kept).query(String.class).single())
                .isEqualTo("Thistlewood");
        assertThat(jdbc.sql("SELECT field || ' ' || proposed_value || ' ' || mrn FROM review_item"
                + " WHERE status = 'open' AND patient_link_id IS NULL").query(String.class).list())
                .containsExactly("patient.family Thistlewood B-60001");
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity = 'patient_link'"
                + " AND entity_id IN (SELECT id::text FROM patient_link)").query(String.class).list())
                .containsExactly("patient.link");

        DecisionResult sibling = decisions.decide(pairItem("sheets/registrations.csv"), new Decision.Reject("not the same"),
                "tech-bo", AuditLog.Origin.CLI);
        assertThat(sibling.applied()).isFalse();
        assertThat(sibling.message()).contains("already found to be the same person by tech-ana");
        assertThat(decisions.decide(pairItem("sheets/registrations.csv"), new Decision.Accept(), "tech-bo",
                AuditLog.Origin.CLI).applied()).isTrue();

        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        FhirExport.Result exported = new FhirExport(jdbc, readOnly, properties.clinicTimeZone()).exportAll(out);
        assertThat(exported.patients()).isEqualTo(1);
        String bundle = Files.readString(out.resolve("B-60001.json"));
        assertThat(bundle).contains("\"value\": \"B-60001\"", "\"value\": \"B-61234\"");
        assertThat(bundle.split("\"resourceType\": \"Immunization\"", -1)).hasSize(3);
        assertThat(FhirValidation.errors(FhirValidation.validate(bundle))).as("the linked patient's Bundle validates").isEmpty();
    }

    @Test
    void shouldKeepDifferentPeopleApartOnRejectAndNeverAskAgain() {
        loadRow(row(CLINIC, 4, "B-70001", "Abernathy", "Lucinda", "1948-03-03", null, null));
        loadChart(card, chart(card, "B-70999", "Abernethy", "Lucinda", "1948-03-03"));

        assertThat(decisions.decide(pairItem("charts/intake.png"), new Decision.Value("yes"), "tech-ana",
                AuditLog.Origin.CLI).applied()).isFalse();
        DecisionResult result = decisions.decide(pairItem("charts/intake.png"), new Decision.Reject("different people: "
                + "checked the signed registration forms"), "tech-ana", AuditLog.Origin.CLI);

        assertThat(result.applied()).isTrue();
        assertThat(jdbc.sql("SELECT status || ' ' || decided_by FROM patient_link").query(String.class).single())
                .isEqualTo("distinct tech-ana");
        assertThat(jdbc.sql("SELECT count(*) FROM patient WHERE merged_into IS NULL").query(Long.class).single()).isEqualTo(2);
        loadChart(note, chart(note, "B-70999", "Abernethy", "Lucinda", "1948-03-03"));
        assertThat(pairItems()).hasSize(2);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity = 'patient_link'"
                + " AND entity_id IN (SELECT id::text FROM patient_link)").query(String.class).list())
                .containsExactly("patient.distinct");
    }

    @Test
    void shouldKeepTheRecordOfTheMrnRegisteredFirstWhateverTheOrderOfTheFilesAndAskAboutEachDisagreeingValue() {
        loadChart(card, chart(card, "B-80950", "Vandermolen-Asby", "Percivel", "1977-05-14"));
        loadRow(row(CLINIC, 4, "B-80417", "Vandermolen-Ashby", "Percival", "1977-05-14", "male", null));
        long registeredFirst = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = 'B-80417'")
                .query(Long.class).single();

        decisions.decide(pairItem("charts/intake.png"), new Decision.Accept(), "tech-ana", AuditLog.Origin.CLI);

        assertThat(jdbc.sql("SELECT id FROM patient WHERE merged_into IS NULL").query(Long.class).single())
                .isEqualTo(registeredFirst);
        assertThat(jdbc.sql("SELECT family || ' ' || given[1] || ' ' || sex FROM patient WHERE id = ?").param(registeredFirst)
                .query(String.class).single()).isEqualTo("Vandermolen-Ashby Percival male");
        List<String> asked = jdbc.sql("SELECT field || '|' || proposed_value || '|' || mrn || '|' || path FROM review_item"
                + " WHERE status = 'open' AND patient_link_id IS NULL ORDER BY field").query(String.class).list();
        assertThat(asked).containsExactly("patient.family|Vandermolen-Ashby|B-80417|sheets/registrations.csv",
                "patient.given[0]|Percival|B-80417|sheets/registrations.csv");
        assertThat(jdbc.sql("SELECT reason FROM review_item WHERE field = 'patient.family' AND status = 'open'")
                .query(String.class).single()).contains("same person as MRN B-80950", "(Vandermolen-Asby)");
        assertThat(jdbc.sql("SELECT old_value || ' > ' || new_value FROM audit_log WHERE action = 'patient.link'"
                + " AND entity_id IN (SELECT id::text FROM patient_link)").query(String.class).single())
                .contains("(MRN B-80950)", "(MRN B-80417)");

        UUID given = jdbc.sql("SELECT id FROM review_item WHERE field = 'patient.given[0]' AND status = 'open'")
                .query(UUID.class).single();
        assertThat(decisions.decide(given, new Decision.Value("Percivel"), "tech-ana", AuditLog.Origin.CLI).applied()).isTrue();
        assertThat(jdbc.sql("SELECT given[1] FROM patient WHERE id = ?").param(registeredFirst).query(String.class).single())
                .isEqualTo("Percivel");
    }
}
