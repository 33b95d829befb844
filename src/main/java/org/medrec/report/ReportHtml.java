package org.medrec.report;

import org.medrec.record.DocumentStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained HTML page for a migration lead to send on: a sentence on the
 * outcome, a chart of outcomes (inline SVG: files, documents, review items), the tables behind
 * it, the quarantined files with their reasons, and whether the numbers add up. No script, no
 * external asset. Stateless.
 */
final class ReportHtml {

    /** One coloured part of a bar. */
    private record Segment(String label, long count, String colour) {
    }

    private static final String GREEN = "#2e7d32";
    private static final String BLUE = "#1565c0";
    private static final String GREY = "#78909c";
    private static final String AMBER = "#ef8f00";
    private static final String RED = "#c62828";

    private ReportHtml() {
    }

    static String render(RunReport report) {
        RunSummary s = report.summary();
        RunSummary.Files f = s.files();
        Reconciliation r = report.reconciliation();
        Reconciliation.Review v = r.review();
        List<String> problems = report.discrepancies();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>medrec run ")
                .append(s.runId()).append("</title>\n<style>")
                .append("body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;color:#222}")
                .append("table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}")
                .append("td.n{text-align:right}.lead{font-size:1.15rem}svg{display:block;margin:.3rem 0 1rem}")
                .append(".ok{color:#17692b}.bad{color:#a11}</style></head><body>\n");
        html.append("<h1>Migration run report</h1>\n<p>Run <code>").append(s.runId()).append("</code>: <strong>")
                .append(esc(s.status())).append("</strong>, started ").append(report.startedAt())
                .append(", ended ").append(report.endedAt()).append(".</p>\n");
        html.append("<p class=\"lead\">Of ").append(f.seen()).append(" files, ").append(f.migrated())
                .append(" were migrated, ").append(f.alreadyMigrated()).append(" had been migrated before and ")
                .append(f.quarantined()).append(" were set aside with a reason. ").append(s.records().loaded())
                .append(" records are in the store; ").append(s.records().heldForReview())
                .append(" wait for a technician, with ").append(v.open()).append(" review items open. ")
                .append(problems.isEmpty() ? "<span class=\"ok\">The numbers add up.</span>"
                        : "<span class=\"bad\">The numbers do not add up (see below).</span>")
                .append("</p>\n");

        html.append("<h2>Outcomes</h2>\n");
        chart(html, "Files", List.of(new Segment("migrated", f.migrated(), GREEN),
                new Segment("already migrated", f.alreadyMigrated(), GREY), new Segment("quarantined", f.quarantined(), RED)));
        Map<String, Long> docs = r.documentsByStatus();
        chart(html, "Documents", List.of(new Segment("loaded", docs.getOrDefault(DocumentStatus.LOADED.code(), 0L), GREEN),
                new Segment("held for review", docs.getOrDefault(DocumentStatus.HELD.code(), 0L), AMBER),
                new Segment("quarantined", docs.getOrDefault(DocumentStatus.QUARANTINED.code(), 0L), RED)));
        chart(html, "Fields", List.of(new Segment("auto-accepted", s.fields().autoAccepted(), GREEN),
                new Segment("accepted in review", v.accepted(), BLUE), new Segment("corrected", v.corrected(), AMBER),
                new Segment("rejected", v.rejected(), RED), new Segment("open", v.open(), GREY)));

        html.append("<h2>Counts</h2>\n<table>");
        tr(html, "Files seen", f.seen());
        tr(html, "… migrated", f.migrated());
        tr(html, "… already migrated", f.alreadyMigrated());
        tr(html, "… quarantined", f.quarantined());
        tr(html, "Pages", s.pages());
        tr(html, "Records loaded", s.records().loaded());
        tr(html, "Records held for review", s.records().heldForReview());
        tr(html, "Fields extracted", s.fields().extracted());
        tr(html, "… auto-accepted", s.fields().autoAccepted());
        tr(html, "… to review", s.fields().toReview());
        tr(html, "Review items accepted", v.accepted());
        tr(html, "Review items corrected", v.corrected());
        tr(html, "Review items rejected", v.rejected());
        tr(html, "Review items open", v.open());
        tr(html, "Spreadsheet rows loaded", r.rows().loaded());
        tr(html, "Bad rows (rejected / accepted / keyed / open)", r.rows().bad(),
                r.rows().badRejected() + " / " + r.rows().badAccepted() + " / " + r.rows().badKeyed() + " / " + r.rows().badOpen());
        tr(html, "Keyed by a technician: documents / rows (values stored)", r.keyed().documents() + r.keyed().rows(),
                r.keyed().documents() + " / " + r.keyed().rows() + " (" + r.keyed().values() + ")"
                        + (r.keyed().clinicsCreated().isEmpty() ? "" : "; clinics created: "
                        + String.join(", ", r.keyed().clinicsCreated())));
        tr(html, "Possible duplicate patients (linked / kept apart / open)", r.duplicates().pairs(),
                r.duplicates().linked() + " / " + r.duplicates().keptApart() + " / " + r.duplicates().open());
        html.append("</table>\n");
        counts(html, "Documents by type", r.documentsByType());
        counts(html, "New files by format", report.newFilesByFormat());
        counts(html, "New files by outcome", report.newFilesByOutcome());
        if (!s.quarantine().isEmpty()) {
            html.append("<h2>Quarantined files</h2>\n<table><tr><th>File</th><th>Reason</th></tr>\n");
            s.quarantine().forEach(q -> html.append("<tr><td>").append(esc(q.file())).append("</td><td>")
                    .append(esc(q.reason())).append("</td></tr>\n"));
            html.append("</table>\n");
        }
        html.append("<h2>Check</h2>\n");
        html.append(problems.isEmpty() ? "<p class=\"ok\">The numbers add up.</p>\n"
                : "<p class=\"bad\">The numbers do not add up:</p><ul>");
        problems.forEach(p -> html.append("<li>").append(esc(p)).append("</li>"));
        html.append(problems.isEmpty() ? "" : "</ul>").append("</body></html>\n");
        return html.toString();
    }

