package org.medrec.job;

import java.util.Arrays;
import java.util.UUID;
import org.medrec.intake.FileFormat;
import org.medrec.intake.SourceFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts each step's work into {@link MigrationProgress}: at the start of a step the files (and,
 * for charts, the pages) it has ahead of it, this run's earlier attempts left out; after each
 * chunk what it wrote. Also remembers the running job execution, so that a stop can be asked for
 * ({@link MigrationService#requestStop()}), and ends a step at once when a stop was asked for
 * before it began. Logs counts only. Thread-safe.
 */
class ProgressListener implements StepExecutionListener, ItemWriteListener<Object> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final JdbcClient jdbc;
    private final MigrationProgress progress;
    private volatile JobExecution running;
    private volatile boolean stopRequested;

    ProgressListener(JdbcClient jdbc, MigrationProgress progress) {
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution step) {
        running = step.getJobExecution();
        if (stopRequested) {
            step.setTerminateOnly();
        }
        RunParameters run = RunParameters.of(step.getJobParameters());
        UUID runId = run.runId();
        switch (step.getStepName()) {
            case "intakeStep" -> {
                long files = SourceFiles.under(run.input())
                        .size();
                long recorded = jdbc.sql("SELECT count(*) FROM run_file WHERE run_id = ?").param(runId)
                        .query(Long.class).single();
                begin(runId, "intake", files - recorded, 0);
            }
            case "sheetsStep" -> begin(runId, "spreadsheets", received(jdbc, runId, FileFormat::isSheet)[0], 0);
            case "chartPagesStep" -> {
                long[] charts = received(jdbc, runId, FileFormat::isChart);
                begin(runId, "charts", charts[0], charts[1]);
            }
            default -> begin(runId, step.getStepName(), 0, 0);
        }
    }

    private void begin(UUID runId, String stage, long files, long pages) {
        progress.begin(stage, files, pages);
        log.info("migration run {}: {} begins, {} {}{} to do", runId, stage, files, files == 1 ? "file" : "files",
                pages > 0 ? " (" + pages + " pages)" : "");
    }

    /** Files of this run that intake received and no later stage finished: their number and pages. */
    static long[] received(JdbcClient jdbc, UUID runId, java.util.function.Predicate<FileFormat> formats) {
        String[] names = Arrays.stream(FileFormat.values()).filter(formats).map(Enum::name).toArray(String[]::new);
        return jdbc.sql("""
                SELECT count(*), coalesce(sum(pages), 0) FROM source_file
                WHERE id IN (SELECT source_file_id FROM run_file WHERE run_id = ?)
                  AND outcome = 'received' AND format = ANY (?)""")
                .params(runId, names).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    @Override
    public void afterWrite(Chunk<?> items) {
        long pages = 0;
        for (Object item : items) {
            if (item instanceof ChartPagesProcessor.ReadChart chart) {
                pages += chart.map(unreadable -> pagesOf(unreadable.file()), blank -> (long) blank.pages().size(),
                        read -> (long) read.pages().size());
            }
        }
        progress.done(items.size(), pages);
    }

    /** A chart whose pages could not be read still counts as done with the pages intake saw. */
    private long pagesOf(ReceivedFile file) {
        return jdbc.sql("SELECT coalesce(pages, 0) FROM source_file WHERE id = ?").param(file.sourceFileId())
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        log.info("migration run {}: {} ended {} ({} written, {} filtered)",
                RunParameters.of(step.getJobParameters()).runId(), progress.snapshot().stage(),
                step.getStatus(), step.getWriteCount(), step.getFilterCount());
        return null;
    }

    /** The job execution of the running migration, if a step has begun. */
    JobExecution running() {
        return running;
    }

    /** Steps that begin from now on end at once; the caller stops the running one. */
    void stopRequested() {
        stopRequested = true;
    }

    /** A new run begins: forget the last one. */
    void reset() {
        running = null;
        stopRequested = false;
    }
}
