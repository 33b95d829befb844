package org.medrec.extraction.validation;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The validator each record-model field needs, by its path's list ({@code patient},
 * {@code encounters}, ...) and last step ({@code birth_date}, {@code npi}, ...): one set of
 * rules for chart values, spreadsheet cells and technicians' corrections. Text fields are kept as
 * written, spaces collapsed. Immutable and thread-safe.
 */
public final class FieldRules {

    /** "Payers" that are no coverage at all. */
    private static final Pattern SELF_PAY = Pattern.compile(
            "(?i)self[ -]?pay(ing)?|self|none|uninsured|no[ _]insurance|cash( pay)?|n/?a");
    /** What a form or an export writes where an identifier has none: "N/A", "none", "unknown", dashes. */
    private static final Pattern NOTHING = Pattern.compile("(?i)n/?a|none|-+|unknown|not applicable|\u2014");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final AppointmentStatuses STATUSES = AppointmentStatuses.standard();

    private final ClinicalDates dates;
    private final LocalDate reference;
    private final Money.DecimalMark decimalMark;

    /** @param reference the day two-digit years and "not in the future" are judged from */
    public FieldRules(ClinicalDates dates, LocalDate reference, Money.DecimalMark decimalMark) {
        this.dates = Objects.requireNonNull(dates, "dates");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.decimalMark = Objects.requireNonNull(decimalMark, "decimalMark");
    }

    /** @param text the value as written, not blank */
    public Normalized read(String list, String field, String text) {
        return switch (field) {
            case "birth_date" -> dates.parse(text, ClinicalDates.Kind.BIRTH, reference);
            case "date" -> dates.parse(text, dateKind(list), reference);
            case "npi" -> Npi.normalize(text);
            case "code" -> Icd10.normalize(text);
            case "cvx" -> Cvx.normalize(text);
            case "cpt" -> Cpt.normalize(text);
            case "charge", "payment", "balance" -> Money.parse(text, decimalMark);
            case "phone" -> Phones.normalize(text);
            case "state" -> UsStates.normalize(text);
            case "postal_code" -> ZipCodes.normalize(text);
            case "sex" -> Sexes.normalize(text);
            case "status" -> STATUSES.normalize(text);
            case "time" -> ClinicalTimes.normalize(text);
            case "payer" -> selfPay(text) ? Normalized.empty() : Normalized.ok(text.replaceAll("\\s+", " "));
            case "route" -> MedicationSigs.route(text);
            case "frequency" -> MedicationSigs.frequency(text);
            case "bp" -> Vitals.bloodPressure(text).result();
            case "pulse" -> Vitals.pulse(text);
            case "resp_rate" -> Vitals.respiratoryRate(text);
            case "temp_f" -> Vitals.temperatureF(text);
            case "weight_lb" -> Vitals.weightLb(text);
            case "height_in" -> Vitals.heightIn(text);
            case "spo2" -> Vitals.spo2(text);
            case "bp_systolic", "bp_diastolic" -> WHOLE_NUMBER.matcher(text).matches()
                    ? Normalized.ok(String.valueOf(Integer.parseInt(text)))
                    : Normalized.invalid("'" + text + "' is not a blood pressure number (mmHg, a whole number)");
            default -> Normalized.ok(Text.collapse(text, false));
        };
    }

    /** Whether an identifier as written (an MRN, member id, group, lot, NPI) says there is none ("N/A", "unknown"). */
    public static boolean meansNoValue(String text) {
        if (text == null) {
            return false;
        }
        String s = Text.collapse(text.strip(), false);
        // every word NOTHING takes begins with one of these: most values need no matcher
        return !s.isEmpty() && "nNuU-\u2014".indexOf(s.charAt(0)) >= 0 && NOTHING.matcher(s).matches();
    }

    /** Whether a payer as written means no coverage ("Self pay", "None", "N/A"). */
    public static boolean selfPay(String payer) {
        return SELF_PAY.matcher(payer.strip()).matches();
    }

    public static ClinicalDates.Kind dateKind(String list) {
        return switch (list) {
            case "immunizations" -> ClinicalDates.Kind.IMMUNIZATION;
            case "charges" -> ClinicalDates.Kind.CHARGE;
            case "appointments" -> ClinicalDates.Kind.APPOINTMENT;
            case "patient" -> ClinicalDates.Kind.BIRTH;
            default -> ClinicalDates.Kind.VISIT;
        };
    }
}
