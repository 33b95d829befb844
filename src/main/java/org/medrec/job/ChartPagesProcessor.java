package org.medrec.job;

import java.io.IOException;
import java.time.LocalDate;
import org.medrec.extraction.chart.ChartDocument;
import org.medrec.extraction.chart.ChartExtraction;
import org.medrec.extraction.chart.ChartExtractor;
import java.util.List;
import java.util.function.Function;
import org.medrec.ocr.ChartPages;
import org.medrec.ocr.ChartReading;
import org.medrec.ocr.OcrUnavailableException;
import org.medrec.ocr.PageText;
import org.medrec.record.Failures;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads the pages of one chart file with the calling thread's OCR engine (in its own process, or in this one). A file whose pages
 * cannot be decoded comes back with the reason, to be quarantined. Thread-safe.
 */
class ChartPagesProcessor implements ItemProcessor<ReceivedFile, ChartPagesProcessor.ReadChart> {

    /** What reading a chart file came to; {@link #map} takes one function per case. */
    sealed interface ReadChart {
        ReceivedFile file();

        <T> T map(Function<Unreadable, T> unreadable, Function<Blank, T> blank, Function<Read, T> read);
    }

    /** Its pages could not be read (decoded, OCR crashed or timed out): quarantined with the reason. */
    record Unreadable(ReceivedFile file, String reason) implements ReadChart {
        @Override
        public <T> T map(Function<Unreadable, T> unreadable, Function<Blank, T> blank, Function<Read, T> read) {
            return unreadable.apply(this);
        }
    }

    /** Every page is blank: quarantined. */
    record Blank(ReceivedFile file, List<PageText> pages) implements ReadChart {
        @Override
        public <T> T map(Function<Unreadable, T> unreadable, Function<Blank, T> blank, Function<Read, T> read) {
            return blank.apply(this);
        }
    }

    /** Its pages, and what extraction made of them. */
    record Read(ReceivedFile file, List<PageText> pages, ChartExtraction extraction) implements ReadChart {
        @Override
        public <T> T map(Function<Unreadable, T> unreadable, Function<Blank, T> blank, Function<Read, T> read) {
            return read.apply(this);
        }
    }

    /** Earlier attempts at a file that never finished (the process died each time) before it is quarantined. */
    static final int UNFINISHED_ATTEMPTS_LIMIT = 2;

    private final ChartReading reading;
    private final ChartExtractor extractor;
    private final LocalDate today;
    private final ReadAttempts attempts;
    private final Object oneSuspectAtATime = new Object();

    /** Records when the reading of a file begins and when it returns (by source-file id). */
    interface ReadAttempts {
        /** Reading begins; returns how many earlier attempts began and never returned (the process died). */
        int begin(long sourceFileId);

        void end(long sourceFileId);
    }

    ChartPagesProcessor(ChartReading reading, ChartExtractor extractor, LocalDate today, ReadAttempts attempts) {
        this.reading = reading;
        this.extractor = extractor;
        this.today = today;
        this.attempts = attempts;
    }

    /**
     * A file that earlier attempts began and never finished is read alone among such files (so that
     * a crash is blamed on fewer of them); after {@value #UNFINISHED_ATTEMPTS_LIMIT} such attempts it
     * is quarantined unread, so that a file that crashes the OCR engine cannot stop every run.
     */
    @Override
    public ReadChart process(ReceivedFile file) {
        int unfinished = attempts.begin(file.sourceFileId());
        if (unfinished >= UNFINISHED_ATTEMPTS_LIMIT) {
            attempts.end(file.sourceFileId());
            return new Unreadable(file, "reading it stopped the process " + unfinished + " times (a"
                    + " crash of the OCR engine or of the image decoder, or the run was killed each time while reading"
                    + " it); quarantined so that the migration can go on: re-scan or convert the file and migrate it again");
        }
        if (unfinished > 0) {
            attempts.end(file.sourceFileId());   // not begun yet: it waits its turn, which is no attempt
            synchronized (oneSuspectAtATime) {
                attempts.begin(file.sourceFileId());
                return readAndEnd(file);
            }
        }
        return readAndEnd(file);
    }

    private ReadChart readAndEnd(ReceivedFile file) {
        try {
            return read(file);
        } finally {
            attempts.end(file.sourceFileId());   // it returned: whatever becomes of the chunk, this was no crash
        }
    }

    private ReadChart read(ReceivedFile file) {
        try {
            List<PageText> pages = reading.read(file.file(), file.format());
            if (pages.stream().allMatch(PageText::blank)) {
                return new Blank(file, pages);
            }
            return new Read(file, pages, extractor.extract(ChartDocument.of(pages), file.sourceFileId(), file.path(), today));
        } catch (OcrUnavailableException e) {
            throw e;   // no chart is to blame: the run fails, to be resumed
        } catch (IOException | RuntimeException e) {
            return new Unreadable(file, "its pages cannot be read: " + Failures.kind(e));
        }
    }
}
