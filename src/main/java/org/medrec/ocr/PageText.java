package org.medrec.ocr;

import java.util.Objects;

/**
 * The text of one source page, whichever way it was obtained.
 *
 * @param number   1-based page number in the source file
 * @param source   where the words came from
 * @param ocr      the words and lines (for a text layer: confidence 1.0; for a blank page: empty)
 * @param prepared what preprocessing did; null for a text-layer page
 * @param times    where the page's time went
 */
public record PageText(int number, Source source, OcrPage ocr, PreparedPage prepared, Times times) {

    public enum Source {
        /** Born-digital page: its PDF text layer, no OCR. */
        TEXT_LAYER,
        /** Scanned page read by Tesseract. */
        OCR,
        /** Nothing printed on the page (or nothing legible): no text, nothing to load. */
        BLANK
    }

    /**
     * Milliseconds (wall clock, on the reading thread) spent on one page.
     *
     * @param decodeMillis    decoding or rendering the page image, and its text layer
     * @param prepareMillis   preprocessing, every time the page was prepared (a poorly read page is prepared again)
     * @param recognizeMillis Tesseract: every recognition pass and orientation detection
     */
    public record Times(long decodeMillis, long prepareMillis, long recognizeMillis) {

        public static final Times NONE = new Times(0, 0, 0);

        public Times {
            if (decodeMillis < 0 || prepareMillis < 0 || recognizeMillis < 0) {
                throw new IllegalArgumentException("times must be >= 0, got " + decodeMillis + ", " + prepareMillis
                        + ", " + recognizeMillis);
            }
        }
    }

    public PageText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ocr, "ocr");
        Objects.requireNonNull(times, "times");
    }

    /** A page read without its decoding timed: {@code ocrMillis} in Tesseract, preparing as {@code prepared} says. */
    public PageText(int number, Source source, OcrPage ocr, PreparedPage prepared, long ocrMillis) {
        this(number, source, ocr, prepared,
                new Times(0, prepared == null ? 0 : prepared.timings().totalMillis(), ocrMillis));
    }

    /** Time spent in Tesseract recognition (0 when none ran). */
    public long ocrMillis() {
        return times.recognizeMillis();
    }

    public boolean blank() {
        return source == Source.BLANK;
    }

    /** The same page with its decoding time. */
    public PageText withDecodeMillis(long millis) {
        return new PageText(number, source, ocr, prepared, new Times(millis, times.prepareMillis(),
                times.recognizeMillis()));
    }
}
