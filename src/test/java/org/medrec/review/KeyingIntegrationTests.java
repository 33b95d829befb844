package org.medrec.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.audit.AuditLog;
import org.medrec.record.FileOutcome;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.report.Reconciliation;
import org.medrec.report.ReportFormat;
import org.medrec.report.RunReport;
import org.medrec.report.RunReportQuery;
import org.medrec.store.ReviewItemWriter;
import org.medrec.testing.StoreTest;
import org.medrec.testing.TestRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A technician keys a document or a row medrec could not read (the record action), against a real PostgreSQL. */
@StoreTest
class KeyingIntegrationTests {

    private static final AuditLog.Origin CLI = AuditLog.Origin.CLI;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INTAKE = """
            [{"mrn": "H0028969", "patient": {"family": "Fox-Test", "given": ["Jonathan", "Q"], "birth_date": "1964-09-13",
              "sex": "male", "address": {"line": ["65 Jackson Way"], "city": "Tybee Island", "state": "GA", "postal_code": "31369"},
              "phone": "(912) 555-0115", "insurance": [{"payer": "Aetna", "member_id": "W78165247"}],
              "emergency_contact": {"name": "Virginia Fox-Test", "relationship": "Sister", "phone": "9125550108"}},
              "allergies": [{"substance": "Penicillin", "reaction": "Hives"}], "medications": []}]""";

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    ReviewItemWriter items;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RunReportQuery reports;

    private TestRun run;
    private long chart;
    private UUID document;

