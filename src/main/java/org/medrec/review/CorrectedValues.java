package org.medrec.review;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import org.medrec.record.RecordPath;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.FieldRules;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;

/**
 * Checks a value a person typed for a record-model field with the validator of the field's kind,
 * as extraction does (dates, NPI, CVX, CPT, ICD-10, money, phone, state, ZIP, sex, appointment
 * status, time, medication route and frequency, vital signs), and returns it in its normal form.
 * Text fields (names, addresses, descriptions) are kept as typed, with runs of spaces made one.
 *
 * <ul>
 *   <li>A date is judged against {@code today}: a person corrects values now, so "not in the
 *       future" means not after today (extraction uses the document or run date instead).</li>
 *   <li>A value the validator finds AMBIGUOUS is taken when the person typed exactly the reading it
 *       proposes (a CVX code missing from medrec's table, typed in its official form, is the
 *       person's confirmation); otherwise it is refused with the validator's message.</li>
 *   <li>An appointment status may be typed as its FHIR code ({@code fulfilled}) or as clinics
 *       print it ({@code KEPT}).</li>
 *   <li>An MRN is kept exactly as typed (leading zeros too), trimmed: letters, digits, and
 *       {@code - . /} inside.</li>
 *   <li>{@code *} and paths naming a whole entry ({@code immunizations[2]}) or group
 *       ({@code encounters[0].vitals}) hold no single value and take none.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class CorrectedValues {

    /** The verdict: {@code value} in its normal form, or {@code problem} saying why it is refused. */
    public record Checked(String value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** Lists of the record model: a path ending in one of these, with an index, names a whole entry. */
    private static final Set<String> ENTRIES = Set.of("encounters", "diagnoses", "medications", "allergies", "immunizations",
            "appointments", "charges", "insurance", "conditions");
    /** Groups of fields: a path ending in one of these names several values. */
    private static final Set<String> GROUPS = Set.of("patient", "address", "vitals");
    private static final Set<String> FHIR_APPOINTMENT_STATUSES = Set.of("proposed", "pending", "booked", "arrived",
            "fulfilled", "cancelled", "noshow", "entered-in-error", "checked-in", "waitlist");
    private static final Pattern MRN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9./-]{0,38}[A-Za-z0-9])?");
    private static final ClinicalDates DATES = ClinicalDates.monthFirst();

    private CorrectedValues() {
    }

    /** Whether {@code field} names one value (not {@code *}, a whole entry or a group of fields). */
    public static boolean holdsOneValue(String field) {
        if (field.equals("*")) {
            return false;
        }
        RecordPath.Step last;
        try {
            last = RecordPath.parse(field).last();
        } catch (IllegalArgumentException e) {
            return false;
        }
        return !(ENTRIES.contains(last.name()) && last.index() != null) && !GROUPS.contains(last.name());
    }

    /** Whether {@code field} is a demographic value kept on the patient row ({@code patient.birth_date}). */
    static boolean isPatientValue(String field) {
        return field.startsWith("patient.") && !field.startsWith("patient.insurance") && holdsOneValue(field);
    }

    public static Checked check(String field, String typed, LocalDate today) {
        if (!holdsOneValue(field)) {
            return refused(field + " is a whole file, row or entry, not one value: accept or reject it");
        }
        if (typed == null || typed.isBlank()) {
            return refused("the value is empty: to remove the value, reject it");
        }
        String text = typed.strip();
        if (field.equals("mrn")) {
            return MRN.matcher(text).matches() ? new Checked(text, null)
                    : refused("'" + text + "' is not a medical record number: letters and digits (with - . / inside), up to 40");
        }
        RecordPath path = RecordPath.parse(field);
        String list = path.first().name();
        String name = path.last().name();
        if (name.equals("status") && FHIR_APPOINTMENT_STATUSES.contains(text)) {
            return new Checked(text, null);
        }
        Normalized n = new FieldRules(DATES, today, Money.DecimalMark.POINT).read(list, name, text);
        return switch (n.status()) {
            case OK -> new Checked(n.value(), null);
            case AMBIGUOUS -> text.equals(n.value()) ? new Checked(n.value(), null)
                    : refused(n.problem() + (n.value() == null ? "" : " (type '" + n.value() + "' to confirm that reading)"));
            case INVALID -> refused(n.problem());
            case EMPTY -> refused("the value is empty: to remove the value, reject it");
        };
    }


    private static Checked refused(String problem) {
        return new Checked(null, problem);
    }
}
