package org.medrec.report;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts a run's outcomes from the ledger and the record store: a file counts as migrated once it
 * is loaded or held for review, so a stopped run's files still waiting count in "seen" only.
 * Thread-safe.
 */
@Repository
public class RunSummaryQuery {

    private final JdbcClient jdbc;

    public RunSummaryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public RunSummary summary(UUID runId) {
        String status = jdbc.sql("SELECT status FROM migration_run WHERE id = ?").param(runId)
                .query(String.class).single();
        RunSummary.Files files = jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE rf.disposition = 'new' AND sf.outcome IN ('loaded', 'held_for_review')),
                       count(*) FILTER (WHERE rf.disposition = 'already_migrated'),
                       count(*) FILTER (WHERE rf.disposition = 'new' AND sf.outcome = 'quarantined')
                FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ?""").param(runId)
                .query((rs, n) -> new RunSummary.Files(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
        long pages = jdbc.sql("""
                SELECT coalesce(sum(sf.pages), 0) FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND rf.disposition = 'new' AND sf.outcome IN ('loaded', 'held_for_review')""")
                .param(runId).query(Long.class).single();
        RunSummary.Records records = jdbc.sql("""
                SELECT count(*) FILTER (WHERE d.status = 'loaded'), count(*) FILTER (WHERE d.status = 'held')
                FROM document d JOIN run_file rf ON rf.source_file_id = d.source_file_id
                WHERE rf.run_id = ? AND rf.disposition = 'new'""").param(runId)
                .query((rs, n) -> new RunSummary.Records(rs.getLong(1), rs.getLong(2))).single();
        long autoAccepted = jdbc.sql("""
                SELECT (SELECT count(*) FROM value_provenance vp JOIN run_file rf ON rf.source_file_id = vp.source_file_id
                        WHERE rf.run_id = :run AND rf.disposition = 'new' AND vp.review_item_id IS NULL)
                     + (SELECT coalesce(sum(cardinality(sp.fields)), 0) FROM sheet_row_provenance sp
                        JOIN run_file rf ON rf.source_file_id = sp.source_file_id WHERE rf.run_id = :run AND rf.disposition = 'new')""")
                .param("run", runId).query(Long.class).single();
        long toReview = jdbc.sql("SELECT count(*) FROM review_item WHERE run_id = ?").param(runId)
                .query(Long.class).single();
        List<RunSummary.Quarantined> quarantine = jdbc.sql("""
                SELECT rf.path, sf.reason FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND rf.disposition = 'new' AND sf.outcome = 'quarantined' ORDER BY rf.path""")
                .param(runId).query((rs, n) -> new RunSummary.Quarantined(rs.getString(1), rs.getString(2))).list();
        List<RunSummary.LedgerEntry> ledger = jdbc.sql("""
                SELECT rf.path, rf.disposition, sf.format, sf.pages, sf.outcome, sf.reason
                FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id WHERE rf.run_id = ? ORDER BY rf.path""")
                .param(runId).query((rs, n) -> new RunSummary.LedgerEntry(rs.getString(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6))).list();
        return new RunSummary(runId, status, files, pages, records,
                new RunSummary.Fields(autoAccepted + toReview, autoAccepted, toReview), quarantine, ledger);
    }
}
