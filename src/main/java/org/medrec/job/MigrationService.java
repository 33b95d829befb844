package org.medrec.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.medrec.record.Failures;
import org.medrec.report.RunSummary;
import org.medrec.report.RunSummaryQuery;
import org.medrec.store.MigrationRuns;
import org.medrec.store.StoreLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

/**
 * Runs {@code medrec migrate}: takes the store's migration lock, resumes the last run over the
 * same input folder when it did not complete (a crash, a stop) or starts a new one, runs the
 * job, and returns the run's summary.
 */
@Service
public class MigrationService {

    /** Another migration holds the store's lock. */
    public static final class AlreadyRunningException extends Exception {
        AlreadyRunningException() {
            super("another migration is already running against this store; wait for it to finish");
        }
    }

    /**
     * The record store went away while the run was going (the database stopped, the network
     * failed): the run did not complete, and the next {@code migrate} of the folder resumes it.
     */
    public static final class StoreLostException extends RuntimeException {
        private final UUID runId;

        StoreLostException(UUID runId, Throwable cause) {
            super("the record store went away during migration run " + runId, cause);
            this.runId = runId;
        }

        public UUID runId() {
            return runId;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(MigrationService.class);

    private final DataSource dataSource;
    private final MigrationRuns runs;
    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job migrationJob;
    private final RunSummaryQuery summaries;
    private final MigrationProgress progress;
    private final ProgressListener progressListener;
    private final ProgressSettings progressSettings;

    MigrationService(DataSource dataSource, MigrationRuns runs, JobOperator jobOperator, JobRepository jobRepository,
                     Job migrationJob, RunSummaryQuery summaries, MigrationProgress progress,
                     ProgressListener progressListener, ProgressSettings progressSettings) {
        this.dataSource = dataSource;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.migrationJob = migrationJob;
        this.summaries = summaries;
        this.progress = progress;
        this.progressListener = progressListener;
        this.progressSettings = progressSettings;
    }

    public RunSummary migrate(Path input) throws AlreadyRunningException, IOException, SQLException {
        return migrate(input, null);
    }

    /**
     * Runs the migration of {@code input}; {@code display}, when not null, gets a live progress line
     * (the CLI passes one when stderr is a terminal). Progress log lines are written either way.
     */
    public RunSummary migrate(Path input, ProgressDisplay display) throws AlreadyRunningException, IOException,
            SQLException {
        if (!Files.isDirectory(input)) {
            throw new IllegalArgumentException("--input " + input + " is not a folder");
        }
        String inputDir = input.toRealPath().toString();
        Optional<StoreLock> lock = StoreLock.tryMigrationLock(dataSource);
        if (lock.isEmpty()) {
            throw new AlreadyRunningException();
        }
        try (StoreLock ignored = lock.get()) {
            UUID runId = resumeOrCreate(inputDir);
            JobParameters parameters = new RunParameters(runId, Path.of(inputDir)).toJobParameters();
            JobExecution execution;
            log.info("migration run {} begins", runId);
            try {
                try (ProgressReporter ignoredReporter = new ProgressReporter(progress, progressSettings, display)) {
                    execution = jobOperator.start(migrationJob, parameters);
                } catch (DataAccessException e) {
                    throw e;
                } catch (Exception e) {
                    runs.finished(runId, "FAILED", null, Failures.kind(e));
                    throw new IllegalStateException("the migration job could not start (" + Failures.kind(e) + ")", e);
                }
                String status = runStatus(execution.getStatus());
                String message = execution.getAllFailureExceptions().stream().findFirst()
                        .map(Failures::kind).orElse(null);
                runs.finished(runId, status, execution.getId(), message);
                log.info("migration run {} {}", runId, status);
                return summaries.summary(runId);
            } catch (DataAccessException e) {
                log.error("migration run {}: the record store went away ({}); the next migrate of the same folder"
                        + " resumes the run", runId, e.getClass().getSimpleName());
                throw new StoreLostException(runId, e);
            }
        } finally {
            progressListener.reset();   // a stop asked for before the job began is kept until it ends
        }
    }

    /**
     * Asks the running migration to stop: the chunk being written is finished and committed, the
     * job execution ends STOPPED, and the next {@code migrate} of the same folder resumes it.
     * Returns at once (the run ends on its own thread). Safe to call from any thread, and more than once.
     */
    public void requestStop() {
        progressListener.stopRequested();
        JobExecution running = progressListener.running();
        if (running == null || !running.isRunning()) {
            return;
        }
        try {
            jobOperator.stop(running);
            log.info("stop requested: the migration stops after the chunk it is writing");
        } catch (Exception e) {
            log.warn("the migration could not be asked to stop: {}", e.toString());
        }
    }

    /** The run to resume (the latest over this folder, unless it completed) or a new one. */
    private UUID resumeOrCreate(String inputDir) {
        Optional<MigrationRuns.Run> latest = runs.latestFor(inputDir).filter(r -> !r.status().equals("COMPLETED"));
        if (latest.isEmpty()) {
            return runs.create(inputDir);
        }
        UUID runId = latest.get().id();
        JobParameters parameters = new RunParameters(runId, Path.of(inputDir)).toJobParameters();
        JobExecution last = jobRepository.getLastJobExecution(MigrationJobConfiguration.JOB_NAME, parameters);
        if (last != null && last.getStatus().isRunning()) {
            // We hold the store's lock, so nobody runs it: its process died. Mark it failed to restart it.
            jobOperator.recover(last);
        }
        runs.restarted(runId);
        log.info("resuming migration run {} that did not complete", runId);
        return runId;
    }

    private static String runStatus(BatchStatus status) {
        return switch (status) {
            case COMPLETED -> "COMPLETED";
            case STOPPED, STOPPING -> "STOPPED";
            default -> "FAILED";
        };
    }
}
