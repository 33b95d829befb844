package org.medrec.ocr;

/** Tesseract could not be started or failed on a page. Unchecked: it is a set-up or native-library fault. */
public class OcrException extends RuntimeException {

    public OcrException(String message) {
        super(message);
    }

    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
