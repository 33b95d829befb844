package org.medrec.extraction.chart;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medrec.record.FieldValue;
import org.medrec.record.Method;
import org.medrec.record.RecordPath;
import org.medrec.record.ReviewPolicy;
import org.medrec.record.SourceRef;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.Normalized;

/**
 * The values of one chart's record as they are read, each with its source and, when a person must
 * look at it, why: it did not validate, OCR letters were repaired in it, or it was read with less
 * confidence than the policy asks. Not thread-safe.
 */
final class RecordDraft {

    /** Identifiers mixing letters and digits: no validator can tell a misread 0 from an O in them, least of all at either end. */
    private static final Set<String> IDENTIFIERS = Set.of("lot", "member_id", "group");
    private static final java.util.regex.Pattern CONFUSABLE = java.util.regex.Pattern.compile(
            "^[0OQDIl1|]|[0OQDIl1|]$|[A-Za-z][0OQDIl1|5S8B2Z]|[0OQDIl1|5S8B2Z][A-Za-z]");
    /** An identifier that begins or ends in a mark ({@code 713593.}): no member ID, group or lot does. */
    private static final java.util.regex.Pattern ENDS_IN_MARK = java.util.regex.Pattern.compile("^[.,;:'`]|[.,;:'`]$");
    /** Names that OCR read in capitals: accents on capitals (Í, É) are the first thing it drops. */
    private static final Set<String> NAMES = Set.of("family", "given");
    private static final java.util.regex.Pattern CAPITALS = java.util.regex.Pattern.compile("^[^a-z]*[A-Z]{2}[^a-z]*$");

    /** A hyphen with a space on one side inside a name or a text ({@code Achebe- Test}): OCR's, not the page's. */
    private static final java.util.regex.Pattern LOOSE_HYPHEN = java.util.regex.Pattern.compile("\\p{L}- \\p{L}|\\p{L} -\\p{L}");
    /** Fields whose values end in a letter: a period or comma after it is a speck or a box rule. */
    private static final Set<String> SPECK_ENDED = Set.of("family", "given", "city", "payer", "name", "substance", "reason");
    private static final java.util.regex.Pattern TRAILING_MARK = java.util.regex.Pattern.compile("\\p{L}{2}[.,;:'`]$");

    private final long fileId;
    private final String filePath;
    private final Method method;
    private final ReviewPolicy policy;
    private final List<FieldValue> fields = new ArrayList<>();

    RecordDraft(long fileId, String filePath, Method method, ReviewPolicy policy) {
        this.fileId = fileId;
        this.filePath = filePath;
        this.method = method;
        this.policy = policy;
    }

    ReviewPolicy policy() {
        return policy;
    }

    /**
     * The values read. A path read more than once with values that differ (a name under two labels, a
     * caption taken for a label) is in doubt in every reading: which is right is for a person to say.
     */
    List<FieldValue> fields() {
        java.util.Map<String, java.util.Set<String>> readings = new java.util.HashMap<>();
        for (FieldValue f : fields) {
            readings.computeIfAbsent(f.path(), p -> new java.util.HashSet<>()).add(f.value() == null ? "" : f.value());
        }
        List<FieldValue> out = new ArrayList<>();
        for (FieldValue f : fields) {
            boolean differ = readings.get(f.path()).size() > 1;
            out.add(!differ || f.needsReview() ? f : new FieldValue(f.path(), f.raw(), f.value(), f.confidence(), f.source(),
                    "the document gives this field more than one value ('" + String.join("', '",
                    readings.get(f.path()).stream().sorted().toList()) + "'): which is right is for a person to say"));
        }
        return List.copyOf(out);
    }

    /** The patient's birth date as read so far, or null. */
    LocalDate birthDate() {
        return fields.stream().filter(f -> f.path().equals("patient.birth_date") && f.value() != null)
                .map(f -> LocalDate.parse(f.value())).findFirst().orElse(null);
    }

    /** How many entries of a record-model list ({@code immunizations}) the draft holds. */
    int size(String list) {
        return (int) fields.stream().map(f -> RecordPath.parse(f.path())).filter(p -> p.first().name().equals(list))
                .map(p -> p.first().index()).distinct().count();
    }

    /** A visit, dose, charge or appointment dated before the patient's birth: both go to a person. */
    void checkDatesAgainstBirth() {
        LocalDate birth = birthDate();
        if (birth == null) {
            return;
        }
        for (int i = 0; i < fields.size(); i++) {
            FieldValue f = fields.get(i);
            if (f.value() != null && f.reviewReason() == null && RecordPath.parse(f.path()).last().name().equals("date")) {
                Normalized order = ClinicalDates.checkNotBefore(LocalDate.parse(f.value()), birth);
                if (order.status() == Normalized.Status.INVALID) {
                    fields.set(i, new FieldValue(f.path(), f.raw(), f.value(), f.confidence(), f.source(), order.problem()));
                }
            }
        }
    }

