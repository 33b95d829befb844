package org.medrec.report;

import java.util.List;
import java.util.Map;

/** The report as one self-contained HTML page, with a bar of file outcomes. */
final class ReportHtml {

    private ReportHtml() {
    }

    static String render(RunReport report) {
        RunSummary s = report.summary();
        RunSummary.Files f = s.files();
        List<String> problems = report.discrepancies();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>medrec run ")
                .append(s.runId()).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}")
                .append(".bar{display:flex;height:1.6rem;border-radius:4px;overflow:hidden;margin:1rem 0}")
                .append(".bar div{color:#fff;font-size:.8rem;line-height:1.6rem;padding-left:.3rem;white-space:nowrap}")
                .append(".ok{color:#17692b}.bad{color:#a11}</style></head><body>\n");
        html.append("<h1>Migration run report</h1>\n<p>Run <code>").append(s.runId()).append("</code>: <strong>")
                .append(esc(s.status())).append("</strong>, started ").append(report.startedAt())
                .append(", ended ").append(report.endedAt()).append(".</p>\n");
        html.append("<div class=\"bar\">");
        bar(html, f.migrated(), f.seen(), "#2e7d32", "migrated");
        bar(html, f.alreadyMigrated(), f.seen(), "#607d8b", "already migrated");
        bar(html, f.quarantined(), f.seen(), "#c62828", "quarantined");
        html.append("</div>\n<table><tr><th>Files seen</th><th>Migrated</th><th>Already migrated</th><th>Quarantined</th>")
                .append("<th>Pages</th><th>Records loaded</th><th>Records held for review</th><th>Fields to review</th></tr><tr>");
        for (long n : new long[] {f.seen(), f.migrated(), f.alreadyMigrated(), f.quarantined(), s.pages(),
                s.records().loaded(), s.records().heldForReview(), s.fields().toReview()}) {
            html.append("<td>").append(n).append("</td>");
        }
        html.append("</tr></table>\n");
        counts(html, "New files by format", report.newFilesByFormat());
        counts(html, "New files by outcome", report.newFilesByOutcome());
        if (!s.quarantine().isEmpty()) {
            html.append("<h2>Quarantined files</h2>\n<table><tr><th>File</th><th>Reason</th></tr>\n");
            s.quarantine().forEach(q -> html.append("<tr><td>").append(esc(q.file())).append("</td><td>")
                    .append(esc(q.reason())).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        html.append(problems.isEmpty() ? "<p class=\"ok\">The numbers add up.</p>\n"
                : "<p class=\"bad\">The numbers do not add up:</p><ul>");
        problems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
        html.append(problems.isEmpty() ? "" : "</ul>").append("</body></html>\n");
        return html.toString();
    }

    private static void bar(StringBuilder html, long n, long total, String colour, String label) {
        if (n == 0 || total == 0) {
            return;
        }
        html.append("<div style=\"background:").append(colour).append(";width:").append(100.0 * n / total)
                .append("%\" title=\"").append(label).append("\">").append(n).append(' ').append(label).append("</div>");
    }

    private static void counts(StringBuilder html, String title, Map<String, Long> counts) {
        html.append("<h2>").append(title).append("</h2>\n<table>");
        counts.forEach((k, v) -> html.append("<tr><td>").append(esc(k)).append("</td><td>").append(v).append("</td></tr>"));
        html.append("</table>\n");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
