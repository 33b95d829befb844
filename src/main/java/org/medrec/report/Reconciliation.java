package org.medrec.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run's documents, review items, spreadsheet rows and possible duplicate patients came to
 * (issue 6, the reconciliation report), beside the ledger's counts in {@link RunSummary}. Counts
 * only, no patient values. Immutable.
 *
 * @param documentsByType  the run's documents (one per chart document or spreadsheet record) by type, sorted
 * @param documentsByStatus the same documents by how they ended (loaded, held, quarantined), sorted
 */
public record Reconciliation(Map<String, Long> documentsByType, Map<String, Long> documentsByStatus, Review review,
                             Rows rows, Duplicates duplicates, Loose loose) {

    public Reconciliation {
        documentsByType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documentsByType));
        documentsByStatus = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documentsByStatus));
    }

    /**
     * The run's review items: {@code values} about one field (the rest are about a whole file,
     * page, row or patient), and how they were decided: accepted as proposed, corrected (a typed
     * value), rejected, or still open.
     */
    public record Review(long items, long values, long accepted, long corrected, long rejected, long open) {
        long decided() {
            return accepted + corrected + rejected;
        }
    }

    /**
     * Spreadsheet rows of the run's new files: rows with a loaded value, and bad rows (sent to
     * review as a whole) by decision: rejected (not loaded), accepted, still open.
     */
    public record Rows(long loaded, long bad, long badRejected, long badAccepted, long badOpen) {
    }

    /** Pairs of patients asked about ("same person?") in this run, by answer. */
    public record Duplicates(long pairs, long linked, long keptApart, long open) {
    }

    /**
     * Ends that do not meet: held documents with no open item (nobody will ever release them),
     * files held for review with nothing open or held (their outcome was never settled), loaded
     * documents without a single stored value. Each should be 0.
     */
    public record Loose(long heldWithoutItem, long filesHeldWithNothingOpen, long loadedWithoutValue) {
    }

    /** The checks of these counts that failed, in words. */
    List<String> discrepancies() {
        List<String> problems = new ArrayList<>();
        if (loose.heldWithoutItem() > 0) {
            problems.add(loose.heldWithoutItem() + " held documents have no open review item, so nothing will release them");
        }
        if (loose.filesHeldWithNothingOpen() > 0) {
            problems.add(loose.filesHeldWithNothingOpen() + " files are held for review with no open item or held document");
        }
        if (loose.loadedWithoutValue() > 0) {
            problems.add(loose.loadedWithoutValue() + " loaded documents have no value in the store");
        }
        if (rows.bad() != rows.badRejected() + rows.badAccepted() + rows.badOpen()) {
            problems.add("bad rows (" + rows.bad() + ") != rejected + accepted + open ("
                    + (rows.badRejected() + rows.badAccepted() + rows.badOpen()) + ")");
        }
        return problems;
    }

    Map<String, Object> toJson() {
        return RunSummary.ordered(
                "documents_by_type", new java.util.TreeMap<>(documentsByType),
                "documents_by_status", new java.util.TreeMap<>(documentsByStatus),
                "review", RunSummary.ordered("items", review.items(), "values", review.values(), "accepted", review.accepted(),
                        "corrected", review.corrected(), "rejected", review.rejected(), "open", review.open()),
                "rows", RunSummary.ordered("loaded", rows.loaded(), "bad", rows.bad(), "bad_rejected", rows.badRejected(),
                        "bad_accepted", rows.badAccepted(), "bad_open", rows.badOpen()),
                "possible_duplicates", RunSummary.ordered("pairs", duplicates.pairs(), "linked", duplicates.linked(),
                        "kept_apart", duplicates.keptApart(), "open", duplicates.open()),
                "loose_ends", RunSummary.ordered("held_without_item", loose.heldWithoutItem(),
                        "files_held_with_nothing_open", loose.filesHeldWithNothingOpen(),
                        "loaded_without_value", loose.loadedWithoutValue()));
    }
}
