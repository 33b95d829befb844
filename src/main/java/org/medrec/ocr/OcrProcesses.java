package org.medrec.ocr;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.medrec.intake.ContentSniffer;
import org.medrec.intake.FileFormat;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCR processes of the chart stage: a thread reading a chart takes an idle {@link OcrProcess}
 * (or a new one) for that chart and gives it back afterwards, so there are as many processes as
 * threads reading at once. {@link #warmUp} starts them before the first chart comes (a JVM and
 * Tesseract take about a second to start). {@link #readEarly} goes further: while the store starts, the
 * processes read the first chart files of the input folder, and {@link #read} takes their pages from
 * there when the chart stage comes to them. {@link #close()} ends them all.
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
    /** Files read ahead of the chart stage ({@link #readEarly}), by absolute path. */
    private final Map<Path, Early> early = new ConcurrentHashMap<>();
    private volatile boolean chartsBegun;
    private final AtomicInteger earlyBegun = new AtomicInteger();
    private final AtomicInteger earlyUsed = new AtomicInteger();

    /** A file read early: what it was when its reading began, and its pages (or why they could not be read). */
    private record Early(FileFormat format, long size, FileTime modified, CompletableFuture<List<PageText>> pages) {
    }

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
        chartsBegun = true;   // no early reading begins after this
        Optional<List<PageText>> readEarly = takeEarly(file, format);
        if (readEarly.isPresent()) {
            return readEarly.get();
        }
        OcrProcess process = take();
        try {
            return process.read(file, format);
        } finally {
            give(process);
        }
    }

    /**
     * Reads, in the background, the first chart files of {@code files} (in their order: regular files whose content
     * is a PDF or an image; links and special files are left to intake) on up to {@code readers} OCR processes,
     * until {@code max} files are read or the chart stage asks for its first file ({@link #read}). The chart stage
     * takes a file's pages from here when the file has the format intake found and the size and modification time
     * it had when its early reading began; otherwise, or when the early reading failed (a crash, a page that hung),
     * the file is read again. A file the chart stage never asks for (intake refused it, an earlier run read it)
     * was read for nothing: hence {@code max}.
     */
    public void readEarly(List<Path> files, int readers, int max) {
        if (max <= 0 || readers <= 0 || files.isEmpty()) {
            return;
        }
        ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
        AtomicInteger begun = new AtomicInteger();
        for (int i = 0; i < readers; i++) {
            Thread reader = new Thread(() -> {
                Path file;
                while (!chartsBegun && !closed && begun.get() < max && (file = queue.poll()) != null) {
                    Path key = file.toAbsolutePath().normalize();
                    Early reading = chartFile(key).orElse(null);
                    if (reading == null || begun.incrementAndGet() > max) {
                        continue;
                    }
                    early.put(key, reading);
                    earlyBegun.incrementAndGet();
                    try {
                        List<PageText> pages;
                        OcrProcess process = take();
                        try {
                            pages = process.read(key, reading.format());
                        } finally {
                            give(process);   // before the chart stage hears of the pages (and might close)
                        }
                        reading.pages().complete(pages);
                    } catch (Exception | Error e) {
                        reading.pages().completeExceptionally(e);
                    }
                }
            }, "ocr-early-read");
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Chart files whose early reading began (tests). */
    int earlyBegun() {
        return earlyBegun.get();
    }

    /** Chart files whose early reading the chart stage used (tests). */
    int earlyUsed() {
        return earlyUsed.get();
    }

    /** The file as an early reading (not begun yet), when it is a regular file whose content is a chart's. */
    private static Optional<Early> chartFile(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                return Optional.empty();
            }
            byte[] head;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                head = in.readNBytes(ContentSniffer.HEAD_LENGTH);
            }
            FileFormat format = switch (ContentSniffer.sniff(head, attributes.size())) {
                case PDF -> FileFormat.PDF;
                case TIFF -> FileFormat.TIFF;
                case PNG -> FileFormat.PNG;
                case JPEG -> FileFormat.JPEG;
                default -> null;
            };
            return format == null ? Optional.empty() : Optional.of(new Early(format, attributes.size(),
                    attributes.lastModifiedTime(), new CompletableFuture<>()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();   // intake says why it cannot be read
        }
    }

    /** The pages of the file read early, when it was, it read, and it is still what it was. */
    private Optional<List<PageText>> takeEarly(Path file, FileFormat format) {
        Early reading = early.remove(file.toAbsolutePath().normalize());
        if (reading == null || reading.format() != format) {
            return Optional.empty();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    List<PageText> pages = reading.pages().get();
                    BasicFileAttributes now = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (now.isRegularFile() && now.size() == reading.size()
                            && now.lastModifiedTime().equals(reading.modified())) {
                        earlyUsed.incrementAndGet();
                        return Optional.of(pages);
                    }
                    return Optional.empty();
                } catch (InterruptedException e) {
                    interrupted = true;   // as OcrProcess's own waits: kept for the caller
                } catch (ExecutionException | IOException e) {
                    log.debug("a chart read early is read again: {}", Failures.kind(e));
                    return Optional.empty();
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
                    log.debug("an OCR process could not be started ahead of the charts: {}", Failures.kind(e));
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
        if (!closed && earlyBegun.get() > 0) {
            log.info("chart files read while the store started: {}, of which the chart stage used {}", earlyBegun.get(),
                    earlyUsed.get());
        }
        closed = true;
        early.clear();
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
