package org.medrec.extraction.chart;

import java.util.Arrays;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.MedicationSigs;
import org.medrec.extraction.validation.Normalized;

/**
 * Splits a prescription written on one line ({@code Metformin 500 mg PO BID},
 * {@code Hydrocortisone 1% cream thin layer topical BID}, "Amoxicillin 400 mg/5 mL 5 mL by mouth
 * twice daily") from its end: the frequency is the longest tail medrec knows, the route the words
 * before it, the dose an amount with a unit (or a known amount such as "thin layer") before that,
 * and the name what is left. {@code doubt} says why a person must check the split (null: none).
 * Immutable.
 */
record MedicationLine(String name, String dose, Normalized route, Normalized frequency, String doubt) {

    private static final Pattern AMOUNT = Pattern.compile("(?i)^(\\d+(\\.\\d+)?|\\d+/\\d+|one|two|half|1/2)\\s*"
            + "(mg|mcg|g|iu|units?|ml|meq|%|puffs?|tabs?|tablets?|caps?|capsules?|drops?|sprays?|patch(es)?|applications?)"
            + "(\\s*/\\s*\\d*(\\.\\d+)?\\s*(ml|l|g|dose|actuation|hr))?$");
    private static final Pattern WORD_AMOUNT = Pattern.compile("(?i)^(thin layer|thin film|small amount|pea-sized amount"
            + "|as directed|1 application|one application)$");

    static MedicationLine parse(String line) {
        String[] w = line.strip().split("\\s+");
        int end = w.length;
        Normalized frequency = Normalized.empty();
        for (int start = Math.max(0, end - 6); start < end; start++) {
            Normalized f = MedicationSigs.frequency(join(w, start, end));
            if (f.isOk()) {
                frequency = f;
                end = start;
                break;
            }
        }
        Normalized route = Normalized.empty();
        for (int start = Math.max(0, end - 3); start < end; start++) {
            Normalized r = MedicationSigs.route(join(w, start, end));
            if (r.isOk()) {
                route = r;
                end = start;
                break;
            }
        }
        String dose = null;
        for (int start = Math.max(1, end - 5); start < end && dose == null; start++) {
            String candidate = join(w, start, end);
            if (AMOUNT.matcher(candidate).matches() || WORD_AMOUNT.matcher(candidate).matches()) {
                dose = candidate;
                end = start;
            }
        }
        String name = join(w, 0, end);
        String doubt = null;
        if (frequency.status() == Normalized.Status.EMPTY || route.status() == Normalized.Status.EMPTY || dose == null
                || name.isBlank()) {
            doubt = "the prescription could not be split into name, dose, route and frequency with confidence";
        } else if (name.matches("(?i).*(\\d|\\b(cream|ointment|gel|lotion|solution|drops|inhaler|suspension)\\b).*")) {
            doubt = "the name holds a strength or a preparation: check which part is the name and which the dose";
        }
        return new MedicationLine(name.isBlank() ? line.strip() : name, dose, route, frequency, doubt);
    }

    private static String join(String[] words, int from, int to) {
        return String.join(" ", Arrays.copyOfRange(words, from, to));
    }
}
