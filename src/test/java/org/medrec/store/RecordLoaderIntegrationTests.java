package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.record.DocumentStatus;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@StoreTest
class RecordLoaderIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:maple-hollow";

    @Autowired
    RecordLoader loader;

    @Autowired
    JdbcClient jdbc;

    private UUID run;
    private long card;
    private long sheet;

    @BeforeEach
    void sources() {
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        card = testRun.file("file1", "PNG");
        sheet = testRun.file("file2", "XLSX");
    }

    private FieldValue onCard(String path, String raw, String value, double confidence, String reviewReason) {
        return new FieldValue(path, raw, value, confidence,
                SourceRef.onPage(card, "charts/card.png", 1, new int[] {10, 20, 300, 40}, Method.OCR), reviewReason);
    }

    private FieldValue inSheet(String path, String value, int row) {
        return new FieldValue(path, value, value, 1.0, SourceRef.inSheet(sheet, "sheets/imm.xlsx", "Shots", row, "C"), null);
    }

    private List<FieldValue> cardFields(String birthDate) {
        List<FieldValue> fields = new ArrayList<>(List.of(
                onCard("mrn", "00031415", "00031415", 0.97, null),
                onCard("patient.family", "Delgado-Test", "Delgado-Test", 0.96, null),
                onCard("patient.given[0]", "Maria", "Maria", 0.95, null),
                onCard("patient.birth_date", birthDate, birthDate, 0.95, null),
                onCard("immunizations[0].vaccine", "Tdap", "Tdap", 0.93, null),
                onCard("immunizations[0].cvx", "115", "115", 0.93, null),
                onCard("immunizations[0].date", "05/02/2019", "2019-05-02", 0.92, null),
                onCard("encounters[0].date", "03/18/2024", "2024-03-18", 0.95, null),
                onCard("encounters[0].npi", "1234567893", "1234567893", 0.95, null),
                onCard("encounters[0].diagnoses[0].code", "I10", "I10", 0.95, null),
                onCard("encounters[0].vitals.pulse", "72", "72", 0.9, null)));
        return fields;
    }

    @Test
    void shouldLoadARecordWithNothingToReviewWithTheProvenanceOfEveryValue() {
        ExtractedRecord record = new ExtractedRecord(CLINIC, "00031415", "immunization", cardFields("1962-03-14"));

        RecordLoader.Routed routed = loader.route(new RecordLoader.Source(run, card, "immunization", 1, 1, null, 0.95), List.of(record));

        assertThat(routed.status()).isEqualTo(DocumentStatus.LOADED);
        assertThat(routed.reviewItems()).isZero();
        assertThat(jdbc.sql("SELECT family || ' ' || given[1] || ' ' || birth_date FROM patient").query(String.class).single())
                .isEqualTo("Delgado-Test Maria 1962-03-14");
        assertThat(jdbc.sql("SELECT count(*) FROM value_provenance").query(Long.class).single()).isEqualTo(11);
        assertThat(jdbc.sql("SELECT page || ' ' || box::text || ' ' || method FROM value_provenance WHERE entity = 'immunization' AND field = 'date'")
                .query(String.class).single()).isEqualTo("1 {10,20,300,40} ocr");
        assertThat(jdbc.sql("SELECT d.code FROM diagnosis d JOIN encounter e ON e.id = d.encounter_id").query(String.class).single())
                .isEqualTo("I10");
        assertThat(jdbc.sql("SELECT value || ' ' || unit FROM vital_sign").query(String.class).single()).isEqualTo("72 /min");
    }

    @Test
    void shouldHoldTheDocumentAndQueueOnlyTheDoubtfulValue() {
        List<FieldValue> fields = cardFields("1962-03-14");
        fields.set(6, onCard("immunizations[0].date", "05/O2/2019", "2019-05-02", 0.41, "low OCR confidence"));
        ExtractedRecord record = new ExtractedRecord(CLINIC, "00031415", "immunization", fields);

        RecordLoader.Routed routed = loader.route(new RecordLoader.Source(run, card, "immunization", 1, 1, null, 0.9), List.of(record));

        assertThat(routed.status()).isEqualTo(DocumentStatus.HELD);
        assertThat(routed.reviewItems()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT field || '|' || raw || '|' || proposed_value || '|' || mrn || '|' || page FROM review_item")
                .query(String.class).single()).isEqualTo("immunizations[0].date|05/O2/2019|2019-05-02|00031415|1");
        assertThat(jdbc.sql("SELECT jsonb_array_length(records) FROM document").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void shouldLoadARecordWhoseOnlyDoubtIsAPhoneAndLeaveThePhoneAloneInReview() {
        List<FieldValue> fields = new ArrayList<>(cardFields("1962-03-14"));
        fields.add(new FieldValue("patient.phone", "555-01X9", null, 0.5,
                SourceRef.inSheet(sheet, "sheets/patients.csv", "Patients", 4, "F"), "'555-01X9' is not a phone number"));

        RecordLoader.Routed routed = loader.route(new RecordLoader.Source(run, card, "registration", 1, 1, null, 0.95),
                List.of(new ExtractedRecord(CLINIC, "00031415", "registration", fields)));

        assertThat(routed.status()).isEqualTo(DocumentStatus.LOADED);
        assertThat(jdbc.sql("SELECT family || ' ' || coalesce(phone, '-') FROM patient").query(String.class).single())
                .isEqualTo("Delgado-Test -");
        assertThat(jdbc.sql("SELECT kind || ' ' || field || ' ' || document_id FROM review_item").query(String.class).single())
                .isEqualTo("value patient.phone " + routed.documentId());
    }

    @Test
    void shouldStoreTheSameImmunizationFromTwoSourcesOnceWithTwoProvenances() {
        loader.route(new RecordLoader.Source(run, card, "immunization", 1, 1, null, 0.95),
                List.of(new ExtractedRecord(CLINIC, "00031415", "immunization", cardFields("1962-03-14"))));
        ExtractedRecord row = new ExtractedRecord(CLINIC, "00031415", "immunizations", List.of(
                inSheet("mrn", "00031415", 7), inSheet("immunizations[0].vaccine", "TDAP", 7),
                inSheet("immunizations[0].cvx", "115", 7), inSheet("immunizations[0].date", "2019-05-02", 7),
                inSheet("immunizations[0].lot", "AC52B031AA", 7)));

        loader.route(new RecordLoader.Source(run, sheet, "immunizations", null, null, "Shots", 1.0), List.of(row));

        assertThat(jdbc.sql("SELECT count(*) FROM immunization").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT lot FROM immunization").query(String.class).single()).isEqualTo("AC52B031AA");
        assertThat(jdbc.sql("SELECT count(DISTINCT source_file_id) FROM value_provenance WHERE entity = 'immunization' AND field = 'date'")
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void shouldQueueABirthDateThatDisagreesWithAnotherSourceInsteadOfOverwritingIt() {
        loader.route(new RecordLoader.Source(run, card, "registration", 1, 1, null, 0.95),
                List.of(new ExtractedRecord(CLINIC, "00031415", "registration", cardFields("1962-03-14"))));
        ExtractedRecord other = new ExtractedRecord(CLINIC, "00031415", "patients", List.of(
                inSheet("mrn", "00031415", 3), inSheet("patient.birth_date", "1962-04-13", 3)));

        RecordLoader.Routed routed = loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "Patients", 1.0), List.of(other));

        assertThat(routed.reviewItems()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT birth_date::text FROM patient").query(String.class).single()).isEqualTo("1962-03-14");
        assertThat(jdbc.sql("SELECT reason FROM review_item").query(String.class).single()).contains("disagrees");
    }

    @Test
    void shouldJoinAVisitRowsCptWithoutAmountToTheLedgerLine() {
        ExtractedRecord visit = new ExtractedRecord(CLINIC, "00031415", "visits", List.of(
                inSheet("mrn", "00031415", 3), inSheet("charges[0].date", "2021-09-09", 3), inSheet("charges[0].cpt", "99213", 3)));
        ExtractedRecord ledger = new ExtractedRecord(CLINIC, "00031415", "billing", List.of(
                inSheet("mrn", "00031415", 9), inSheet("charges[0].date", "2021-09-09", 9), inSheet("charges[0].cpt", "99213", 9),
                inSheet("charges[0].charge", "128.00", 9), inSheet("charges[0].payment", "100.00", 9),
                inSheet("charges[1].date", "2021-09-09", 10), inSheet("charges[1].cpt", "99213", 10),
                inSheet("charges[1].charge", "64.00", 10)));

        loader.route(new RecordLoader.Source(run, sheet, "visits", null, null, null, 1.0), List.of(visit));
        loader.route(new RecordLoader.Source(run, sheet, "billing", null, null, null, 1.0), List.of(ledger));

        assertThat(jdbc.sql("SELECT cpt || ' ' || charge FROM charge ORDER BY charge").query(String.class).list())
                .containsExactly("99213 64.00", "99213 128.00");
    }

    @Test
    void shouldKeepTheSameMrnAtTwoClinicsApart() {
        loader.route(new RecordLoader.Source(run, card, "registration", 1, 1, null, 0.95),
                List.of(new ExtractedRecord(CLINIC, "00031415", "registration", cardFields("1962-03-14"))));
        loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "Patients", 1.0), List.of(new ExtractedRecord(
                "urn:medrec:test:lakeside", "00031415", "patients", List.of(inSheet("mrn", "00031415", 3)))));

        assertThat(jdbc.sql("SELECT count(*) FROM patient").query(Long.class).single()).isEqualTo(2);
    }
}
