package org.medrec.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.SourceRef;
import org.medrec.store.RecordLoader;
import org.medrec.store.Reviewed;

/**
 * What a held document's records become once every one of its items is decided: each decision is
 * applied to its record by path, and what remains is ready to load with the reviews for its
 * provenance. Plain logic without a database.
 *
 * <ul>
 *   <li><b>accept / value</b> on a value: the value becomes the decided one with full confidence
 *       and keeps its original source; other readings of the same path in the record (a second
 *       row of the same patient) stay only when they agree with it. A value a person typed for a
 *       path the record did not have is added, with the item's place in the source and method
 *       {@code technician}.</li>
 *   <li><b>reject</b> on a value, entry or group: every value at or below the path is dropped.</li>
 *   <li>{@code mrn}: accept or value sets the record's MRN; reject leaves the record out.</li>
 *   <li>{@code *} on a record (or on the document: every record): reject leaves it out; accept is an
 *       acknowledgement and changes nothing. So does accept on a whole entry or group.</li>
 *   <li>A record is left out when it has no MRN, or when values were rejected and nothing but its
 *       MRN is left. A doubtful value without a decision is never loaded (dropped and counted).</li>
 * </ul>
 * Decisions are applied in the order they were made. Not thread-safe (use one per release).
 */
final class ReleasePlan {

    /** A record that is not loaded, and why (no patient values in the reason). */
    record LeftOut(int index, String reason) {
    }

    private final List<RecordLoader.Ready> ready = new ArrayList<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private int undecidedDropped;

    private ReleasePlan() {
    }

    static ReleasePlan of(List<ExtractedRecord> records, List<ItemDecision> decisions, String fileRejected) {
        ReleasePlan plan = new ReleasePlan();
        List<Draft> drafts = new ArrayList<>();
        for (ExtractedRecord record : records) {
            drafts.add(new Draft(record));
        }
        for (ItemDecision d : decisions) {
            if (d.recordIndex() == null) {
                if (d.field().equals("*") && d.isReject()) {
                    drafts.forEach(r -> r.leaveOut("the document was rejected in review"));
                } else if (!d.field().equals("*") && drafts.size() == 1) {
                    drafts.get(0).apply(d);
                }
            } else if (d.recordIndex() < drafts.size()) {
                drafts.get(d.recordIndex()).apply(d);
            }
        }
        for (int i = 0; i < drafts.size(); i++) {
            Draft draft = drafts.get(i);
            if (fileRejected != null) {
                draft.leaveOut("its file was rejected in review");
            }
            draft.finish(i, plan);
        }
        return plan;
    }

    List<RecordLoader.Ready> ready() {
        return List.copyOf(ready);
    }

    List<LeftOut> leftOut() {
        return List.copyOf(leftOut);
    }

    /** Doubtful values that had no decision and were therefore not loaded. */
    int undecidedDropped() {
        return undecidedDropped;
    }

    /** One record while decisions are applied to it. */
    private static final class Draft {
        private final String identifierSystem;
        private final String docType;
        private final List<FieldValue> fields;
        private final Map<String, Reviewed> reviews = new HashMap<>();
        private final Set<String> decided = new HashSet<>();
        private String mrn;
        private String leftOutBecause;
        private boolean rejectedValues;

        Draft(ExtractedRecord record) {
            this.identifierSystem = record.identifierSystem();
            this.docType = record.docType();
            this.mrn = record.mrn();
            this.fields = new ArrayList<>(record.fields());
        }

        void leaveOut(String why) {
            if (leftOutBecause == null) {
                leftOutBecause = why;
            }
        }

        void apply(ItemDecision d) {
            String field = d.field();
            if (field.equals("*")) {
                if (d.isReject()) {
                    leaveOut("the record was rejected in review");
                }
                return;
            }
            if (field.equals("mrn") && d.isReject()) {
                leaveOut("its MRN was rejected in review");
                return;
            }
            if (d.isReject()) {
                boolean removed = fields.removeIf(f -> under(f.path(), field));
                rejectedValues |= removed;
                decided.add(field);
                return;
            }
            if (!CorrectedValues.holdsOneValue(field) || d.value() == null) {
                return;   // accepted whole entry or group: acknowledged
            }
            if (field.equals("mrn")) {
                mrn = d.value();
            }
            set(field, d);
        }

        /** The path's value becomes the decided one; readings of the path that disagree go. */
        private void set(String field, ItemDecision d) {
            FieldValue target = null;
            for (FieldValue f : fields) {
                if (f.path().equals(field) && (target == null || (target.reviewReason() == null && f.reviewReason() != null))) {
                    target = f;
                }
            }
            String value = d.value();
            FieldValue decidedValue;
            if (target != null) {
                decidedValue = new FieldValue(field, target.raw(), value, 1.0, target.source(), null);
            } else {
                decidedValue = new FieldValue(field, null, value, 1.0, typedAt(d), null);
            }
            List<FieldValue> kept = new ArrayList<>();
            boolean placed = false;
            for (FieldValue f : fields) {
                if (f == target || (target == null && !placed && f.path().equals(field))) {
                    kept.add(decidedValue);
                    placed = true;
                } else if (!f.path().equals(field)) {
                    kept.add(f);
                } else if (f.value() != null && f.value().equalsIgnoreCase(value)) {
                    kept.add(f);   // another source of the same value: it keeps its provenance
                }
            }
            if (!placed) {
                kept.add(decidedValue);
            }
            fields.clear();
            fields.addAll(kept);
            decided.add(field);
            reviews.put(field, new Reviewed(d.id(), d.decidedBy(), d.decidedAt()));
        }

        /** Where a value typed for a path extraction did not have comes from: the item's place. */
        private SourceRef typedAt(ItemDecision d) {
            SourceRef where = d.where();
            if (where != null && (where.page() != null || where.row() != null)) {
                return new SourceRef(where.sourceFileId(), where.path(), where.page(), where.box(), where.sheet(),
                        where.row(), where.column(), Method.TECHNICIAN);
            }
            SourceRef first = fields.isEmpty() ? where : fields.get(0).source();
            if (first == null) {
                throw new IllegalStateException("review item " + d.id() + " has no place in its source");
            }
            return new SourceRef(first.sourceFileId(), first.path(), first.page(), first.box(), first.sheet(), first.row(),
                    first.column(), Method.TECHNICIAN);
        }

        void finish(int index, ReleasePlan plan) {
            if (leftOutBecause != null) {
                plan.leftOut.add(new LeftOut(index, leftOutBecause));
                return;
            }
            if (mrn == null) {
                plan.leftOut.add(new LeftOut(index, "it has no MRN"));
                return;
            }
            List<FieldValue> load = new ArrayList<>();
            for (FieldValue f : fields) {
                if (f.value() == null) {
                    if (!decided.contains(f.path())) {
                        plan.undecidedDropped++;
                    }
                    continue;
                }
                if (f.reviewReason() != null && !decided.contains(f.path())) {
                    plan.undecidedDropped++;
                    continue;
                }
                load.add(f.reviewReason() == null ? f : new FieldValue(f.path(), f.raw(), f.value(), f.confidence(),
                        f.source(), null));
            }
            if (rejectedValues && load.stream().allMatch(f -> f.path().equals("mrn"))) {
                plan.leftOut.add(new LeftOut(index, "every value was rejected in review"));
                return;
            }
            plan.ready.add(new RecordLoader.Ready(index, new ExtractedRecord(identifierSystem, mrn, docType, load), Map.copyOf(reviews)));
        }

        private static boolean under(String path, String prefix) {
            return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
        }
    }
}
