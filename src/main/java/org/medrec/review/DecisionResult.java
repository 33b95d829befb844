package org.medrec.review;

import org.medrec.record.DocumentStatus;

import java.util.UUID;

/**
 * What became of one decision: applied (and, when it was the last open item of a held document,
 * what the release did), or refused with a reason a person can act on. A refusal changed nothing.
 * The message may quote the value that was typed: show it to the person, never log it.
 */
public record DecisionResult(UUID itemId, boolean applied, String message, Release release) {

    /** What releasing a held document did. */
    public record Release(long documentId, DocumentStatus status, int recordsLoaded, int recordsNotLoaded, int newItems) {
        @Override
        public String toString() {
            return "document " + documentId + " released: " + status + " (" + recordsLoaded + " records loaded, "
                    + recordsNotLoaded + " not loaded, " + newItems + " new review items)";
        }
    }

    static DecisionResult applied(UUID itemId, String action, Release release) {
        return new DecisionResult(itemId, true, "resolved " + itemId + " (" + action + ")"
                + (release == null ? "" : "; " + release), release);
    }

    static DecisionResult refused(UUID itemId, String why) {
        return new DecisionResult(itemId, false, why, null);
    }
}
