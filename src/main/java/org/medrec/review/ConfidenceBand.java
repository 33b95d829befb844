package org.medrec.review;

import java.util.Locale;

/** Bands of an item's OCR confidence for the queue's filter: none (nothing read), low, medium, high. */
public enum ConfidenceBand {
    NONE("confidence IS NULL", "none"),
    LOW("confidence < 0.5", "below 0.50"),
    MEDIUM("confidence >= 0.5 AND confidence < 0.8", "0.50 to 0.79"),
    HIGH("confidence >= 0.8", "0.80 and above");

    private final String condition;
    private final String label;

    ConfidenceBand(String condition, String label) {
        this.condition = condition;
        this.label = label;
    }

    /** The SQL condition on {@code review_item}'s {@code confidence} (alias {@code ri}). */
    String condition() {
        return "ri." + condition;
    }

    public String label() {
        return label;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The band of a confidence, for the SQL that counts items per band. */
    static String caseExpression() {
        return "CASE WHEN ri.confidence IS NULL THEN 'none' WHEN ri.confidence < 0.5 THEN 'low'"
                + " WHEN ri.confidence < 0.8 THEN 'medium' ELSE 'high' END";
    }

    /** A band from its key; null for blank. */
    public static ConfidenceBand parse(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        try {
            return valueOf(key.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("confidence band must be none, low, medium or high");
        }
    }
}
