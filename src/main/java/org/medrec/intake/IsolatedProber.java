package org.medrec.intake;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes files in a separate JVM with a bounded heap and a per-file time limit, so that a file
 * that makes a parser hang, recurse or eat memory is quarantined and the run goes on. The JVM is
 * started on first use and again after it is killed or dies.
 *
 * <p>Not thread-safe: one per thread.
 */
public final class IsolatedProber implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IsolatedProber.class);

    private final Duration timeLimit;
    private final int heapMb;
    private final long maxImagePixels;
    private Process process;
    private BufferedWriter requests;
    private BufferedReader answers;

    public IsolatedProber(Duration timeLimit, int heapMb, long maxImagePixels) {
        this.timeLimit = timeLimit;
        this.heapMb = heapMb;
        this.maxImagePixels = maxImagePixels;
    }

    public ProbeResult probe(Path file) {
        try {
            ensureStarted();
            requests.write(file.toAbsolutePath().toString());
            requests.newLine();
            requests.flush();
        } catch (IOException e) {
            stop();
            throw new IllegalStateException("the probe JVM could not be started (" + Reasons.describe(e) + ")", e);
        }
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(this::readAnswer);
        try {
            String line = answer.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            if (line != null) {
                return ProbeWorker.decode(line);
            }
            int exit = waitForExit();
            stop();
            return ProbeResult.refused(FileFormat.OTHER, exit == 3
                    ? "reading it needed more than " + heapMb + " MB of memory (a decompression bomb,"
                      + " or a file far larger than a scanned chart); raise medrec.intake.probe-heap-mb to try again"
                    : "the file crashed its parser (exit " + exit + ")");
        } catch (TimeoutException e) {
            stop();
            return ProbeResult.refused(FileFormat.OTHER, "reading it took longer than the limit of "
                    + timeLimit.toSeconds() + " s (a damaged or hostile file?); raise medrec.intake.file-time-limit to try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while probing a file", e);
        } catch (ExecutionException e) {
            stop();
            return ProbeResult.refused(FileFormat.OTHER, "the file crashed its parser");
        }
    }

    /** The next answer line; anything else the JVM prints (say, its out-of-memory notice) is skipped. */
    private String readAnswer() {
        try {
            String line;
            while ((line = answers.readLine()) != null) {
                if (ProbeWorker.isAnswer(line)) {
                    return line;
                }
                log.debug("probe JVM said: {}", Reasons.clean(line));
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    private int waitForExit() {
        try {
            return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = HelperJvm.start(heapMb, List.of("-Xss4m", "-XX:TieredStopAtLevel=1"), ProbeWorker.class,
                Long.toString(maxImagePixels));
        requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String ready = answers.readLine();
        if (!ProbeWorker.READY.equals(ready)) {
            stop();
            throw new IOException("the probe JVM did not start");
        }
        log.debug("probe JVM started (heap {} MB)", heapMb);
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        if (process != null) {
            try {
                requests.close();
            } catch (IOException ignored) {
                // the process is stopped below either way
            }
            stop();
        }
    }
}