    @BeforeEach
    void aDocumentMedrecCouldNotRead() {
        run = TestRun.begin(jdbc);
        chart = run.file("charts/intake-handwritten.pdf", "PDF", FileOutcome.HELD_FOR_REVIEW, "in review as a whole");
        document = items.openForDocument(run.id(), SourceRef.wholeFile(chart, "charts/intake-handwritten.pdf", Method.OCR),
                "urn:medrec:clinic:harbor", "document not understood: the document type could not be told");
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private String text(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(String.class).single();
    }

    @Test
    void shouldLoadAKeyedDocumentWithTheTechnicianInEveryValuesProvenance() {
        DecisionResult result = decisions.decide(document, new Decision.Record("intake", null, json(INTAKE)), "tech1", CLI);

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(text("SELECT family || ' ' || given[1] || ' ' || birth_date || ' ' || phone || ' ' || postal_code FROM patient"))
                .isEqualTo("Fox-Test Jonathan 1964-09-13 9125550115 31369");
        assertThat(text("SELECT s.system FROM patient_identifier i JOIN identifier_system s ON s.id = i.system_id"
                + " WHERE i.value = 'H0028969'")).isEqualTo("urn:medrec:clinic:harbor");
        assertThat(text("SELECT payer || ' ' || member_id FROM coverage")).isEqualTo("Aetna W78165247");
        assertThat(text("SELECT substance FROM allergy")).isEqualTo("Penicillin");
        assertThat(text("SELECT doc_type || ' ' || status FROM document WHERE keyed_from = ?", document)).isEqualTo("intake loaded");
        assertThat(count("SELECT count(*) FROM value_provenance WHERE method <> 'keyed' OR reviewed_by <> 'tech1'"
                + " OR review_item_id <> ? OR page <> 1", document)).isZero();
        assertThat(count("SELECT count(*) FROM value_provenance")).as("all but the emergency contact").isEqualTo(15);
        assertThat(text("SELECT outcome FROM source_file WHERE id = ?", chart)).isEqualTo("loaded");
        assertThat(jdbc.sql("SELECT action || ': ' || new_value FROM audit_log WHERE entity_id = ? ORDER BY id")
                .param(document.toString()).query(String.class).list())
                .containsExactly("review.record: 18 values keyed", "review.record.load: intake: 1 records, 18 values keyed");
    }

    @Test
    void shouldRefuseTheWholeKeyingForOneInvalidValueWithAMessagePerFieldAndStoreNothing() {
        String wrong = INTAKE.replace("1964-09-13", "1964-13-45").replace("\"male\"", "\"M?\"")
                .replace("\"family\"", "\"famly\"");

        DecisionResult result = decisions.decide(document, new Decision.Record("intake", null, json(wrong)), "tech1", CLI);

        assertThat(result.applied()).isFalse();
        assertThat(result.message()).contains("records[0].patient.famly: the record model has no such field here")
                .contains("records[0].patient.birth_date:").contains("records[0].patient.sex:");
        assertThat(count("SELECT count(*) FROM patient") + count("SELECT count(*) FROM value_provenance")).isZero();
        assertThat(text("SELECT status FROM review_item WHERE id = ?", document)).isEqualTo("open");
    }

    @Test
    void shouldCreateAClinicMedrecDoesNotKnowOnlyWhenTheTechnicianNamesItAndAuditIt() {
        UUID unknown = items.openForDocument(run.id(), SourceRef.wholeFile(chart, "charts/intake-handwritten.pdf", Method.OCR),
                null, "document not understood");
        assertThat(decisions.decide(unknown, new Decision.Record("intake", null, json(INTAKE)), "tech1", CLI).message())
                .contains("medrec does not know this document's clinic: name it");

        DecisionResult result = decisions.decide(unknown, new Decision.Record("intake", "Pinecrest Pediatrics", json(INTAKE)),
                "tech1", CLI);

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(text("SELECT system || ' ' || name || ' ' || created_by FROM identifier_system WHERE created_by IS NOT NULL"))
                .isEqualTo("urn:medrec:clinic:pinecrest-pediatrics Pinecrest Pediatrics tech1");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'clinic.create'")).isEqualTo(1);
        RunReport report = reports.report(run.id()).orElseThrow();
        assertThat(report.reconciliation().keyed()).isEqualTo(new Reconciliation.Keyed(1, 0, 15, List.of("Pinecrest Pediatrics")));
        assertThat(ReportFormat.TEXT.render(report))
                .contains("Keyed:   1 documents and 0 rows medrec could not read, 15 values stored; clinics created by a"
                        + " technician: Pinecrest Pediatrics");
    }

    @Test
    void shouldFileUnderAKnownClinicNamedAsPrinted() {
        UUID unknown = items.openForDocument(run.id(), SourceRef.wholeFile(chart, "charts/intake-handwritten.pdf", Method.OCR),
                null, "document not understood");

        assertThat(decisions.decide(unknown, new Decision.Record("intake", "HARBOR INTERNAL MEDICINE, P.C.", json(INTAKE)),
                "tech1", CLI).applied()).isTrue();

        assertThat(text("SELECT s.system FROM patient_identifier i JOIN identifier_system s ON s.id = i.system_id"))
                .isEqualTo("urn:medrec:clinic:harbor");
        assertThat(count("SELECT count(*) FROM audit_log WHERE action = 'clinic.create'")).isZero();
    }

    @Test
    void shouldKeyARowWithItsSheetRowInTheProvenance() {
        long sheet = run.file("sheets/patients.csv", "CSV", FileOutcome.LOADED, null);
        UUID row = items.openForRow(run.id(), SourceRef.inSheet(sheet, "sheets/patients.csv", "patients", 120, null), null,
                "\"Fox-Test, Jonathan,1964-09-13,M", "urn:medrec:clinic:harbor", "bad row 120: an unterminated quote");

        DecisionResult result = decisions.decide(row, new Decision.Record(null, null,
                json("[{\"mrn\": \"H0028969\", \"patient\": {\"family\": \"Fox-Test\", \"birth_date\": \"1964-09-13\"}}]")),
                "tech2", CLI);

        assertThat(result.applied()).as(result.message()).isTrue();
        assertThat(jdbc.sql("SELECT sheet || ' ' || row_num || ' ' || method FROM value_provenance").query(String.class).list())
                .containsOnly("patients 120 keyed");
    }

    @Test
    void shouldRefuseToKeyAValueItem() {
        UUID value = items.openForField(run.id(), null, 0, "H0028969", "patient.birth_date",
                SourceRef.onPage(chart, "charts/intake-handwritten.pdf", 1, new int[] {1, 2, 3, 4}, Method.OCR), "?", "unreadable");

        assertThat(decisions.decide(value, new Decision.Record("intake", null, json(INTAKE)), "tech1", CLI).message())
                .contains("only an item of kind document or row is keyed");
    }
}
