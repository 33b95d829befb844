package org.medrec.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.config.MedrecProperties;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.Reviewed;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A patient with every kind of entry, loaded into a real PostgreSQL the way the migration loads
 * records (document routing, a reviewed value, a linked second MRN, itemised payments), exported
 * and checked: every Bundle valid FHIR R4, and readable back as the scorer reads it.
 */
@StoreTest
class FhirExportIntegrationTests {

    private static final String MAPLE = "urn:medrec:clinic:maple-hollow";

    @Autowired
    RecordLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    MedrecProperties properties;

    @TempDir
    Path out;

    private UUID run;
    private long chart;
    private long sheet;

    @BeforeEach
    void load() {
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        chart = testRun.file("charts/intake-typed.pdf", "PDF", FileOutcome.LOADED, null);
        sheet = testRun.file("sheets/ledger.xlsx", "XLSX", FileOutcome.LOADED, null);

        loader.route(new RecordLoader.Source(run, chart, "intake", 1, 2, null, 0.95), List.of(new ExtractedRecord(MAPLE, "00031415", "intake", List.of(
                onPage(1, "mrn", "00031415"), onPage(1, "patient.family", "O'Brien"), onPage(1, "patient.given[0]", "José"),
                onPage(1, "patient.given[1]", "M"), onPage(1, "patient.suffix", "Jr"), onPage(1, "patient.birth_date", "1962-03-14"),
                onPage(1, "patient.sex", "male"), onPage(1, "patient.address.line[0]", "12 Elm St"),
                onPage(1, "patient.address.city", "Springfield"), onPage(1, "patient.address.state", "MA"),
                onPage(1, "patient.address.postal_code", "01103"), onPage(1, "patient.phone", "(413) 555-0142"),
                onPage(1, "patient.insurance[0].payer", "Blue Cross"), onPage(1, "patient.insurance[0].member_id", "XJH123456"),
                onPage(1, "patient.insurance[0].group", "GRP-77"),
                onPage(2, "encounters[0].date", "2024-03-18"), onPage(2, "encounters[0].provider", "Dr. Ana Ruiz"),
                onPage(2, "encounters[0].npi", "1234567893"), onPage(2, "encounters[0].reason", "hypertension follow-up"),
                onPage(2, "encounters[0].diagnoses[0].code", "I10"),
                onPage(2, "encounters[0].diagnoses[0].display", "Essential hypertension"),
                onPage(2, "encounters[0].vitals.bp_systolic", "128"), onPage(2, "encounters[0].vitals.bp_diastolic", "82"),
                onPage(2, "encounters[0].vitals.pulse", "72"), onPage(2, "encounters[0].vitals.resp_rate", "16"),
                onPage(2, "encounters[0].vitals.temp_f", "98.6"), onPage(2, "encounters[0].vitals.weight_lb", "182.5"),
                onPage(2, "encounters[0].vitals.height_in", "70"),
                onPage(2, "conditions[0].code", "J45.909"), onPage(2, "conditions[0].display", "Asthma"),
                onPage(2, "medications[0].name", "Lisinopril"), onPage(2, "medications[0].dose", "10 mg"),
                onPage(2, "medications[0].route", "PO"), onPage(2, "medications[0].frequency", "daily"),
                onPage(2, "allergies[0].substance", "Penicillin"), onPage(2, "allergies[0].reaction", "hives"),
                onPage(2, "immunizations[0].vaccine", "Tdap"), onPage(2, "immunizations[0].cvx", "115"),
                onPage(2, "immunizations[0].date", "2019-05-02"), onPage(2, "immunizations[0].lot", "AC52B031AA"),
                onPage(2, "appointments[0].date", "2024-07-09"), onPage(2, "appointments[0].time", "09:30"),
                onPage(2, "appointments[0].provider", "Dr. Ana Ruiz"), onPage(2, "appointments[0].status", "booked")))));

        // a ledger row whose payment a technician corrected in review
        long ledger = jdbc.sql("""
                INSERT INTO document (source_file_id, run_id, doc_type, sheet, status, confidence)
                VALUES (?, ?, 'ledger', 'Ledger', 'loaded', 1.0) RETURNING id""").params(sheet, run).query(Long.class).single();
        loader.release(run, ledger, List.of(new RecordLoader.Ready(0, new ExtractedRecord(MAPLE, "00031415", "ledger", List.of(inSheet("mrn", "00031415"),
                inSheet("charges[0].date", "2024-03-18"), inSheet("charges[0].cpt", "99213"),
                inSheet("charges[0].description", "Office visit, established"), inSheet("charges[0].charge", "125.00"),
                inSheet("charges[0].payment", "20.00"), inSheet("charges[0].balance", "105.00"),
                inSheet("charges[1].date", "2024-03-18"), inSheet("charges[1].cpt", "93000"),
                inSheet("charges[1].charge", "60.00"))),
                Map.of("charges[0].payment", new Reviewed(null, "tech1", OffsetDateTime.now())))));

        long patient = jdbc.sql("SELECT patient_id FROM patient_identifier WHERE value = '00031415'").query(Long.class).single();
        long ecg = jdbc.sql("SELECT id FROM charge WHERE cpt = '93000'").query(Long.class).single();
        // itemised payments of the ECG, and the patient's record at a second clinic, linked
        jdbc.sql("INSERT INTO payment (patient_id, charge_id, date, amount, payer) VALUES (?, ?, DATE '2024-04-01', 40.00, 'Blue Cross'), (?, ?, DATE '2024-04-20', 20.00, NULL)")
                .params(patient, ecg, patient, ecg).update();
        long harbor = jdbc.sql("INSERT INTO identifier_system (system, name) VALUES ('urn:medrec:clinic:harbor', 'Harbor') RETURNING id")
                .query(Long.class).single();
        jdbc.sql("INSERT INTO patient_identifier (patient_id, system_id, value) VALUES (?, ?, 'H0028843')").params(patient, harbor).update();

        // another patient with the same MRN at another clinic
        loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "Patients", 1.0), List.of(new ExtractedRecord(
                "urn:medrec:clinic:lakeside", "00031415", "patients",
                List.of(inSheet("mrn", "00031415"), inSheet("patient.family", "Lindqvist")))));
    }

    private FieldValue onPage(int page, String path, String value) {
        return new FieldValue(path, value, value, 0.97,
                SourceRef.onPage(chart, "charts/intake-typed.pdf", page, new int[] {10, 20, 300, 40}, Method.TEXT_LAYER), null);
    }

    private FieldValue inSheet(String path, String value) {
        return new FieldValue(path, value, value, 1.0, SourceRef.inSheet(sheet, "sheets/ledger.xlsx", "Ledger", 4, "C"), null);
    }

    private FhirExport export() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        return new FhirExport(jdbc, readOnly, properties.clinicTimeZone());
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void shouldWriteOneValidBundlePerPatientNamedByItsFirstMrn() throws IOException {
        FhirExport.Result result = export().exportAll(out);

        assertThat(result.patients()).isEqualTo(2);
        assertThat(files(out)).extracting(p -> p.getFileName().toString())
                .containsExactly("00031415.2.json", "00031415.json");
        for (Path file : files(out)) {
            assertThat(FhirValidation.errors(FhirValidation.validate(Files.readString(file)))).as(file.toString()).isEmpty();
        }
        assertThat(new ScorerView(Files.readString(out.resolve("00031415.2.json"))).patient().at("/name/0/family").asString())
                .isEqualTo("Lindqvist");
    }

    @Test
    void shouldExportEveryKindOfEntryAsTheScorerReadsIt() throws IOException {
        export().exportAll(out);
        ScorerView view = new ScorerView(Files.readString(out.resolve("00031415.json")));

        assertThat(view.mrns()).containsExactly("00031415", "H0028843");
        assertThat(view.patient().at("/identifier/1/system").asString()).isEqualTo("urn:medrec:clinic:harbor");
        assertThat(view.patient().path("gender").asString()).isEqualTo("male");
        assertThat(view.patient().path("birthDate").asString()).isEqualTo("1962-03-14");
        assertThat(view.patient().at("/name/0/given").valueStream().map(JsonNode::asString)).containsExactly("José", "M");
        assertThat(view.patient().at("/address/0/state").asString()).isEqualTo("MA");
        assertThat(view.phone()).isEqualTo("(413) 555-0142");
        assertThat(view.ofType("Coverage").get(0).path("subscriberId").asString()).isEqualTo("XJH123456");

        Map<String, Object> visit = view.encounters().get(0);
        assertThat(visit).containsEntry("date", "2024-03-18").containsEntry("npi", "1234567893")
                .containsEntry("provider", "Dr. Ana Ruiz").containsEntry("diagnoses", List.of("I10"));
        assertThat(((Map<?, ?>) visit.get("vitals")).keySet()).map(Object::toString).containsExactlyInAnyOrder("bp_systolic", "bp_diastolic",
                "pulse", "resp_rate", "temp_f", "weight_lb", "height_in");
        assertThat(view.ofType("Observation")).flatExtracting(o -> o.at("/code/coding").valueStream()
                .map(c -> c.path("code").asString()).toList())
                .contains("85354-9", "8867-4", "9279-1", "8310-5", "29463-7", "8302-2");

        assertThat(view.medications()).containsExactly(
                Map.of("name", "Lisinopril", "dose", "10 mg", "route", "PO", "frequency", "daily"));
        assertThat(view.ofType("AllergyIntolerance").get(0).at("/code/text").asString()).isEqualTo("Penicillin");
        assertThat(view.ofType("Immunization").get(0).at("/vaccineCode/coding/0/code").asString()).isEqualTo("115");
        assertThat(view.appointmentStarts()).containsExactly("2024-07-09 09:30");
        assertThat(properties.clinicTimeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(view.ofType("Appointment").get(0).path("start").asString()).isEqualTo("2024-07-09T09:30:00-04:00");

        assertThat(view.charges()).extracting(c -> c.get("cpt") + " " + c.get("charge") + " " + c.get("payment") + " " + c.get("currency"))
                .containsExactly("99213 125.00 20.00 USD", "93000 60.00 60.00 USD");
    }

    @Test
    void shouldTraceValuesToTheirSourceFileAndTheTechnicianWhoReviewedThem() throws IOException {
        export().exportAll(out);
        ScorerView view = new ScorerView(Files.readString(out.resolve("00031415.json")));

        assertThat(view.ofType("DocumentReference")).extracting(d -> d.at("/content/0/attachment/title").asString()
                + " " + d.at("/identifier/0/value").asString())
                .containsExactly("charts/intake-typed.pdf " + TestRun.sha256("charts/intake-typed.pdf"),
                        "sheets/ledger.xlsx " + TestRun.sha256("sheets/ledger.xlsx"));
        assertThat(view.filesOf(view.patient())).containsExactly("charts/intake-typed.pdf", "sheets/ledger.xlsx");
        assertThat(view.filesOf(view.ofType("Immunization").get(0))).containsExactly("charts/intake-typed.pdf");
        JsonNode office = view.ofType("ChargeItem").get(0);
        assertThat(view.filesOf(office)).containsExactly("sheets/ledger.xlsx");
        JsonNode reviewed = view.ofType("Provenance").stream().filter(p -> p.path("agent").size() == 2).findFirst().orElseThrow();
        assertThat(reviewed.at("/agent/1/who/display").asString()).isEqualTo("tech1");
        assertThat(reviewed.at("/agent/0/role/0/text").asString()).isEqualTo("spreadsheet");
        assertThat(reviewed.path("target").valueStream().map(view::get))
                .as("the corrected payment's charge and the PaymentReconciliation made from it")
                .extracting(r -> r.path("resourceType").asString()).containsExactly("ChargeItem", "PaymentReconciliation");
        assertThat(reviewed.at("/entity/0/what/display").asString()).isEqualTo("sheets/ledger.xlsx, sheet Ledger, row 4");
    }

    @Test
    void shouldExportOnlyThePatientWithTheGivenMrnAtAnyClinic() throws IOException {
        FhirExport.Result linked = export().exportMrn(out, "H0028843");
        FhirExport.Result unknown = export().exportMrn(out.resolve("none"), "99999999");

        assertThat(linked.patients()).isEqualTo(1);
        assertThat(files(out)).extracting(p -> p.getFileName().toString()).containsExactly("00031415.json", "none");
        assertThat(unknown.patients()).isZero();
    }
}
