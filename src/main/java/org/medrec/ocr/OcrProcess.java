package org.medrec.ocr;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.medrec.intake.FileFormat;
import org.medrec.intake.HelperJvm;
import org.medrec.record.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads chart files in a separate JVM ({@link OcrProcessMain}) holding one Tesseract, so that a
 * native crash of Tesseract or of an image decoder, or a page that hangs, costs that file and not
 * the run: the file fails with the reason (and is quarantined), and the process is started again
 * for the next file. The JVM is started on first use.
 *
 * <p>Not thread-safe: one per thread ({@link OcrProcesses}).
 */
public final class OcrProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OcrProcess.class);
    /** Exit code of {@code -XX:+ExitOnOutOfMemoryError}. */
    private static final int OUT_OF_MEMORY = 3;
    private static final String END = "\0end";
    /** How long the JVM may take to start and load Tesseract. */
    private static final Duration STARTING = Duration.ofSeconds(60);

    private final Duration pageTimeLimit;
    private final Duration pageWait;
    private final int heapMb;
    private volatile Process process;   // closed from another thread by OcrProcesses.close
    private BufferedWriter requests;
    private BlockingQueue<String> answers;

    /**
     * @param pageTimeLimit Tesseract's deadline for one recognition pass (checked inside the process)
     * @param pageWait      how long a page may take in all (decoding, preprocessing, every pass) before
     *                      the process is killed as hung
     * @param heapMb        the process's Java heap
     */
    public OcrProcess(Duration pageTimeLimit, Duration pageWait, int heapMb) {
        this.pageTimeLimit = pageTimeLimit;
        this.pageWait = pageWait;
        this.heapMb = heapMb;
    }

    /** Every page of the file, or an {@link OcrException} saying why not (its process crashed, a page hung). */
    public List<PageText> read(Path file, FileFormat format) throws IOException {
        ensureStarted();
        try {
            requests.write(format.name() + "\t" + file.toAbsolutePath());
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            stop();
            throw new OcrException("the OCR process could not be given the file (" + Failures.kind(e) + ")", e);
        }
        List<PageText> pages = new ArrayList<>();
        while (true) {
            String answer = next(pageWait).orElse(null);
            if (answer == null) {
                stop();
                throw new OcrException("page " + (pages.size() + 1) + " took longer than " + pageWait.toMillis() / 1000.0
                        + " s to read (decoding, preparing and OCR); the OCR process was stopped: raise"
                        + " medrec.ocr.page-wait to try again");
            }
            if (answer.equals(END)) {
                int exit = waitForExit();
                stop();
                throw new OcrException(exit == OUT_OF_MEMORY
                        ? "page " + (pages.size() + 1) + " needed more than " + heapMb + " MB of memory to read; raise"
                          + " medrec.ocr.process-heap-mb to try again"
                        : "the OCR engine crashed on page " + (pages.size() + 1) + " (its process ended with exit code "
                          + exit + "; a damaged image, or a fault of Tesseract)");
            }
            if (answer.startsWith(OcrProcessMain.PAGE)) {
                pages.add(PageTextCodec.decode(answer.substring(OcrProcessMain.PAGE.length())));
            } else if (answer.startsWith(OcrProcessMain.FAILED)) {
                throw new OcrException(answer.substring(OcrProcessMain.FAILED.length()));
            } else if (answer.startsWith(OcrProcessMain.DAMAGED)) {
                throw new DamagedChartException(answer.substring(OcrProcessMain.DAMAGED.length()), null);
            } else if (answer.equals(OcrProcessMain.DONE)) {
                return pages;
            }
        }
    }

    /**
     * The next answer line, {@link #END} when the process's output ended, empty when none came in time.
     * An interrupt does not cut the wait short (as it would not cut short Tesseract in this JVM): it is
     * kept for the caller.
     */
    private Optional<String> next(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return Optional.ofNullable(answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private int waitForExit() {
        Process running = process;   // null when closed meanwhile (OcrProcesses closes from another thread)
        if (running == null) {
            return -1;
        }
        try {
            return running.waitFor(30, TimeUnit.SECONDS) ? running.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Starts the process and waits until Tesseract is ready, unless it runs already (reads start it anyway). */
    public void start() {
        ensureStarted();
    }

    private void ensureStarted() {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        try {
            launch();
        } catch (IOException e) {
            stop();
            throw new OcrUnavailableException("the OCR process could not be started (" + Failures.kind(e) + ")", e);
        }
        String ready = next(STARTING.compareTo(pageWait) > 0 ? STARTING : pageWait).orElse(null);
        if (!OcrProcessMain.READY.equals(ready)) {
            int exit = END.equals(ready) ? waitForExit() : -1;
            stop();
            throw new OcrUnavailableException("the OCR process did not start (" + (exit >= 0 ? "exit code " + exit
                    : "not ready within " + STARTING.toSeconds() + " s") + "; are libtesseract5 and its English data"
                    + " installed? see README.md)", null);
        }
        log.debug("OCR process {} started (heap {} MB)", process.pid(), heapMb);
    }

    private void launch() throws IOException {
        // the client compiler only: the Java work per page (decoding, preparing) runs as fast, and compiling
        // costs a third of the CPU (measured: 39 s against 45 s of CPU for 24 pages)
        process = HelperJvm.start(heapMb, List.of("-XX:TieredStopAtLevel=1"), OcrProcessMain.class,
                Long.toString(pageTimeLimit.toMillis()));
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        answers = new LinkedBlockingQueue<>();
        Thread pump = new Thread(pump(process, answers), "ocr-process-" + process.pid());
        pump.setDaemon(true);
        pump.start();
    }

    /** Moves the process's answer lines to the queue, then {@link #END}; anything else it prints is skipped. */
    private static Runnable pump(Process process, BlockingQueue<String> answers) {
        return () -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (isAnswer(line)) {
                        answers.add(line);
                    }
                }
            } catch (IOException e) {
                log.debug("OCR process {}: its output could not be read ({})", process.pid(), Failures.kind(e));
            }
            answers.add(END);
        };
    }

    private static boolean isAnswer(String line) {
        return line.equals(OcrProcessMain.READY) || line.equals(OcrProcessMain.DONE)
                || line.startsWith(OcrProcessMain.PAGE) || line.startsWith(OcrProcessMain.FAILED)
                || line.startsWith(OcrProcessMain.DAMAGED);
    }

    private void stop() {
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** The running process's id (operators' logs, tests); empty before the first file and after a failure. */
    public java.util.OptionalLong pid() {
        return process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    /** Ends the process (between files). */
    @Override
    public void close() {
        Process running = process;
        if (running != null) {
            try {
                requests.close();
            } catch (IOException e) {
                log.debug("OCR process {}: its input could not be closed ({})", running.pid(), Failures.kind(e));
            }
            stop();
        }
    }
}
