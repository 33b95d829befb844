package org.medrec.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.medrec.intake.FileFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCR processes of the chart stage: a thread reading a chart takes an idle {@link OcrProcess}
 * (or a new one) for that chart and gives it back afterwards, so there are as many processes as
 * threads reading at once. {@link #warmUp} starts them before the first chart comes (a JVM and
 * Tesseract take about a second to start). {@link #close()} ends them all.
 *
 * <p>Thread-safe.
 */
public final class OcrProcesses implements ChartReading {

    private static final Logger log = LoggerFactory.getLogger(OcrProcesses.class);

    private final Duration pageTimeLimit;
    private final Duration pageWait;
    private final int heapMb;
    private final ConcurrentLinkedQueue<OcrProcess> all = new ConcurrentLinkedQueue<>();
    private final Deque<OcrProcess> idle = new ArrayDeque<>();   // guarded by this
    private int warming;                                         // guarded by this
    private volatile boolean closed;

    /** See {@link OcrProcess#OcrProcess(Duration, Duration, int)}. */
    public OcrProcesses(Duration pageTimeLimit, Duration pageWait, int heapMb) {
        this.pageTimeLimit = Objects.requireNonNull(pageTimeLimit, "pageTimeLimit");
        this.pageWait = Objects.requireNonNull(pageWait, "pageWait");
        if (pageWait.compareTo(pageTimeLimit) <= 0) {
            throw new IllegalArgumentException("pageWait (" + pageWait + ") must be longer than pageTimeLimit ("
                    + pageTimeLimit + "): a page is decoded and prepared before its OCR passes");
        }
        if (heapMb < 128) {
            throw new IllegalArgumentException("heapMb must be at least 128, got " + heapMb);
        }
        this.heapMb = heapMb;
    }

    @Override
    public List<PageText> read(Path file, FileFormat format) throws IOException {
        OcrProcess process = take();
        try {
            return process.read(file, format);
        } finally {
            give(process);
        }
    }

    /**
     * Starts up to {@code processes} OCR processes in the background, so that the first charts find
     * them ready; a process that cannot start is left to the first read to report.
     */
    @Override
    public synchronized void warmUp(int processes) {
        for (int i = all.size(); i < processes && !closed; i++) {
            OcrProcess process = create();
            warming++;
            Thread starter = new Thread(() -> {
                try {
                    process.start();
                } catch (RuntimeException e) {
                    log.debug("an OCR process could not be started ahead of the charts: {}", e.getMessage());
                } finally {
                    synchronized (OcrProcesses.this) {
                        warming--;
                        give(process);
                    }
                }
            }, "ocr-process-warm-up");
            starter.setDaemon(true);
            starter.start();
        }
    }

    /** An idle process, one that is starting (waited for: it is ready sooner than a new one), or a new one. */
    private synchronized OcrProcess take() {
        boolean interrupted = false;
        try {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("OcrProcesses is closed");
                }
                OcrProcess process = idle.pollFirst();
                if (process != null) {
                    return process;
                }
                if (warming == 0) {
                    return create();
                }
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;   // as OcrProcess's own waits: kept for the caller
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private OcrProcess create() {
        OcrProcess process = new OcrProcess(pageTimeLimit, pageWait, heapMb);
        all.add(process);
        return process;
    }

    private synchronized void give(OcrProcess process) {
        if (closed) {
            process.close();
        } else {
            idle.addFirst(process);
            notifyAll();
        }
    }

    /** Ends every process. Idempotent. */
    @Override
    public void close() {
        closed = true;
        OcrProcess process;
        while ((process = all.poll()) != null) {
            process.close();
        }
        synchronized (this) {
            idle.clear();
            notifyAll();
        }
    }
}
