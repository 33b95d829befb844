package org.medrec.report;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The formats {@code medrec report} writes. */
public enum ReportFormat {
    TEXT(ReportFormat::text), JSON(ReportFormat::json), CSV(ReportFormat::csv), HTML(ReportHtml::render);

    private static final JsonMapper JSON_MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Function<RunReport, String> renderer;

    ReportFormat(Function<RunReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(RunReport report) {
        return renderer.apply(report);
    }

    static String json(RunReport report) {
        return JSON_MAPPER.writeValueAsString(report.toJson()) + "\n";
    }

    static String text(RunReport report) {
        RunSummary s = report.summary();
        RunSummary.Files f = s.files();
        StringBuilder out = new StringBuilder();
        out.append("Migration run ").append(s.runId()).append(": ").append(s.status()).append('\n');
        out.append("  input:   ").append(report.inputDir()).append('\n');
        out.append("  started: ").append(report.startedAt()).append("   ended: ").append(report.endedAt()).append('\n');
        if (report.message() != null) {
            out.append("  message: ").append(report.message()).append('\n');
        }
        out.append(String.format("Files:   %d seen = %d migrated + %d already migrated + %d quarantined%n",
                f.seen(), f.migrated(), f.alreadyMigrated(), f.quarantined()));
        appendCounts(out, "  new files by format:  ", report.newFilesByFormat());
        appendCounts(out, "  new files by outcome: ", report.newFilesByOutcome());
        out.append("Pages:   ").append(s.pages()).append('\n');
        out.append(String.format("Records: %d loaded, %d held for review%n", s.records().loaded(), s.records().heldForReview()));
        out.append(String.format("Fields:  %d extracted = %d auto-accepted + %d to review%n",
                s.fields().extracted(), s.fields().autoAccepted(), s.fields().toReview()));
        Reconciliation r = report.reconciliation();
        appendCounts(out, "Documents by type:   ", r.documentsByType());
        appendCounts(out, "Documents by status: ", r.documentsByStatus());
        Reconciliation.Review v = r.review();
        out.append(String.format("Review:  %d items (%d about one value): %d accepted, %d corrected, %d rejected, %d keyed,"
                + " %d open%n", v.items(), v.values(), v.accepted(), v.corrected(), v.rejected(), v.keyed(), v.open()));
        Reconciliation.Rows rows = r.rows();
        out.append(String.format("Rows:    %d spreadsheet rows loaded; %d bad rows: %d rejected, %d accepted, %d keyed, %d open%n",
                rows.loaded(), rows.bad(), rows.badRejected(), rows.badAccepted(), rows.badKeyed(), rows.badOpen()));
        Reconciliation.Keyed k = r.keyed();
        out.append(String.format("Keyed:   %d documents and %d rows medrec could not read, %d values stored%s%n",
                k.documents(), k.rows(), k.values(), k.clinicsCreated().isEmpty() ? ""
                        : "; clinics created by a technician: " + String.join(", ", k.clinicsCreated())));
        Reconciliation.Duplicates d = r.duplicates();
        out.append(String.format("Patients: %d possible duplicate pairs: %d linked, %d kept apart, %d open%n",
                d.pairs(), d.linked(), d.keptApart(), d.open()));
        if (!s.quarantine().isEmpty()) {
            out.append("Quarantined:\n");
            s.quarantine().forEach(q -> out.append("  ").append(q.file()).append(": ").append(q.reason()).append('\n'));
        }
        List<String> problems = report.discrepancies();
        out.append(problems.isEmpty() ? "Check:   the numbers add up.\n" : "Check:   the numbers do NOT add up:\n");
        problems.forEach(p -> out.append("  - ").append(p).append('\n'));
        return out.toString();
    }

    private static void appendCounts(StringBuilder out, String label, Map<String, Long> counts) {
        out.append(label);
        out.append(counts.isEmpty() ? "none" : String.join(", ",
                counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.append('\n');
    }

    static String csv(RunReport report) {
        RunSummary s = report.summary();
        StringBuilder out = new StringBuilder("section,item,count,detail\n");
        row(out, "files", "seen", s.files().seen(), "");
        row(out, "files", "migrated", s.files().migrated(), "");
        row(out, "files", "already_migrated", s.files().alreadyMigrated(), "");
        row(out, "files", "quarantined", s.files().quarantined(), "");
        report.newFilesByFormat().forEach((k, v) -> row(out, "format", k, v, ""));
        report.newFilesByOutcome().forEach((k, v) -> row(out, "outcome", k, v, ""));
        row(out, "pages", "pages", s.pages(), "");
        row(out, "records", "loaded", s.records().loaded(), "");
        row(out, "records", "held_for_review", s.records().heldForReview(), "");
        row(out, "fields", "extracted", s.fields().extracted(), "");
        row(out, "fields", "auto_accepted", s.fields().autoAccepted(), "");
        row(out, "fields", "to_review", s.fields().toReview(), "");
        Reconciliation r = report.reconciliation();
        r.documentsByType().forEach((k, v) -> row(out, "document_type", k, v, ""));
        r.documentsByStatus().forEach((k, v) -> row(out, "document_status", k, v, ""));
        row(out, "review", "items", r.review().items(), "");
        row(out, "review", "values", r.review().values(), "");
        row(out, "review", "accepted", r.review().accepted(), "");
        row(out, "review", "corrected", r.review().corrected(), "");
        row(out, "review", "rejected", r.review().rejected(), "");
        row(out, "review", "keyed", r.review().keyed(), "");
        row(out, "review", "open", r.review().open(), "");
        row(out, "rows", "loaded", r.rows().loaded(), "");
        row(out, "rows", "bad", r.rows().bad(), "");
        row(out, "rows", "bad_rejected", r.rows().badRejected(), "");
        row(out, "rows", "bad_accepted", r.rows().badAccepted(), "");
        row(out, "rows", "bad_keyed", r.rows().badKeyed(), "");
        row(out, "keyed", "documents", r.keyed().documents(), "");
        row(out, "keyed", "rows", r.keyed().rows(), "");
        row(out, "keyed", "values", r.keyed().values(), "");
        r.keyed().clinicsCreated().forEach(c -> row(out, "keyed", "clinic_created", 1, c));
        row(out, "rows", "bad_open", r.rows().badOpen(), "");
        row(out, "possible_duplicates", "pairs", r.duplicates().pairs(), "");
        row(out, "possible_duplicates", "linked", r.duplicates().linked(), "");
        row(out, "possible_duplicates", "kept_apart", r.duplicates().keptApart(), "");
        row(out, "possible_duplicates", "open", r.duplicates().open(), "");
        s.quarantine().forEach(q -> row(out, "quarantine", q.file(), 1, q.reason()));
        s.ledger().forEach(e -> row(out, "file", e.file(), 1, String.join(" ", e.disposition(), e.format(), e.outcome())
                + (e.reason() == null ? "" : ": " + e.reason())));
        List<String> problems = report.discrepancies();
        row(out, "check", "adds_up", problems.isEmpty() ? 1 : 0, String.join("; ", problems));
        return out.toString();
    }

    private static void row(StringBuilder out, String section, String item, long count, String detail) {
        out.append(section).append(',').append(csvField(item)).append(',').append(count).append(',')
                .append(csvField(detail)).append('\n');
    }

    static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
