package org.medrec.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The summary of one migration run, in the shape of {@code migrate --json} (shared/specs/cli.md).
 * {@code seen = migrated + alreadyMigrated + quarantined} always holds.
 */
public record RunSummary(UUID runId, String status, Files files, long pages, Records records, Fields fields,
                         List<Quarantined> quarantine, List<LedgerEntry> ledger) {

    public record Files(long seen, long migrated, long alreadyMigrated, long quarantined) {
        public boolean addUp() {
            return seen == migrated + alreadyMigrated + quarantined;
        }
    }

    public record Records(long loaded, long heldForReview) {
    }

    public record Fields(long extracted, long autoAccepted, long toReview) {
    }

    /** {@code file} is relative to the run's input folder. */
    public record Quarantined(String file, String reason) {
    }

    /**
     * What the run did with one path: {@code disposition} new or already_migrated, the detected
     * format, and the content's outcome (received, loaded, held_for_review, quarantined) with its reason.
     */
    public record LedgerEntry(String file, String disposition, String format, Integer pages, String outcome, String reason) {
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId.toString());
        json.put("status", status);
        json.put("files", ordered("seen", files.seen, "migrated", files.migrated,
                "already_migrated", files.alreadyMigrated, "quarantined", files.quarantined));
        json.put("pages", pages);
        json.put("records", ordered("loaded", records.loaded, "held_for_review", records.heldForReview));
        json.put("fields", ordered("extracted", fields.extracted, "auto_accepted", fields.autoAccepted,
                "to_review", fields.toReview));
        json.put("quarantine", quarantine.stream().map(q -> ordered("file", q.file, "reason", q.reason)).toList());
        json.put("ledger", ledger.stream().map(e -> ordered("file", e.file, "disposition", e.disposition, "format", e.format,
                "pages", e.pages, "outcome", e.outcome, "reason", e.reason)).toList());
        return json;
    }

    /** The summary as {@code migrate} prints it without {@code --json}. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        out.append("Migration run ").append(runId).append(": ").append(status).append('\n');
        out.append(String.format("  files:   %d seen, %d migrated, %d already migrated, %d quarantined%n",
                files.seen, files.migrated, files.alreadyMigrated, files.quarantined));
        out.append(String.format("  pages:   %d%n", pages));
        out.append(String.format("  records: %d loaded, %d held for review%n", records.loaded, records.heldForReview));
        out.append(String.format("  fields:  %d extracted, %d auto-accepted, %d to review%n",
                fields.extracted, fields.autoAccepted, fields.toReview));
        if (!quarantine.isEmpty()) {
            out.append("  quarantined:\n");
            quarantine.forEach(q -> out.append("    ").append(q.file).append(": ").append(q.reason).append('\n'));
        }
        return out.toString();
    }

    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