    /** Puts every value read so far whose path is one of these in doubt, for this reason (a value already in doubt keeps its own). */
    void doubt(java.util.function.Predicate<String> paths, String why) {
        for (int i = 0; i < fields.size(); i++) {
            FieldValue f = fields.get(i);
            if (paths.test(f.path()) && !f.needsReview()) {
                fields.set(i, new FieldValue(f.path(), f.raw(), f.value(), f.confidence(), f.source(), why));
            }
        }
    }

    /** Puts every value read so far that this predicate picks in doubt, for this reason (a value already in doubt keeps its own). */
    void doubtValues(java.util.function.Predicate<FieldValue> which, String why) {
        for (int i = 0; i < fields.size(); i++) {
            FieldValue f = fields.get(i);
            if (!f.needsReview() && f.value() != null && which.test(f)) {
                fields.set(i, new FieldValue(f.path(), f.raw(), f.value(), f.confidence(), f.source(), why));
            }
        }
    }

    void add(String path, Cell cell, Normalized n) {
        add(path, cell, n, null);
    }

    /** @param doubt a reason to review the value whatever its confidence (null: none), told after the value's own */
    void add(String path, Cell cell, Normalized n, String doubt) {
        double confidence = cell.isEmpty() ? 0.0 : method == Method.TEXT_LAYER ? 1.0 : cell.confidence();
        String own = reason(path, cell, n, confidence);
        String reason = doubt == null ? own : own == null ? doubt : own + "; and " + doubt;
        String value = n.value();
        if (value == null && reason == null) {
            return;
        }
        SourceRef source = cell.isEmpty() ? SourceRef.wholeFile(fileId, filePath, method)
                : SourceRef.onPage(fileId, filePath, cell.page(), cell.sourceBox(), method);
        fields.add(new FieldValue(path, cell.isEmpty() ? null : cell.text(), value, Math.max(0, Math.min(1, confidence)),
                source, reason));
    }

    /** A field the form prints but whose value could not be read: a person types it. */
    void addMissing(String path, Span label, String why) {
        fields.add(new FieldValue(path, null, null, 0.0,
                SourceRef.onPage(fileId, filePath, label.page(), label.sourceBox(), method), why));
    }

    private String reason(String path, Cell cell, Normalized n, double confidence) {
        if (n.needsReview()) {
            return n.problem();
        }
        if (n.status() == Normalized.Status.EMPTY) {
            return null;
        }
        if (method != Method.TEXT_LAYER && cell.parts().stream().anyMatch(p -> p.words().stream().anyMatch(ChartWord::oversized))) {
            return "written larger than the typed text around it: possibly by hand, which OCR does not read reliably";
        }
        if (n.corrected()) {
            return "OCR misreadings were repaired in '" + cell.text() + "': check the value";
        }
        String field = RecordPath.parse(path).last().name();
        if (IDENTIFIERS.contains(field) && method != Method.TEXT_LAYER && ENDS_IN_MARK.matcher(n.value()).find()) {
            return "the identifier '" + n.value() + "' begins or ends with a mark: a speck or a box rule read as part of it,"
                    + " check it";
        }
        if (IDENTIFIERS.contains(field) && method != Method.TEXT_LAYER && CONFUSABLE.matcher(n.value()).find()) {
            return "an identifier with letters and digits OCR confuses (0/O, 1/I, 5/S, 8/B, 2/Z): check '" + n.value() + "'";
        }
        if (NAMES.contains(field) && method != Method.TEXT_LAYER && CAPITALS.matcher(cell.text()).matches()) {
            return "a name printed in capitals: OCR drops accents on capitals, check it";
        }
        if (method != Method.TEXT_LAYER && LOOSE_HYPHEN.matcher(n.value()).find()) {
            return "a hyphen stands apart from the word it joins ('" + n.value() + "'): OCR may have split or joined the words";
        }
        if (method != Method.TEXT_LAYER && SPECK_ENDED.contains(field) && TRAILING_MARK.matcher(n.value()).find()) {
            return "'" + n.value() + "' ends in a mark a name does not end in: a speck or a rule read as part of it, check it";
        }
        if (method != Method.TEXT_LAYER && !ReviewPolicy.isValidated(field) && n.value().matches("(?s).*\\p{L}[,;]$")) {
            return "'" + n.value() + "' ends in a comma: the rest of it may be on a line that was not read, check it";
        }
        return method == Method.TEXT_LAYER ? null : policy.confidenceDoubt(field, confidence);
    }
}
