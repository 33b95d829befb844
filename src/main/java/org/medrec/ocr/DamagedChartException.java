package org.medrec.ocr;

/**
 * A chart file is damaged: a page's image cannot be decoded, or only in part. The message is the
 * quarantine reason, in intake's words ("damaged PNG image: page 1 is incomplete (...)").
 */
public final class DamagedChartException extends OcrException {

    public DamagedChartException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
