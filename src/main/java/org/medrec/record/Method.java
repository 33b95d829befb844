package org.medrec.record;

/** How a value was obtained. */
public enum Method {
    OCR, TEXT_LAYER, SPREADSHEET,
    /** A person decided the value in review (accepted, corrected or added it). */
    TECHNICIAN,
    /** A person keyed the value from the page or row medrec could not read. */
    KEYED;

    /** The name stored in {@code value_provenance.method}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
