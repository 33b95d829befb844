package org.medrec.job;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * The chart stage's reader: hands files to the OCR threads ahead of the chunk being written, and
 * returns each chart as soon as it is read, in the order they finish. An OCR thread thus never waits
 * for the store, nor for a longer chart read beside it (a chunk step with a task executor waits for
 * every item of a chunk, then writes while the OCR processes idle). At most {@code depth} charts are
 * read or waiting at a time.
 *
 * <p>When the step ends early (a stop, a failure) the charts waiting are dropped and those being read
 * are waited for, so that every reading that began is recorded as ended ({@link ChartPagesProcessor.ReadAttempts});
 * none of them is written, and the next run reads them again. Step-scoped (not final: a step-scoped
 * bean is proxied by a subclass). Reads on the step's thread only; {@link #close()} may come from another
 * thread too, and twice (a job stop destroys the step's scope while the step still runs, and the step
 * closes its streams as it ends): each close waits for the readings that began, none for those taken back.
 */
class ReadAheadChartReader implements ItemStreamReader<ChartPagesProcessor.ReadChart> {

    private final ItemStreamReader<ReceivedFile> files;
    private final ItemProcessor<ReceivedFile, ChartPagesProcessor.ReadChart> charts;
    private final AsyncTaskExecutor executor;
    private final int depth;
    private final Map<Future<ChartPagesProcessor.ReadChart>, Reading> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean filesClosed = new AtomicBoolean();
    private ExecutorCompletionService<ChartPagesProcessor.ReadChart> done;
    private volatile boolean filesLeft;

    /**
     * @param files    the charts to read
     * @param charts   reads one (on an OCR thread)
     * @param executor the OCR threads
     * @param depth    charts read or waiting at a time: the OCR threads and as many waiting
     */
    ReadAheadChartReader(ItemStreamReader<ReceivedFile> files,
                         ItemProcessor<ReceivedFile, ChartPagesProcessor.ReadChart> charts, AsyncTaskExecutor executor,
                         int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.files = files;
        this.charts = charts;
        this.executor = executor;
        this.depth = depth;
    }

    @Override
    public void open(ExecutionContext context) {
        files.open(context);
        done = new ExecutorCompletionService<>(executor);
        pending.clear();
        filesLeft = true;
        filesClosed.set(false);
    }

    @Override
    public ChartPagesProcessor.ReadChart read() throws Exception {
        fill();
        if (pending.isEmpty()) {
            return null;
        }
        Future<ChartPagesProcessor.ReadChart> next = done.take();
        pending.remove(next);
        fill();
        try {
            return next.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void fill() throws Exception {
        while (filesLeft && pending.size() < depth) {
            ReceivedFile file = files.read();
            if (file == null) {
                filesLeft = false;
                return;
            }
            Reading reading = new Reading(file);
            pending.put(done.submit(reading::run), reading);
        }
    }

    /** One chart's reading: it begins on an OCR thread unless {@link #close()} took it back first. */
    private final class Reading {
        private final ReceivedFile file;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final CountDownLatch ended = new CountDownLatch(1);

        Reading(ReceivedFile file) {
            this.file = file;
        }

        ChartPagesProcessor.ReadChart run() throws Exception {
            if (!claimed.compareAndSet(false, true)) {
                return null;   // taken back before it began
            }
            try {
                return charts.process(file);
            } finally {
                ended.countDown();
            }
        }

        /** True when it had not begun (and now never will: it counts as ended). */
        boolean takeBack() {
            if (!claimed.compareAndSet(false, true)) {
                return false;
            }
            ended.countDown();
            return true;
        }

        void awaitEnd() throws InterruptedException {
            ended.await();
        }
    }

    @Override
    public void update(ExecutionContext context) {
        files.update(context);
    }

    @Override
    public void close() {
        filesLeft = false;   // no reading begins after this
        boolean interrupted = false;
        for (Reading reading : List.copyOf(pending.values())) {
            if (reading.takeBack()) {
                continue;
            }
            while (true) {
                try {
                    reading.awaitEnd();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        pending.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (filesClosed.compareAndSet(false, true)) {
            files.close();
        }
    }
}
