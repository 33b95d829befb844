package org.medrec.page;

import java.io.IOException;
import java.nio.file.Path;
import org.medrec.record.Failures;

/** A page of a source file could not be turned into an image. Carries the file and the 1-based page number. */
public class PageException extends IOException implements Failures.Reasoned {

    private final transient Path file;
    private final int page;
    private final String reason;

    /** {@code reason}: built by medrec from the kind of failure, never a library's message (see {@code Failures}). */
    PageException(Path file, int page, String reason, Throwable cause) {
        super(file.getFileName() + ", page " + page + ": " + reason, cause);
        this.file = file;
        this.page = page;
        this.reason = reason;
    }

    /** The page and what went wrong there, fit for a quarantine reason. */
    @Override
    public String reason() {
        return "page " + page + ": " + reason;
    }

    public Path file() {
        return file;
    }

    /** 1-based page number. */
    public int page() {
        return page;
    }
}
