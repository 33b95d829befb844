package org.medrec.ocr;

/**
 * OCR cannot run at all (its process does not start, Tesseract or its language data is missing):
 * no chart is to blame, so the run fails, to be resumed once this is fixed.
 */
public class OcrUnavailableException extends OcrException {

    public OcrUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
