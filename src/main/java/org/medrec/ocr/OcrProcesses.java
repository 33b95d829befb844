package org.medrec.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.medrec.intake.FileFormat;

/**
 * Gives each thread its own {@link OcrProcess} (started on the thread's first file) and ends them
 * all on {@link #close()}: charts are read outside medrec's JVM, one process per OCR thread.
 */
public final class OcrProcesses implements ChartReading {

    private final Duration pageTimeLimit;
    private final Duration pageWait;
    private final int heapMb;
    private final ConcurrentLinkedQueue<OcrProcess> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<OcrProcess> perThread = new ThreadLocal<>();
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
        if (closed) {
            throw new IllegalStateException("OcrProcesses is closed");
        }
        OcrProcess process = perThread.get();
        if (process == null) {
            process = new OcrProcess(pageTimeLimit, pageWait, heapMb);
            perThread.set(process);
            all.add(process);
        }
        return process.read(file, format);
    }

    /** Ends every process. Idempotent. */
    @Override
    public void close() {
        closed = true;
        OcrProcess process;
        while ((process = all.poll()) != null) {
            process.close();
        }
        perThread.remove();
    }
}
