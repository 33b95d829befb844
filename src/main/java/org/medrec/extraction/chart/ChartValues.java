package org.medrec.extraction.chart;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.ClinicalDates;
import org.medrec.extraction.validation.FieldRules;
import org.medrec.extraction.validation.Money;
import org.medrec.extraction.validation.Names;
import org.medrec.extraction.validation.Normalized;

/**
 * The validator each record-model field of a chart needs: the common {@link FieldRules}, and what
 * pages add to it: dates written in boxes, identifiers left as "N/A", provider names with their
 * credential. Thread-safe (immutable).
 */
final class ChartValues {

    /**
     * The rules of a form's boxes, which OCR reads into the values beside them ({@code 03! 18! 26},
     * {@code 90.88|}); in codes, dates, amounts and numbers they are taken out, and the value goes
     * to a person as repaired. A closing parenthesis without its opening one is such a rule too.
     */
    private static final Pattern RULES = Pattern.compile("[|!{}\\[\\]\\\\]");
    private static final java.util.Set<String> STRUCTURED = java.util.Set.of("birth_date", "date", "npi", "code", "cvx",
            "cpt", "charge", "payment", "balance", "phone", "postal_code", "time");
    private static final Pattern BOXED_DATE = Pattern.compile(
            "(\\d{2})[\\s|!}{\\\\\\[\\]]+(\\d{2})[\\s|!}{\\\\\\[\\]]+(\\d{2}|\\d{4})");

    private final FieldRules rules;

    ChartValues(ClinicalDates dates, LocalDate reference) {
        this.rules = new FieldRules(dates, reference, Money.DecimalMark.POINT);
    }

    Normalized read(String list, String field, String raw) {
        String text = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return Normalized.empty();
        }
        String unruled = text.contains("(") ? text : text.replace(")", " ");
        unruled = RULES.matcher(unruled).replaceAll(" ").strip();
        if (STRUCTURED.contains(field) && !unruled.equals(text) && !unruled.isEmpty()) {
            Normalized n = read(list, field, unruled);
            return n.isOk() ? Normalized.corrected(n.value()) : n;
        }
        return switch (field) {
            case "birth_date", "date" -> rules.read(list, field, boxed(text));
            case "member_id", "group", "lot" -> FieldRules.meansNoValue(text) ? Normalized.empty() : Normalized.ok(text);
            case "provider" -> ProviderNames.check(text);
            case "dose" -> org.medrec.extraction.validation.MedicationSigs.dose(text);
            case "given" -> {
                Normalized n = rules.read(list, field, text);
                yield n.isOk() ? Names.firstGiven(n.value()) : n;
            }
            default -> rules.read(list, field, text);
        };
    }

    /** A date written in boxes ({@code 03 | 18 | 26}, {@code 03 18 26}) as one date. */
    private static String boxed(String text) {
        Matcher m = BOXED_DATE.matcher(text);
        return m.matches() ? m.group(1) + "/" + m.group(2) + "/" + m.group(3) : text;
    }
}
