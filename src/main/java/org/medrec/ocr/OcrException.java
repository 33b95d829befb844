package org.medrec.ocr;

import org.medrec.record.Failures;

/**
 * Tesseract could not be started or failed on a page. Unchecked: it is a set-up or native-library
 * fault. Its message is built by medrec from the kind of failure and the page, never from a
 * library's message, so it may go into a quarantine reason ({@link #reason()}).
 */
public class OcrException extends RuntimeException implements Failures.Reasoned {

    /** What went wrong and on which page, fit for a quarantine reason. */
    @Override
    public String reason() {
        return getMessage();
    }

    public OcrException(String message) {
        super(message);
    }

    public OcrException(String message, Throwable cause) {
        super(message, cause);
    }
}
