package org.medrec.record;

import java.util.Locale;

/**
 * How a source file stands ({@code source_file.outcome}): received by intake and waiting for its
 * stage, loaded, held for review, or quarantined with a reason. The ledger, the report, the run
 * summary and the review UI share these names; {@link #code()} is the stored and printed spelling.
 */
public enum FileOutcome {
    RECEIVED, LOADED, HELD_FOR_REVIEW, QUARANTINED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FileOutcome of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
