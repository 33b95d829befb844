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
                countNewFiles(r.id(), "sf.format"), countNewFiles(r.id(), "sf.outcome"), r.message(),
                reconciliation(r.id())));
    }

    private Reconciliation reconciliation(UUID runId) {
        String documents = """
                SELECT %s, count(*) FROM document d JOIN run_file rf ON rf.source_file_id = d.source_file_id
                WHERE rf.run_id = ? AND rf.disposition = 'new' GROUP BY 1 ORDER BY 1""";
        Map<String, Long> byType = new LinkedHashMap<>();
        jdbc.sql(documents.formatted("d.doc_type")).param(runId).query(rs -> {
            byType.put(rs.getString(1), rs.getLong(2));
        });
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.sql(documents.formatted("d.status")).param(runId).query(rs -> {
            byStatus.put(rs.getString(1), rs.getLong(2));
        });
        Reconciliation.Review review = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE field <> '*'),
                       count(*) FILTER (WHERE decision = 'accept'), count(*) FILTER (WHERE decision = 'value'),
                       count(*) FILTER (WHERE decision = 'reject'), count(*) FILTER (WHERE decision = 'record'),
                       count(*) FILTER (WHERE status = 'open')
                FROM review_item WHERE run_id = ?""").param(runId)
                .query((rs, n) -> new Reconciliation.Review(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7))).single();
        long rowsLoaded = jdbc.sql("""
                SELECT count(*) FROM (SELECT DISTINCT vp.source_file_id, vp.sheet, vp.row_num FROM value_provenance_all vp
                    JOIN run_file rf ON rf.source_file_id = vp.source_file_id
                    WHERE rf.run_id = ? AND rf.disposition = 'new' AND vp.row_num IS NOT NULL) loaded""")
                .param(runId).query(Long.class).single();
        Reconciliation.Rows rows = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE decision = 'reject'), count(*) FILTER (WHERE decision = 'accept'),
                       count(*) FILTER (WHERE decision = 'record'), count(*) FILTER (WHERE status = 'open')
                FROM review_item WHERE run_id = ? AND kind = 'row'""")
                .param(runId).query((rs, n) -> new Reconciliation.Rows(rowsLoaded, rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5))).single();
        Reconciliation.Keyed keyed = jdbc.sql("""
                SELECT count(*) FILTER (WHERE kind = 'document'), count(*) FILTER (WHERE kind = 'row'),
                       (SELECT count(*) FROM value_provenance vp JOIN review_item k ON k.id = vp.review_item_id
                        WHERE k.run_id = ? AND vp.method = 'keyed')
                FROM review_item WHERE run_id = ? AND decision = 'record'""").params(runId, runId)
                .query((rs, n) -> new Reconciliation.Keyed(rs.getLong(1), rs.getLong(2), rs.getLong(3), jdbc.sql("""
                        SELECT s.name FROM identifier_system s WHERE s.created_by IS NOT NULL AND EXISTS (
                            SELECT 1 FROM patient_identifier pi
                            JOIN value_provenance vp ON vp.entity = 'patient_identifier' AND vp.entity_id = pi.id
                            JOIN review_item k ON k.id = vp.review_item_id
                            WHERE pi.system_id = s.id AND k.run_id = ?) ORDER BY s.name""").param(runId)
                        .query(String.class).list())).single();
        Reconciliation.Duplicates duplicates = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE l.status = 'linked'), count(*) FILTER (WHERE l.status = 'distinct'),
                       count(*) FILTER (WHERE l.status = 'candidate')
                FROM patient_link l WHERE l.id IN (SELECT patient_link_id FROM review_item WHERE run_id = ?)""")
                .param(runId).query((rs, n) -> new Reconciliation.Duplicates(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4))).single();
        Reconciliation.Loose loose = jdbc.sql("""
                WITH files AS (SELECT rf.source_file_id AS id FROM run_file rf WHERE rf.run_id = ? AND rf.disposition = 'new')
                SELECT (SELECT count(*) FROM document d WHERE d.source_file_id IN (SELECT id FROM files) AND d.status = 'held'
                          AND NOT EXISTS (SELECT 1 FROM review_item r WHERE r.document_id = d.id AND r.status = 'open')),
                       (SELECT count(*) FROM source_file sf WHERE sf.id IN (SELECT id FROM files)
                          AND sf.outcome = 'held_for_review'
                          AND NOT EXISTS (SELECT 1 FROM review_item r WHERE r.source_file_id = sf.id AND r.status = 'open')
                          AND NOT EXISTS (SELECT 1 FROM document d WHERE d.source_file_id = sf.id AND d.status = 'held')),
                       (SELECT count(*) FROM document d WHERE d.source_file_id IN (SELECT id FROM files) AND d.status = 'loaded'
                          AND NOT EXISTS (SELECT 1 FROM value_provenance vp
                                          WHERE vp.source_file_id = d.source_file_id AND vp.document_id = d.id)
                          AND NOT EXISTS (SELECT 1 FROM sheet_row_provenance sp
                                          WHERE sp.source_file_id = d.source_file_id AND sp.document_id = d.id))""")
                .param(runId).query((rs, n) -> new Reconciliation.Loose(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
        return new Reconciliation(byType, byStatus, review, rows, duplicates, keyed, loose);
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
