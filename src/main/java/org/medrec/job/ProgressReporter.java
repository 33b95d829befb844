package org.medrec.job;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * While a migration runs: a log line ({@code progress: charts: 3/9 files, 14/61 pages, ...}) every
 * log interval, and, when there is a {@link ProgressDisplay}, the same line redrawn on it every
 * terminal interval. One daemon thread; {@link #close()} stops it and erases the display's line.
 */
final class ProgressReporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProgressReporter.class);

    private final ScheduledExecutorService ticker;
    private final ProgressDisplay display;

    ProgressReporter(MigrationProgress progress, ProgressSettings settings, ProgressDisplay display) {
        this.display = display;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "progress");
            thread.setDaemon(true);
            return thread;
        });
        long logMillis = settings.logInterval().toMillis();
        ticker.scheduleAtFixedRate(() -> log.info("progress: {}", progress.snapshot().line()), logMillis, logMillis,
                TimeUnit.MILLISECONDS);
        if (display != null) {
            long drawMillis = settings.terminalInterval().toMillis();
            ticker.scheduleAtFixedRate(() -> display.show(progress.snapshot().line()), drawMillis, drawMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (display != null) {
            display.clear();
        }
    }
}
