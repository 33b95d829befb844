package org.medrec.record;

/** How a value was obtained. */
public enum Method {
    OCR, TEXT_LAYER, SPREADSHEET, TECHNICIAN;

    /** The name stored in {@code value_provenance.method}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
