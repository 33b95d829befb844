package org.medrec.store;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code migration_run} table. Thread-safe. */
@Repository
public class MigrationRuns {

    /** A run as stored. */
    public record Run(UUID id, String inputDir, String status, OffsetDateTime startedAt, OffsetDateTime endedAt,
                      Long jobExecutionId, String message) {
    }

    private final JdbcClient jdbc;

    public MigrationRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID create(String inputDir) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, ?)").params(id, inputDir).update();
        return id;
    }

    /** The latest run over this input folder, whatever its status. */
    public Optional<Run> latestFor(String inputDir) {
        return jdbc.sql(SELECT + " WHERE input_dir = ? ORDER BY started_at DESC LIMIT 1").param(inputDir)
                .query(Run.class).optional();
    }

    public Optional<Run> latest() {
        return jdbc.sql(SELECT + " ORDER BY started_at DESC LIMIT 1").query(Run.class).optional();
    }

    public Optional<Run> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Run.class).optional();
    }

    public void restarted(UUID id) {
        jdbc.sql("UPDATE migration_run SET status = 'STARTED', ended_at = NULL, message = NULL WHERE id = ?")
                .param(id).update();
    }

    public void finished(UUID id, String status, Long jobExecutionId, String message) {
        jdbc.sql("UPDATE migration_run SET status = ?, ended_at = now(), job_execution_id = ?, message = ? WHERE id = ?")
                .params(status, jobExecutionId, message, id).update();
    }

    private static final String SELECT = """
            SELECT id, input_dir, status, started_at, ended_at, job_execution_id, message FROM migration_run""";
}
