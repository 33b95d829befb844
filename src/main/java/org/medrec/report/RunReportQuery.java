package org.medrec.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medrec.store.MigrationRuns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Builds a {@link RunReport} from the store. Thread-safe. */
@Repository
public class RunReportQuery {

    private final JdbcClient jdbc;
    private final MigrationRuns runs;
    private final RunSummaryQuery summaries;

    public RunReportQuery(JdbcClient jdbc, MigrationRuns runs, RunSummaryQuery summaries) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.summaries = summaries;
    }

    /** The report of the given run, or of the latest when {@code runId} is null; empty if there is none. */
    public Optional<RunReport> report(UUID runId) {
        Optional<MigrationRuns.Run> run = runId == null ? runs.latest() : runs.find(runId);
        return run.map(r -> new RunReport(summaries.summary(r.id()), r.inputDir(), r.startedAt(), r.endedAt(),
                countNewFiles(r.id(), "sf.format"), countNewFiles(r.id(), "sf.outcome"), r.message()));
    }

    private Map<String, Long> countNewFiles(UUID runId, String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("SELECT " + column + ", count(*) FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id"
                        + " WHERE rf.run_id = ? AND rf.disposition = 'new' GROUP BY 1 ORDER BY 1")
                .param(runId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
