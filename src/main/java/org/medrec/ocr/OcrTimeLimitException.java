package org.medrec.ocr;

import java.time.Duration;

/** Tesseract ran past the time limit of one recognition pass and was stopped; the page is not read. */
public class OcrTimeLimitException extends OcrException {

    public OcrTimeLimitException(Duration limit, long millis) {
        super("OCR ran past its time limit of " + readable(limit.toMillis()) + " and was stopped after "
                + readable(millis));
    }

    private static String readable(long millis) {
        return millis >= 10_000 ? millis / 1000 + " s" : millis + " ms";
    }
}
