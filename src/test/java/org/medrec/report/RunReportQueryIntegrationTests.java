package org.medrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.audit.AuditLog;
import org.medrec.review.Decision;
import org.medrec.store.DocumentRouting;
import org.medrec.review.ReviewDecisions;
import org.medrec.store.ReviewItemWriter;
import org.medrec.testing.StoreTables;
import org.medrec.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The reconciliation report of a run over a real store: every count from the store's own rows. */
@SpringBootTest
class RunReportQueryIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:wrenfield";

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        TestStore.register(registry);
    }

    @Autowired
    DocumentRouting routing;

    @Autowired
    ReviewDecisions decisions;

    @Autowired
    ReviewItemWriter items;

    @Autowired
    RunReportQuery reports;

    @Autowired
    JdbcClient jdbc;

    private UUID run;
    private long chart;
    private long sheet;

    @BeforeEach
    void run() {
        StoreTables.wipeMigrations();
        run = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir, status) VALUES (?, '/in', 'COMPLETED')").param(run).update();
        chart = file("d", "charts/intake.png", "PNG", "held_for_review");
        sheet = file("e", "sheets/patients.csv", "CSV", "loaded");
    }

    private long file(String digit, String path, String format, String outcome) {
        long id = jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, pages, outcome)
                VALUES (?, 1, ?, ?, ?, 1, ?) RETURNING id""").params(digit.repeat(64), path, run, format, outcome)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO run_file (run_id, path, source_file_id, disposition) VALUES (?, ?, ?, 'new')")
                .params(run, path, id).update();
        return id;
    }

    private FieldValue cell(int row, String path, String value) {
        return new FieldValue(path, value, value, 1.0, SourceRef.inSheet(sheet, "sheets/patients.csv", "patients", row, "A"), null);
    }

    private FieldValue page(String path, String value, String reviewReason) {
        return new FieldValue(path, value, value, reviewReason == null ? 0.97 : 0.5,
                SourceRef.onPage(chart, "charts/intake.png", 1, new int[] {1, 2, 3, 4}, Method.OCR), reviewReason);
    }

    @Test
    void shouldCountDocumentsDecisionsRowsAndSayTheNumbersAddUp() {
        routing.route(run, sheet, "patients", null, null, "patients", 1.0, List.of(new ExtractedRecord(CLINIC, "W-1", "patients",
                List.of(cell(2, "mrn", "W-1"), cell(2, "patient.family", "Ellery"), cell(2, "patient.birth_date", "1980-01-02")))));
        items.openForSource(run, null, null, "W-2", "*", SourceRef.inSheet(sheet, "sheets/patients.csv", "patients", 3, null),
                "W-2,,1980-13-40", "bad row 3: impossible date; it was not loaded");
        routing.route(run, chart, "intake", 1, 1, null, 0.6, List.of(new ExtractedRecord(CLINIC, "W-3", "intake", List.of(
                page("mrn", "W-3", null), page("patient.family", "Orrin", "low OCR confidence"),
                page("patient.birth_date", "1975-06-07", "low OCR confidence")))));
        List<UUID> open = jdbc.sql("SELECT id FROM review_item WHERE field LIKE 'patient.%' ORDER BY field")
                .query(UUID.class).list();

        decisions.decide(open.get(0), new Decision.Value("1975-07-06"), "tech-ida", AuditLog.Origin.CLI);
        decisions.decide(open.get(1), new Decision.Accept(), "tech-ida", AuditLog.Origin.CLI);
        RunReport report = reports.report(run).orElseThrow();

        Reconciliation r = report.reconciliation();
        assertThat(r.documentsByType()).containsEntry("patients", 1L).containsEntry("intake", 1L);
        assertThat(r.documentsByStatus()).containsEntry("loaded", 2L);
        assertThat(r.review()).isEqualTo(new Reconciliation.Review(3, 2, 1, 1, 0, 1));
        assertThat(r.rows()).isEqualTo(new Reconciliation.Rows(1, 1, 0, 0, 1));
        assertThat(r.loose()).isEqualTo(new Reconciliation.Loose(0, 0, 0));
        assertThat(report.discrepancies()).isEmpty();
        assertThat(ReportFormat.TEXT.render(report)).contains("1 corrected").contains("the numbers add up");
    }

    @Test
    void shouldReportAHeldDocumentThatNothingWillRelease() {
        routing.route(run, chart, "intake", 1, 1, null, 0.6, List.of(new ExtractedRecord(CLINIC, "W-4", "intake", List.of(
                page("mrn", "W-4", null), page("patient.family", "Pellam", "low OCR confidence")))));
        jdbc.sql("DELETE FROM review_item").update();   // as a defect would leave it

        RunReport report = reports.report(run).orElseThrow();

        assertThat(report.discrepancies())
                .containsExactly("1 held documents have no open review item, so nothing will release them");
        assertThat(report.toJson()).containsEntry("adds_up", false);
    }
}
