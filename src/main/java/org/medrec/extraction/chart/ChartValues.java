package org.medrec.extraction.chart;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.AppointmentStatuses;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.ClinicalTimes;
import org.medrec.extraction.validation.Cpt;
import org.medrec.extraction.validation.Cvx;
import org.medrec.extraction.validation.Icd10;
import org.medrec.extraction.validation.MedicationSigs;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Normalized;
import org.medrec.extraction.validation.Npi;
import org.medrec.extraction.validation.Phones;
import org.medrec.extraction.validation.Sexes;
import org.medrec.extraction.validation.UsStates;
import org.medrec.extraction.validation.ZipCodes;

/**
 * The validator each record-model field of a chart needs, by the path's list and last step.
 * Text fields keep what was printed, spaces collapsed. Thread-safe (immutable).
 */
final class ChartValues {

    private static final Pattern SELF_PAY = Pattern.compile("(?i)self[ -]?pay(ing)?|self|none|uninsured|no insurance|cash( pay)?|n/?a");

    /** What a form writes where it has nothing to write. */
    private static final Pattern NOTHING = Pattern.compile("(?i)n/?a|none|-+|unknown|not applicable|—");

    private final ClinicalDates dates;
    private final LocalDate reference;
    private final AppointmentStatuses statuses = AppointmentStatuses.standard();

    ChartValues(ClinicalDates dates, LocalDate reference) {
        this.dates = dates;
        this.reference = reference;
    }

    Normalized read(String list, String field, String raw) {
        String text = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return Normalized.empty();
        }
        return switch (field) {
            case "birth_date" -> dates.parse(boxed(text), ClinicalDates.Kind.BIRTH, reference);
            case "date" -> dates.parse(boxed(text), dateKind(list), reference);
            case "npi" -> Npi.normalize(text);
            case "code" -> Icd10.normalize(text);
            case "cvx" -> Cvx.normalize(text);
            case "cpt" -> Cpt.normalize(text);
            case "charge", "payment", "balance" -> Money.parse(text);
            case "phone" -> Phones.normalize(text);
            case "state" -> UsStates.normalize(text);
            case "postal_code" -> ZipCodes.normalize(text);
            case "sex" -> Sexes.normalize(text);
            case "status" -> statuses.normalize(text);
            case "time" -> ClinicalTimes.normalize(text);
            case "payer" -> SELF_PAY.matcher(text).matches() ? Normalized.empty() : Normalized.ok(text);
            case "member_id", "group", "lot" -> NOTHING.matcher(text).matches() ? Normalized.empty() : Normalized.ok(text);
            case "route" -> MedicationSigs.route(text);
            case "frequency" -> MedicationSigs.frequency(text);
            case "provider" -> ProviderNames.check(text);
            default -> Normalized.ok(text);
        };
    }

    /** A date written in boxes ({@code 03 | 18 | 26}, {@code 03 18 26}) as one date. */
    private static String boxed(String text) {
        java.util.regex.Matcher m = BOXED_DATE.matcher(text);
        return m.matches() ? m.group(1) + "/" + m.group(2) + "/" + m.group(3) : text;
    }

    private static final Pattern BOXED_DATE = Pattern.compile("(\\d{2})\\s*[|\\s]\\s*(\\d{2})\\s*[|\\s]\\s*(\\d{2}|\\d{4})");

    private static ClinicalDates.Kind dateKind(String list) {
        return switch (list) {
            case "immunizations" -> ClinicalDates.Kind.IMMUNIZATION;
            case "charges" -> ClinicalDates.Kind.CHARGE;
            case "appointments" -> ClinicalDates.Kind.APPOINTMENT;
            default -> ClinicalDates.Kind.VISIT;
        };
    }
}
