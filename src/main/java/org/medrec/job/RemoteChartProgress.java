package org.medrec.job;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.medrec.intake.FileFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The manager's view of the chart stage while workers read it: counts the charts of the run that
 * are no longer waiting (whichever worker finished them) into {@link MigrationProgress}, says every
 * log interval how many partitions are done, being read and still waiting for a worker (and that it
 * waits when no worker reads), and, once a stop was asked for, stops the partitions no worker took
 * (so that the run can end STOPPED without workers). One daemon thread while the step runs.
 */
final class RemoteChartProgress implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RemoteChartProgress.class);
    /** The step executions of the partitions: {@code chartPagesWorkerStep:partition0}, ... */
    private static final String PARTITIONS = RemoteWorkerConfiguration.WORKER_STEP + ":%";

    private final JdbcClient jdbc;
    private final MigrationProgress progress;
    private final Duration pollInterval;
    private final Duration logInterval;
    private final String workersConnectTo;
    private volatile ScheduledExecutorService ticker;
    private long startFiles;
    private long startPages;
    private long lastLog;

    RemoteChartProgress(JdbcClient jdbc, MigrationProgress progress, Duration pollInterval, Duration logInterval,
                        String workersConnectTo) {
        this.jdbc = jdbc;
        this.progress = progress;
        this.pollInterval = pollInterval;
        this.logInterval = logInterval;
        this.workersConnectTo = workersConnectTo;
    }

    @Override
    public void beforeStep(StepExecution step) {
        UUID runId = RunParameters.of(step.getJobParameters()).runId();
        long[] waiting = waitingCharts(runId);
        startFiles = waiting[0];
        startPages = waiting[1];
        lastLog = System.nanoTime();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "remote-progress");
            thread.setDaemon(true);
            return thread;
        });
        long every = pollInterval.toMillis();
        ticker.scheduleWithFixedDelay(() -> tick(runId, step.getJobExecutionId()), every, every, TimeUnit.MILLISECONDS);
    }

    private void tick(UUID runId, long jobExecutionId) {
        try {
            long[] waiting = waitingCharts(runId);
            progress.doneSoFar(startFiles - waiting[0], startPages - waiting[1]);
            if (stopping(jobExecutionId)) {
                int stopped = jdbc.sql("""
                        UPDATE batch_step_execution SET status = 'STOPPED', exit_code = 'STOPPED',
                          exit_message = 'stopped before a worker took it', end_time = now(), last_updated = now(),
                          version = version + 1
                        WHERE job_execution_id = ? AND status = 'STARTING' AND step_name LIKE ?""")
                        .params(jobExecutionId, PARTITIONS).update();
                if (stopped > 0) {
                    log.info("charts: {} partitions no worker had taken are stopped", stopped);
                }
            }
            if (System.nanoTime() - lastLog >= logInterval.toNanos()) {
                lastLog = System.nanoTime();
                logPartitions(runId, jobExecutionId);
            }
        } catch (RuntimeException e) {
            log.warn("charts: could not look at the workers' progress ({}); the stage goes on", e.toString());
        }
    }

    private void logPartitions(UUID runId, long jobExecutionId) {
        Map<String, Long> byStatus = jdbc.sql("""
                SELECT status, count(*) FROM batch_step_execution
                WHERE job_execution_id = ? AND step_name LIKE ? GROUP BY status""")
                .params(jobExecutionId, PARTITIONS).query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        long waiting = byStatus.getOrDefault("STARTING", 0L);
        long reading = byStatus.getOrDefault("STARTED", 0L) + byStatus.getOrDefault("STOPPING", 0L);
        long done = byStatus.values().stream().mapToLong(Long::longValue).sum() - waiting - reading;
        log.info("migration run {}: charts: partitions: {} done, {} being read by workers, {} waiting for a worker{}",
                runId, done, reading, waiting, reading == 0 && waiting > 0
                        ? "; waiting: no worker is reading (start `medrec worker --broker " + workersConnectTo
                        + "` on the worker hosts)" : "");
    }

    private boolean stopping(long jobExecutionId) {
        return jdbc.sql("SELECT status FROM batch_job_execution WHERE job_execution_id = ?").param(jobExecutionId)
                .query(String.class).optional().map(s -> s.equals("STOPPING") || s.equals("STOPPED")).orElse(false);
    }

    /** The run's chart files still waiting to be read: their number and pages. */
    private long[] waitingCharts(UUID runId) {
        return ProgressListener.received(jdbc, runId, FileFormat::isChart);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        ScheduledExecutorService running = ticker;
        if (running != null) {
            running.shutdownNow();
        }
        UUID runId = RunParameters.of(step.getJobParameters()).runId();
        long[] waiting = waitingCharts(runId);
        progress.doneSoFar(startFiles - waiting[0], startPages - waiting[1]);
        return null;
    }
}
