package org.medrec.intake;

/** A file's format as detected from its content (never from its name). */
public enum FileFormat {
    PDF, TIFF, PNG, JPEG, XLSX, XLS, CSV, TSV, EMPTY, OTHER;

    /** Scanned or born-digital chart pages. */
    public boolean isChart() {
        return this == PDF || this == TIFF || this == PNG || this == JPEG;
    }

    public boolean isSheet() {
        return this == XLSX || this == XLS || isDelimitedText();
    }

    /** One table of text, without sheet names. */
    public boolean isDelimitedText() {
        return this == CSV || this == TSV;
    }
}
