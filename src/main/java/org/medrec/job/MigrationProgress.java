package org.medrec.job;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How far the running migration is: the current stage, its files and pages done of the total it
 * started with, the rate and the time left. Counts only, never what a file holds. Thread-safe: the
 * chart stage's threads count into it while another thread reads {@link #snapshot()}.
 */
public final class MigrationProgress {

    /** Where the run stands at one moment. {@code pagesTotal} 0: the stage does not count pages. */
    public record Snapshot(String stage, long filesDone, long filesTotal, long pagesDone, long pagesTotal,
                           Duration elapsed) {

        /** Pages per second when the stage counts pages, else files per second; 0 before anything is done. */
        public double rate() {
            double seconds = elapsed.toMillis() / 1000.0;
            return seconds <= 0 ? 0 : (countsPages() ? pagesDone : filesDone) / seconds;
        }

        /** The time left at the current rate; empty before the first file or page is done. */
        public Optional<Duration> timeLeft() {
            long done = countsPages() ? pagesDone : filesDone;
            long total = countsPages() ? pagesTotal : filesTotal;
            if (done <= 0 || rate() <= 0) {
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(Math.round(Math.max(0, total - done) / rate() * 1000)));
        }

        boolean countsPages() {
            return pagesTotal > 0;
        }

        /** One line for the terminal and the log: {@code charts: 3/9 files, 14/61 pages, 0.62 pages/s, 1 min 32 s left}. */
        public String line() {
            StringBuilder line = new StringBuilder(stage).append(": ").append(filesDone).append('/').append(filesTotal)
                    .append(" files");
            if (countsPages()) {
                line.append(", ").append(pagesDone).append('/').append(pagesTotal).append(" pages");
            }
            line.append(", ").append(String.format(Locale.ROOT, "%.2f", rate()))
                    .append(countsPages() ? " pages/s" : " files/s");
            line.append(", ").append(timeLeft().map(t -> duration(t) + " left").orElse("time left not known yet"));
            return line.toString();
        }

        static String duration(Duration d) {
            long s = d.toSeconds();
            if (s < 60) {
                return s + " s";
            }
            if (s < 3600) {
                return s / 60 + " min " + s % 60 + " s";
            }
            return s / 3600 + " h " + s % 3600 / 60 + " min";
        }
    }

    private final LongSupplier nanoClock;
    private volatile String stage = "starting";
    private volatile long filesTotal;
    private volatile long pagesTotal;
    private volatile long stageStart;
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong pagesDone = new AtomicLong();

    public MigrationProgress(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.stageStart = nanoClock.getAsLong();
    }

    public MigrationProgress() {
        this(System::nanoTime);
    }

    /** A stage begins with this much work ahead of it ({@code pages} 0 when it does not count pages). */
    public void begin(String stageName, long files, long pages) {
        filesDone.set(0);
        pagesDone.set(0);
        filesTotal = Math.max(0, files);
        pagesTotal = Math.max(0, pages);
        stageStart = nanoClock.getAsLong();
        stage = stageName;
    }

    /** Files (and their pages) that the current stage finished. */
    public void done(long files, long pages) {
        filesDone.addAndGet(files);
        pagesDone.addAndGet(pages);
    }

    /** What the current stage has finished so far, counted elsewhere (the workers of a remote run). */
    public void doneSoFar(long files, long pages) {
        filesDone.set(Math.max(0, files));
        pagesDone.set(Math.max(0, pages));
    }

    public Snapshot snapshot() {
        return new Snapshot(stage, filesDone.get(), filesTotal, pagesDone.get(), pagesTotal,
                Duration.ofNanos(nanoClock.getAsLong() - stageStart));
    }
}
