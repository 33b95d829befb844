package org.medrec.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.medrec.intake.IntakeOutcome;
import org.medrec.intake.ProbeResult;
import org.medrec.record.FileOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The source-file ledger: one {@code source_file} row per distinct content, one {@code run_file}
 * row per path a run saw. Writing is idempotent: a path already in the run's ledger is left alone,
 * and content already known is recorded as already migrated. Thread-safe.
 */
@Repository
public class Ledger {

    private final JdbcClient jdbc;

    public Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean knows(String sha256) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM source_file WHERE sha256 = ?)").param(sha256)
                .query(Boolean.class).single();
    }

    public boolean hasPath(UUID runId, String path) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM run_file WHERE run_id = ? AND path = ?)")
                .param(runId).param(path).query(Boolean.class).single();
    }

    @Transactional
    public void record(UUID runId, List<? extends IntakeOutcome> outcomes) {
        for (IntakeOutcome outcome : outcomes) {
            record(runId, outcome);
        }
    }

    private void record(UUID runId, IntakeOutcome outcome) {
        IntakeOutcome.Disposition disposition = outcome.disposition();
        Long sourceFileId = outcome.sha256() == null ? null : idOf(outcome.sha256());
        if (sourceFileId != null) {
            disposition = IntakeOutcome.Disposition.ALREADY_MIGRATED;   // same content earlier in this run
        } else {
            ProbeResult probe = outcome.probe();
            sourceFileId = jdbc.sql("""
                    INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, pages, outcome, reason)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(outcome.sha256(), outcome.size(), outcome.path(), runId, probe.format().name(),
                            probe.pages(), (probe.accepted() ? FileOutcome.RECEIVED : FileOutcome.QUARANTINED).code(), probe.reason())
                    .query(Long.class).single();
        }
        jdbc.sql("""
                INSERT INTO run_file (run_id, path, source_file_id, disposition) VALUES (?, ?, ?, ?)
                ON CONFLICT (run_id, path) DO NOTHING""")
                .params(runId, outcome.path(), sourceFileId, disposition.name().toLowerCase())
                .update();
    }

    /**
     * The paths of this run in the same folder as {@code path} (itself left out) whose content
     * intake accepted as a workbook or delimited text: the files a look-up may open.
     */
    public List<String> tableSiblings(UUID runId, String path) {
        Path folder = Path.of(path).getParent();
        return jdbc.sql("""
                SELECT rf.path FROM run_file rf JOIN source_file sf ON sf.id = rf.source_file_id
                WHERE rf.run_id = ? AND rf.path <> ? AND sf.format IN ('XLSX', 'XLS', 'CSV', 'TSV')
                  AND sf.outcome <> 'quarantined'
                ORDER BY rf.path""")
                .params(runId, path).query(String.class).list().stream()
                .filter(p -> Objects.equals(Path.of(p).getParent(), folder)).toList();
    }

    /**
     * Locks the file's ledger row until the transaction ends and says whether it still waits to be
     * read: two writers of the same file (a partition request delivered twice, a worker still busy
     * with the partition of a run that was since resumed) take turns, and the second finds it done.
     */
    public boolean lockIfReceived(long sourceFileId) {
        return jdbc.sql("SELECT outcome FROM source_file WHERE id = ? FOR UPDATE").param(sourceFileId)
                .query(String.class).optional().map(FileOutcome.RECEIVED.code()::equals).orElse(false);
    }

    /** Records how a later stage left a file: its outcome and the reason. */
    public void finish(long sourceFileId, FileOutcome outcome, String reason) {
        jdbc.sql("UPDATE source_file SET outcome = ?, reason = ?, updated_at = now() WHERE id = ?")
                .params(outcome.code(), reason, sourceFileId).update();
    }

    private Long idOf(String sha256) {
        return jdbc.sql("SELECT id FROM source_file WHERE sha256 = ?").param(sha256)
                .query(Long.class).optional().orElse(null);
    }
}
