package org.medrec.ocr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.medrec.intake.FileFormat;

/**
 * Gives each worker thread its own {@link OcrEngine} (created on the thread's first call), and ends them all
 * on {@link #close()}. Tesseract instances must not be shared between threads, and each holds native memory,
 * so the number of engines is the number of threads that asked, and closing matters.
 *
 * <pre>{@code
 * try (OcrEngines engines = new OcrEngines(OcrSettings.defaults())) {
 *     executor.submit(() -> engines.get().recognize(image, 300));   // on any worker thread
 *     ... wait for the workers ...
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} must only be called once the workers are done with their engines: it
 * refuses (IllegalStateException) to end an engine that is recognising a page.
 */
public final class OcrEngines implements ChartReading {

    private final ChartPages chartPages = new ChartPages();

    private final OcrSettings settings;
    private final java.time.Duration pageTimeLimit;
    private final ConcurrentLinkedQueue<OcrEngine> all = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<OcrEngine> perThread = new ThreadLocal<>();
    private volatile boolean closed;

    public OcrEngines(OcrSettings settings) {
        this(settings, null);
    }

    /** Engines that abandon a recognition pass running past {@code pageTimeLimit} (null: no limit). */
    public OcrEngines(OcrSettings settings, java.time.Duration pageTimeLimit) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.pageTimeLimit = pageTimeLimit;
    }

    /** The calling thread's engine, started on first use. */
    public OcrEngine get() {
        if (closed) {
            throw new IllegalStateException("OcrEngines is closed");
        }
        OcrEngine engine = perThread.get();
        if (engine == null) {
            engine = OcrEngine.open(settings, pageTimeLimit);
            perThread.set(engine);
            all.add(engine);
            if (closed) { // closed while this one was starting
                all.remove(engine);
                engine.close();
                throw new IllegalStateException("OcrEngines is closed");
            }
        }
        return engine;
    }

    /** Reads a chart file in this process with the calling thread's engine. */
    @Override
    public List<PageText> read(Path file, FileFormat format) throws IOException {
        return chartPages.read(file, format, get());
    }

    /** How many engines are running (one per thread that has asked). */
    public int size() {
        return all.size();
    }

    /** Ends every engine. Idempotent; {@link #get()} fails afterwards. */
    @Override
    public void close() {
        closed = true;
        List<RuntimeException> failures = new ArrayList<>();
        OcrEngine engine;
        while ((engine = all.poll()) != null) {
            try {
                engine.close();
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        perThread.remove();
        if (!failures.isEmpty()) {
            IllegalStateException failure = new IllegalStateException(failures.size()
                    + " OCR engine(s) could not be closed: still in use");
            failures.forEach(failure::addSuppressed);
            throw failure;
        }
    }
}
