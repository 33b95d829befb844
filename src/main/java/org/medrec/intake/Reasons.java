package org.medrec.intake;

import org.medrec.record.Failures;

/**
 * Short, single-line descriptions of failures for quarantine reasons: the kind of failure
 * ({@link Failures#kind}), never a parser's message, which can quote the file's content.
 */
public final class Reasons {

    private static final int MAX = 200;

    private Reasons() {
    }

    public static String describe(Throwable e) {
        return clean(Failures.kind(e));
    }

    /** One line, no tabs, bounded length. */
    public static String clean(String text) {
        String oneLine = text.replaceAll("[\\t\\r\\n]+", " ").trim();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 3) + "...";
    }
}
