package org.medrec.intake;

/** Short, single-line descriptions of failures for quarantine reasons. */
public final class Reasons {

    private static final int MAX = 200;

    private Reasons() {
    }

    public static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof StackOverflowError) {
            message = "structure nested too deeply";
        }
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return clean(message);
    }

    /** One line, no tabs, bounded length. */
    public static String clean(String text) {
        String oneLine = text.replaceAll("[\\t\\r\\n]+", " ").trim();
        return oneLine.length() <= MAX ? oneLine : oneLine.substring(0, MAX - 3) + "...";
    }
}
