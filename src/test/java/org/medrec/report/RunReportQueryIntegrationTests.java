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
import org.medrec.store.RecordLoader;
import org.medrec.review.ReviewDecisions;
import org.medrec.store.ReviewItemWriter;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reconciliation report of a run over a real store: every count from the store's own rows. */
@StoreTest
class RunReportQueryIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:wrenfield";

    @Autowired
    RecordLoader loader;

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
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        jdbc.sql("UPDATE migration_run SET status = 'COMPLETED' WHERE id = ?").param(run).update();
        chart = testRun.file("charts/intake.png", "PNG", FileOutcome.HELD_FOR_REVIEW, "values to review");
        sheet = testRun.file("sheets/patients.csv", "CSV", FileOutcome.LOADED, null);
        jdbc.sql("UPDATE source_file SET pages = 1").update();
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
        loader.route(new RecordLoader.Source(run, sheet, "patients", null, null, "patients", 1.0), List.of(new ExtractedRecord(CLINIC, "W-1", "patients",
                List.of(cell(2, "mrn", "W-1"), cell(2, "patient.family", "Ellery"), cell(2, "patient.birth_date", "1980-01-02")))));
        items.openForRow(run, SourceRef.inSheet(sheet, "sheets/patients.csv", "patients", 3, null), "W-2",
                "W-2,,1980-13-40", CLINIC, "bad row 3: impossible date; it was not loaded");
        loader.route(new RecordLoader.Source(run, chart, "intake", 1, 1, null, 0.6), List.of(new ExtractedRecord(CLINIC, "W-3", "intake", List.of(
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
        assertThat(r.review()).isEqualTo(new Reconciliation.Review(3, 2, 1, 1, 0, 0, 1));
        assertThat(r.rows()).isEqualTo(new Reconciliation.Rows(1, 1, 0, 0, 0, 1));
        assertThat(r.loose()).isEqualTo(new Reconciliation.Loose(0, 0, 0));
        assertThat(report.discrepancies()).isEmpty();
        assertThat(ReportFormat.TEXT.render(report)).contains("1 corrected").contains("the numbers add up");
    }

    @Test
    void shouldReportAHeldDocumentThatNothingWillRelease() {
        loader.route(new RecordLoader.Source(run, chart, "intake", 1, 1, null, 0.6), List.of(new ExtractedRecord(CLINIC, "W-4", "intake", List.of(
                page("mrn", "W-4", null), page("patient.family", "Pellam", "low OCR confidence")))));
        jdbc.sql("DELETE FROM review_item").update();   // as a defect would leave it

        RunReport report = reports.report(run).orElseThrow();

        assertThat(report.discrepancies())
                .containsExactly("1 held documents have no open review item, so nothing will release them");
        assertThat(report.toJson()).containsEntry("adds_up", false);
    }
}
