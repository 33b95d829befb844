package org.medrec.ocr;

import java.util.Objects;

/**
 * The text of one source page, whichever way it was obtained.
 *
 * @param number   1-based page number in the source file
 * @param source   where the words came from
 * @param ocr      the words and lines (for a text layer: confidence 1.0; for a blank page: empty)
 * @param prepared what preprocessing did; null for a text-layer page
 * @param ocrMillis time spent in Tesseract recognition (0 when none ran)
 */
public record PageText(int number, Source source, OcrPage ocr, PreparedPage prepared, long ocrMillis) {

    public enum Source {
        /** Born-digital page: its PDF text layer, no OCR. */
        TEXT_LAYER,
        /** Scanned page read by Tesseract. */
        OCR,
        /** Nothing printed on the page (or nothing legible): no text, nothing to load. */
        BLANK
    }

    public PageText {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ocr, "ocr");
    }

    public boolean blank() {
        return source == Source.BLANK;
    }
}
