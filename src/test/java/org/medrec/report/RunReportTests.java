package org.medrec.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunReportTests {

    private static RunReport report(RunSummary.Files files, Map<String, Long> byFormat, List<RunSummary.Quarantined> quarantine) {
        RunSummary summary = new RunSummary(UUID.fromString("00000000-0000-0000-0000-000000000001"), "COMPLETED", files, 3,
                new RunSummary.Records(0, 0), new RunSummary.Fields(0, 0, 0), quarantine,
                List.of(new RunSummary.LedgerEntry("a.pdf", "new", "PDF", 2, "received", null)));
        return new RunReport(summary, "/in", OffsetDateTime.parse("2026-01-02T03:04:05Z"),
                OffsetDateTime.parse("2026-01-02T03:05:05Z"), byFormat, Map.of("quarantined", (long) quarantine.size()), null);
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
}
