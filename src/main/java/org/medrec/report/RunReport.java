package org.medrec.report;

import org.medrec.record.FileOutcome;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation report of one run: its summary, where its files came from and how each
 * ended, and whether the numbers add up (the report says where they do not).
 */
public record RunReport(RunSummary summary, String inputDir, OffsetDateTime startedAt, OffsetDateTime endedAt,
                        Map<String, Long> newFilesByFormat, Map<String, Long> newFilesByOutcome, String message,
                        Reconciliation reconciliation) {

    /** Each check that failed, in words; empty when everything adds up. */
    public List<String> discrepancies() {
        List<String> problems = new ArrayList<>();
        RunSummary.Files f = summary.files();
        if (!f.addUp()) {
            problems.add("files seen (" + f.seen() + ") != migrated + already migrated + quarantined ("
                    + (f.migrated() + f.alreadyMigrated() + f.quarantined()) + ")");
        }
        long byFormat = newFilesByFormat.values().stream().mapToLong(Long::longValue).sum();
        if (byFormat != f.migrated() + f.quarantined()) {
            problems.add("new files by format (" + byFormat + ") != migrated + quarantined ("
                    + (f.migrated() + f.quarantined()) + ")");
        }
        long quarantinedByOutcome = newFilesByOutcome.getOrDefault(FileOutcome.QUARANTINED.code(), 0L);
        if (quarantinedByOutcome != f.quarantined() || summary.quarantine().size() != f.quarantined()) {
            problems.add("quarantined files listed (" + summary.quarantine().size() + ") != quarantined ("
                    + f.quarantined() + ")");
        }
        RunSummary.Fields fields = summary.fields();
        if (fields.extracted() != fields.autoAccepted() + fields.toReview()) {
            problems.add("fields extracted != auto-accepted + to review");
        }
        problems.addAll(reconciliation.discrepancies());
        return problems;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(summary.toJson());
        json.put("input", inputDir);
        json.put("started_at", startedAt == null ? null : startedAt.toString());
        json.put("ended_at", endedAt == null ? null : endedAt.toString());
        json.put("message", message);
        json.put("new_files_by_format", newFilesByFormat);
        json.put("new_files_by_outcome", newFilesByOutcome);
        json.putAll(reconciliation.toJson());
        List<String> problems = discrepancies();
        json.put("adds_up", problems.isEmpty());
        json.put("discrepancies", problems);
        return json;
    }
}
