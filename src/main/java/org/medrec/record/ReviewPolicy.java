package org.medrec.record;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that decides what a person must see before it is loaded (the thresholds are
 * {@code medrec.review.*} in {@code application.yml}):
 * <ul>
 *   <li>a value read from a page is loaded without a person only when its words were read with at
 *       least {@link #validated} confidence (a value a validator checks: dates, codes, numbers) or
 *       {@link #text} (free text: names, descriptions, which no validator can check), or the
 *       threshold {@link #byField} sets for its field where the measured reliability of that field
 *       asks for another (jobs/README.md, "Reliability of chart values");</li>
 *   <li>a document is held whole while any of its records has no MRN or a doubtful value other than
 *       a detail ({@link #holds});</li>
 *   <li>a detail (a phone, an address: a value that identifies nothing) that is in doubt waits alone
 *       in review while the rest of its record is loaded ({@link #waitsAlone}).</li>
 * </ul>
 * The doubts that readers find (a value that did not validate, was repaired, looks handwritten)
 * travel with each value as its review reason. Immutable.
 */
public record ReviewPolicy(double validated, double text, Map<String, Double> byField) {

    /** The confidence of a value that a check refused (a spreadsheet cell): it shows in the queue's low band. */
    public static final double DOUBTFUL_CONFIDENCE = 0.5;

    /** Fields whose values a validator checks; the rest is free text. */
    private static final Set<String> VALIDATED = Set.of("birth_date", "date", "npi", "code", "cvx", "cpt", "charge",
            "payment", "balance", "phone", "state", "postal_code", "sex", "status", "time", "route", "frequency", "mrn", "provider",
            "bp_systolic", "bp_diastolic", "pulse", "resp_rate", "temp_f", "weight_lb", "height_in", "spo2");

    private static Set<String> fields() {
        Set<String> all = new java.util.HashSet<>(VALIDATED);
        all.addAll(Set.of("family", "given", "suffix", "line", "city", "payer", "member_id", "group", "reason", "display",
                "name", "dose", "substance", "reaction", "vaccine", "lot", "description", "type"));
        return Set.copyOf(all);
    }

    /** The demographic details that identify nothing: phones and the parts of an address. */
    private static final Pattern DETAILS = Pattern.compile(
            "patient\\.(phone|mobile|address\\.(line\\[\\d*]|city|state|postal_code))");

    /** The fields of the record model a threshold may be set for (the last step of a path). */
    public static final Set<String> FIELDS = fields();

    public ReviewPolicy(double validated, double text) {
        this(validated, text, Map.of());
    }

    public ReviewPolicy {
        for (double t : new double[] {validated, text}) {
            if (!(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("a confidence threshold is in (0, 1], not " + t);
            }
        }
        byField = byField == null ? Map.of() : Map.copyOf(byField);
        byField.forEach((field, t) -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("medrec.review.confidence-by-field: '" + field + "' is not a field of the"
                        + " record model; the fields are: " + String.join(", ", new java.util.TreeSet<>(FIELDS)));
            }
            if (t == null || !(t > 0 && t <= 1)) {
                throw new IllegalArgumentException("medrec.review.confidence-by-field." + field + ": a confidence threshold is"
                        + " in (0, 1], not " + t);
            }
        });
    }

    /** The least confidence a value of this field (the last step of its path) is loaded with without a person. */
    public double threshold(String field) {
        Double own = byField.get(field);
        return own != null ? own : VALIDATED.contains(field) ? validated : text;
    }

    /** Whether a validator checks values of this field (a date, a code, a number), unlike free text. */
    public static boolean isValidated(String field) {
        return VALIDATED.contains(field);
    }

    /** Why a value of this field read with this confidence needs a person, or null when it does not. */
    public String confidenceDoubt(String field, double confidence) {
        double threshold = threshold(field);
        return confidence < threshold ? String.format(Locale.ROOT, "read with confidence %.2f, below %.2f", confidence, threshold)
                : null;
    }

    /** Whether a document with these records is held for review. */
    public boolean holds(List<ExtractedRecord> records) {
        return records.stream().anyMatch(r -> r.mrn() == null
                || r.fields().stream().anyMatch(f -> f.needsReview() && !waitsAlone(f)));
    }

    /** Whether a value is a detail in doubt that waits alone while its record is loaded. */
    public boolean waitsAlone(FieldValue value) {
        return value.needsReview() && isDetail(value.path());
    }

    /** Whether a path ({@code patient.phone}, or a sheet column's {@code patient.address.line[]}) names a detail. */
    public static boolean isDetail(String path) {
        return DETAILS.matcher(path).matches();
    }
}
