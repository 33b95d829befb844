package org.medrec.page;

import java.io.IOException;
import java.nio.file.Path;

/** A page of a source file could not be turned into an image. Carries the file and the 1-based page number. */
public class PageException extends IOException {

    private final transient Path file;
    private final int page;

    PageException(Path file, int page, String reason, Throwable cause) {
        this(file, page, cause, file.getFileName() + ", page " + page + ": " + reason);
    }

    /** {@code message} as it is. */
    PageException(Path file, int page, Throwable cause, String message) {
        super(message, cause);
        this.file = file;
        this.page = page;
    }

    public Path file() {
        return file;
    }

    /** 1-based page number. */
    public int page() {
        return page;
    }
}
