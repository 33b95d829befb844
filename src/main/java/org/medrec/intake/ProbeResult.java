package org.medrec.intake;

import java.util.Objects;

/**
 * What intake learned by opening a file: its format, its page count (charts) and whether it can
 * be migrated. A file that cannot is quarantined with {@code reason}, written for the person who
 * has to act on it ("encrypted PDF: ...", not an exception class).
 */
public record ProbeResult(FileFormat format, Integer pages, boolean accepted, String reason) {

    public ProbeResult {
        Objects.requireNonNull(format, "format");
        if (!accepted && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a refused file needs a reason");
        }
        if (pages != null && pages < 0) {
            throw new IllegalArgumentException("pages must be >= 0");
        }
    }

    public static ProbeResult accepted(FileFormat format, Integer pages) {
        return new ProbeResult(format, pages, true, null);
    }

    public static ProbeResult refused(FileFormat format, String reason) {
        return new ProbeResult(format, null, false, reason);
    }
}
