package org.medrec.record;

import java.util.Locale;

/**
 * How a document of a source file stands ({@code document.status}): its records held until a
 * person decides their doubtful values, loaded, or quarantined after review (nothing of it could be
 * loaded). {@link #code()} is the stored and printed spelling.
 */
public enum DocumentStatus {
    HELD, LOADED, QUARANTINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DocumentStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
