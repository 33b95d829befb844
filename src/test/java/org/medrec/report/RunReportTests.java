package org.medrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunReportTests {

    private static final Reconciliation RECONCILED = new Reconciliation(Map.of("intake", 2L, "patients", 1L),
            Map.of("loaded", 2L, "held", 1L), new Reconciliation.Review(9, 7, 4, 2, 1, 0, 2),
            new Reconciliation.Rows(12, 2, 1, 0, 0, 1), new Reconciliation.Duplicates(1, 1, 0, 0),
            new Reconciliation.Keyed(0, 0, 0, List.of()), new Reconciliation.Loose(0, 0, 0));

    private static RunReport report(RunSummary.Files files, Map<String, Long> byFormat, List<RunSummary.Quarantined> quarantine) {
        return report(files, byFormat, quarantine, RECONCILED);
    }

    private static RunReport report(RunSummary.Files files, Map<String, Long> byFormat, List<RunSummary.Quarantined> quarantine,
                                    Reconciliation reconciliation) {
        RunSummary summary = new RunSummary(UUID.fromString("00000000-0000-0000-0000-000000000001"), "COMPLETED", files, 3,
                new RunSummary.Records(2, 1), new RunSummary.Fields(30, 21, 9), quarantine,
                List.of(new RunSummary.LedgerEntry("a.pdf", "new", "PDF", 2, "received", null)));
        return new RunReport(summary, "/in", OffsetDateTime.parse("2026-01-02T03:04:05Z"),
                OffsetDateTime.parse("2026-01-02T03:05:05Z"), byFormat, Map.of("quarantined", (long) quarantine.size()), null,
                reconciliation);
    }

    private final List<RunSummary.Quarantined> oneQuarantined =
            List.of(new RunSummary.Quarantined("charts/x, \"y\".pdf", "encrypted PDF: a password is required"));

    @Test
    void shouldSayTheNumbersAddUpWhenTheyDo() {
        RunReport report = report(new RunSummary.Files(4, 2, 1, 1), Map.of("PDF", 3L), oneQuarantined);

        assertThat(report.discrepancies()).isEmpty();
        assertThat(ReportFormat.TEXT.render(report)).contains("4 seen = 2 migrated + 1 already migrated + 1 quarantined")
                .contains("the numbers add up");
        assertThat(report.toJson()).containsEntry("adds_up", true);
    }

    @Test
    void shouldSayWhereTheNumbersDoNotAddUp() {
        RunReport report = report(new RunSummary.Files(5, 2, 1, 1), Map.of("PDF", 2L), oneQuarantined);

        assertThat(report.discrepancies()).hasSize(2)
                .anyMatch(p -> p.startsWith("files seen (5)"))
                .anyMatch(p -> p.startsWith("new files by format (2)"));
        assertThat(ReportFormat.TEXT.render(report)).contains("do NOT add up");
        assertThat(ReportFormat.HTML.render(report)).contains("do not add up");
    }

    @Test
    void shouldQuoteCsvFieldsAndEscapeHtml() {
        RunReport report = report(new RunSummary.Files(4, 2, 1, 1), Map.of("PDF", 3L),
                List.of(new RunSummary.Quarantined("charts/<b>x, \"y\".pdf", "encrypted PDF")));

        assertThat(ReportFormat.CSV.render(report)).contains("quarantine,\"charts/<b>x, \"\"y\"\".pdf\",1,encrypted PDF");
        assertThat(ReportFormat.HTML.render(report)).contains("charts/&lt;b&gt;x, &quot;y&quot;.pdf").doesNotContain("<b>x");
        assertThat(ReportFormat.JSON.render(report)).contains("\"files\"").contains("\"adds_up\" : true");
    }

    @Test
    void shouldCountDocumentsByTypeReviewDecisionsRowsAndDuplicatesInEveryFormat() {
        RunReport report = report(new RunSummary.Files(4, 2, 1, 1), Map.of("PDF", 3L), oneQuarantined);

        assertThat(ReportFormat.TEXT.render(report))
                .contains("Documents by type:   intake 2, patients 1")
                .contains("9 items (7 about one value): 4 accepted, 2 corrected, 1 rejected, 0 keyed, 2 open")
                .contains("12 spreadsheet rows loaded; 2 bad rows: 1 rejected, 0 accepted, 0 keyed, 1 open")
                .contains("1 possible duplicate pairs: 1 linked, 0 kept apart, 0 open");
        assertThat(ReportFormat.CSV.render(report)).contains("review,corrected,2,").contains("document_type,intake,2,")
                .contains("rows,bad_open,1,").contains("possible_duplicates,linked,1,");
        assertThat(ReportFormat.JSON.render(report)).contains("\"corrected\" : 2").contains("\"documents_by_type\"")
                .contains("\"possible_duplicates\"");
    }

    @Test
    void shouldSayWhereReviewLeftLooseEnds() {
        Reconciliation loose = new Reconciliation(Map.of("intake", 1L), Map.of("held", 1L), new Reconciliation.Review(0, 0, 0, 0, 0, 0, 0),
                new Reconciliation.Rows(0, 3, 1, 0, 0, 1), new Reconciliation.Duplicates(0, 0, 0, 0),
                new Reconciliation.Keyed(0, 0, 0, List.of()), new Reconciliation.Loose(1, 2, 0));
        RunReport report = report(new RunSummary.Files(4, 2, 1, 1), Map.of("PDF", 3L), oneQuarantined, loose);

        assertThat(report.discrepancies()).containsExactly(
                "1 held documents have no open review item, so nothing will release them",
                "2 files are held for review with no open item or held document",
                "bad rows (3) != rejected + accepted + keyed + open (2)");
        assertThat(report.toJson()).containsEntry("adds_up", false);
    }

    @Test
    void shouldDrawTheOutcomesAsInlineSvgOnAPageWithNoExternalAsset() {
        String html = ReportFormat.HTML.render(report(new RunSummary.Files(4, 2, 1, 1), Map.of("PDF", 3L), oneQuarantined));

        assertThat(html).contains("<svg", "<title>Files: 2 migrated, 1 already migrated, 1 quarantined</title>",
                "<title>Fields: 21 auto-accepted, 4 accepted in review, 2 corrected, 1 rejected, 2 open</title>",
                "Of 4 files, 2 were migrated", "The numbers add up.");
        assertThat(html.split("<svg", -1)).hasSize(4);
        assertThat(html).doesNotContain("<script", "src=", "href=", "<link", "url(");
    }
}