    /** A titled horizontal bar of the segments, to scale, with a legend of counts. */
    private static void chart(StringBuilder html, String title, List<Segment> segments) {
        long total = segments.stream().mapToLong(Segment::count).sum();
        int width = 600;
        List<String> legend = new ArrayList<>();
        html.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").append(width)
                .append("\" height=\"56\" viewBox=\"0 0 ").append(width).append(" 56\"><title>").append(esc(title)).append(": ");
        segments.forEach(seg -> legend.add(seg.count() + " " + seg.label()));
        html.append(esc(String.join(", ", legend))).append("</title>");
        html.append("<text x=\"0\" y=\"13\" font-size=\"13\" font-weight=\"bold\">").append(esc(title)).append(" (")
                .append(total).append(")</text>");
        if (total == 0) {
            html.append("<rect x=\"0\" y=\"18\" width=\"").append(width).append("\" height=\"18\" fill=\"#eceff1\"/>");
        }
        double x = 0;
        for (Segment seg : segments) {
            if (seg.count() == 0 || total == 0) {
                continue;
            }
            double w = (double) width * seg.count() / total;
            html.append("<rect x=\"").append(fmt(x)).append("\" y=\"18\" width=\"").append(fmt(w))
                    .append("\" height=\"18\" fill=\"").append(seg.colour()).append("\"><title>").append(seg.count()).append(' ')
                    .append(esc(seg.label())).append("</title></rect>");
            x += w;
        }
        double lx = 0;
        for (Segment seg : segments) {
            String text = seg.count() + " " + seg.label();
            html.append("<rect x=\"").append(fmt(lx)).append("\" y=\"43\" width=\"10\" height=\"10\" fill=\"")
                    .append(seg.colour()).append("\"/><text x=\"").append(fmt(lx + 14)).append("\" y=\"52\" font-size=\"11\">")
                    .append(esc(text)).append("</text>");
            lx += 24 + text.length() * 6.2;
        }
        html.append("</svg>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void tr(StringBuilder html, String label, long n) {
        html.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(n).append("</td></tr>");
    }

    private static void tr(StringBuilder html, String label, long n, String detail) {
        html.append("<tr><td>").append(esc(label)).append("</td><td class=\"n\">").append(n).append("</td><td>")
                .append(esc(detail)).append("</td></tr>");
    }

    private static void counts(StringBuilder html, String title, Map<String, Long> counts) {
        html.append("<h2>").append(title).append("</h2>\n<table>");
        new java.util.TreeMap<>(counts).forEach((k, v) -> html.append("<tr><td>").append(esc(k)).append("</td><td class=\"n\">")
                .append(v).append("</td></tr>"));
        html.append("</table>\n");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
