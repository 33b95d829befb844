package org.medrec.job;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.medrec.ocr.PageText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Where the chart stage's time goes, page by page: decoding, preparing and recognising (in the OCR
 * processes), then extracting and storing (here). Milliseconds of wall clock on the thread that did
 * each part, summed over the stage's threads; a chart step's listener, it starts again with each step and
 * logs {@link #line} when the step ends. Counts and times only. Thread-safe.
 */
final class ChartTimes implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ChartTimes.class);

    private final LongAdder pages = new LongAdder();
    private final LongAdder ocrPages = new LongAdder();
    private final LongAdder textLayerPages = new LongAdder();
    private final LongAdder blankPages = new LongAdder();
    private final LongAdder decode = new LongAdder();
    private final LongAdder prepare = new LongAdder();
    private final LongAdder recognize = new LongAdder();
    private final LongAdder extract = new LongAdder();
    private final LongAdder store = new LongAdder();

    void read(List<PageText> read) {
        for (PageText page : read) {
            pages.increment();
            switch (page.source()) {
                case OCR -> ocrPages.increment();
                case TEXT_LAYER -> textLayerPages.increment();
                case BLANK -> blankPages.increment();
            }
            decode.add(page.times().decodeMillis());
            prepare.add(page.times().prepareMillis());
            recognize.add(page.times().recognizeMillis());
        }
    }

    void extracted(long millis) {
        extract.add(millis);
    }

    void stored(long millis) {
        store.add(millis);
    }

    @Override
    public void beforeStep(StepExecution step) {
        reset();
    }

    @Override
    public ExitStatus afterStep(StepExecution step) {
        String line = line(java.time.Duration.between(step.getStartTime(), java.time.LocalDateTime.now()));
        if (!line.isEmpty()) {
            log.info("{}", line);
        }
        return null;
    }

    void reset() {
        for (LongAdder adder : List.of(pages, ocrPages, textLayerPages, blankPages, decode, prepare, recognize, extract,
                store)) {
            adder.reset();
        }
    }

    /**
     * {@code chart pages: 48 (40 OCR, 8 text layer, 0 blank) in 31.2 s; seconds per page: decode 0.071,
     * prepare 0.094, recognise 0.912, extract 0.031, store 0.012 (thread time)}; empty when no page was read.
     */
    String line(Duration elapsed) {
        long n = pages.sum();
        if (n == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "chart pages: %d (%d OCR, %d text layer, %d blank) in %.1f s; seconds per"
                        + " page: decode %.3f, prepare %.3f, recognise %.3f, extract %.3f, store %.3f (thread time)",
                n, ocrPages.sum(), textLayerPages.sum(), blankPages.sum(), elapsed.toMillis() / 1000.0,
                perPage(decode, n), perPage(prepare, n), perPage(recognize, n), perPage(extract, n), perPage(store, n));
    }

    private static double perPage(LongAdder millis, long pages) {
        return millis.sum() / 1000.0 / pages;
    }
}
