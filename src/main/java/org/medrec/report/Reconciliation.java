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
                             Rows rows, Duplicates duplicates, Keyed keyed, Loose loose) {

    public Reconciliation {
        documentsByType = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documentsByType));
        documentsByStatus = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(documentsByStatus));
    }

    /**
     * The run's review items: {@code values} about one field (the rest are about a whole file,
     * page, row or patient), and how they were decided: accepted as proposed, corrected (a typed
     * value), rejected, keyed (a document or row a technician typed), or still open.
     */
    public record Review(long items, long values, long accepted, long corrected, long rejected, long keyed, long open) {
        long decided() {
            return accepted + corrected + rejected + keyed;
        }
    }

    /**
     * What technicians keyed for this run's documents and rows medrec could not read: documents,
     * rows, the values stored from them, and the clinics created by such a decision (their names).
     */
    public record Keyed(long documents, long rows, long values, List<String> clinicsCreated) {
        public Keyed {
            clinicsCreated = List.copyOf(clinicsCreated);
        }
    }

    /**
     * Spreadsheet rows of the run's new files: rows with a loaded value, and bad rows (sent to
     * review as a whole) by decision: rejected (not loaded), accepted, keyed (corrected and loaded), still open.
     */
    public record Rows(long loaded, long bad, long badRejected, long badAccepted, long badKeyed, long badOpen) {
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
        long decided = rows.badRejected() + rows.badAccepted() + rows.badKeyed() + rows.badOpen();
        if (rows.bad() != decided) {
            problems.add("bad rows (" + rows.bad() + ") != rejected + accepted + keyed + open (" + decided + ")");
        }
        return problems;
    }

    Map<String, Object> toJson() {
        return RunSummary.ordered(
                "documents_by_type", new java.util.TreeMap<>(documentsByType),
                "documents_by_status", new java.util.TreeMap<>(documentsByStatus),
                "review", RunSummary.ordered("items", review.items(), "values", review.values(), "accepted", review.accepted(),
                        "corrected", review.corrected(), "rejected", review.rejected(), "keyed", review.keyed(),
                        "open", review.open()),
                "rows", RunSummary.ordered("loaded", rows.loaded(), "bad", rows.bad(), "bad_rejected", rows.badRejected(),
                        "bad_accepted", rows.badAccepted(), "bad_keyed", rows.badKeyed(), "bad_open", rows.badOpen()),
                "keyed", RunSummary.ordered("documents", keyed.documents(), "rows", keyed.rows(), "values", keyed.values(),
                        "clinics_created", keyed.clinicsCreated()),
                "possible_duplicates", RunSummary.ordered("pairs", duplicates.pairs(), "linked", duplicates.linked(),
                        "kept_apart", duplicates.keptApart(), "open", duplicates.open()),
                "loose_ends", RunSummary.ordered("held_without_item", loose.heldWithoutItem(),
                        "files_held_with_nothing_open", loose.filesHeldWithNothingOpen(),
                        "loaded_without_value", loose.loadedWithoutValue()));
    }
}
