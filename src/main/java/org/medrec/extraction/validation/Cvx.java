package org.medrec.extraction.validation;

import java.time.LocalDate;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * CVX vaccine codes: the official code strings ({@code 03} for MMR, {@code 08} for pediatric
 * hepatitis B, {@code 115} for Tdap). Codes below 10 have two digits, so a spreadsheet number
 * {@code 8} or {@code 8.0} is {@code 08}.
 *
 * <p>{@link #lookup(String)} finds the code for a vaccine name as clinics write it: the CDC short
 * description ({@code Hep B, adult}), common abbreviations ({@code PCV13}) and product names
 * ({@code Boostrix}, {@code M-M-R II}, {@code Prevnar 13}); case, spaces and punctuation do not
 * matter, and a trailing "vaccine" is ignored. A name that stands for one code is OK. A name that
 * stands for several (a vaccine family such as "Influenza", a product made in several
 * formulations such as "Pfizer-BioNTech COVID-19" or "Afluria") is AMBIGUOUS, with the usual
 * reading proposed where there is one. Products whose formulation follows the patient's age
 * (Engerix-B, Recombivax HB, Havrix, Vaqta) are resolved by
 * {@link #lookup(String, LocalDate, LocalDate)}. Unknown names are INVALID.
 *
 * <p>{@link #consistent(String, String)} checks a printed name against a printed code ("CVX 115 is
 * Tdap, not 'MMR'"). Stateless and thread-safe.
 */
public final class Cvx {

    private Cvx() {
    }

    /**
     * The code in its official form. A well-formed code medrec's table does not hold is
     * AMBIGUOUS: it may be new or a misreading.
     */
    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.spreadsheetInteger(Text.squeeze(raw)).replaceFirst("(?i)^CVX\\s*[:#]?\\s*", "");
        Ocr.Repaired repaired = Ocr.digitRuns(s);
        String digits = repaired.text();
        if (!digits.matches("\\d{1,4}")) {
            return Normalized.invalid(Text.quote(raw) + " is not a CVX code (CVX codes are numbers)");
        }
        String code = official(Integer.parseInt(digits));
        if (!CvxTable.DESCRIPTIONS.containsKey(code)) {
            return Normalized.ambiguous(code, "CVX " + code + " is not in medrec's table of CVX codes; check it",
                    repaired.changed());
        }
        return Normalized.ok(code, repaired.changed());
    }

    /** The CDC short description of a code ({@code 115}: Tdap), if medrec knows the code. */
    public static Optional<String> description(String code) {
        return Optional.ofNullable(code == null ? null : CvxTable.DESCRIPTIONS.get(code));
    }

    public static Normalized lookup(String vaccineName) {
        return lookup(vaccineName, null, null);
    }

    /**
     * @param birthDate the patient's birth date, or null
     * @param doseDate  the date the dose was given, or null; with the birth date it decides
     *                  age-dependent formulations
     */
    public static Normalized lookup(String vaccineName, LocalDate birthDate, LocalDate doseDate) {
        if (Text.isBlank(vaccineName)) {
            return Normalized.empty();
        }
        CvxTable.NameMatch match = find(vaccineName);
        if (match == null) {
            return Normalized.invalid("vaccine name " + Text.quote(vaccineName) + " is not in medrec's table");
        }
        if (match.exact()) {
            return Normalized.ok(match.proposal());
        }
        String codes = codes(match);
        if (match.byAge() != null) {
            Integer age = age(birthDate, doseDate);
            String code = age == null ? null : match.byAge().apply(age);
            if (code != null) {
                return Normalized.ok(code);
            }
            return Normalized.ambiguous(null, Text.quote(vaccineName) + " " + match.note() + (age == null
                    ? "; the patient's age at the dose decides" : "; at age " + age + " either is possible")
                    + " (CVX " + codes + ")");
        }
        return Normalized.ambiguous(match.proposal(), Text.quote(vaccineName) + " " + match.note() + " (CVX " + codes
                + ")" + (match.proposal() == null ? "" : "; " + match.proposal() + " proposed"));
    }

    /**
     * Whether a printed code fits a printed vaccine name.
     *
     * @return OK with the code when the name may mean that code; INVALID when it cannot ("CVX 115
     *         is Tdap, not 'MMR'") or the code is malformed; AMBIGUOUS when either is not in the
     *         table; EMPTY when the code is missing
     */
    public static Normalized consistent(String vaccineName, String code) {
        Normalized c = normalize(code);
        if (c.status() == Normalized.Status.EMPTY || c.status() == Normalized.Status.INVALID) {
            return c;
        }
        if (c.status() == Normalized.Status.AMBIGUOUS) {
            return Normalized.ambiguous(c.value(), c.problem() + "; cannot check it against " + Text.quote(
                    vaccineName == null ? "" : vaccineName), c.corrected());
        }
        String description = CvxTable.DESCRIPTIONS.get(c.value());
        CvxTable.NameMatch match = Text.isBlank(vaccineName) ? null : find(vaccineName);
        if (match == null) {
            return Normalized.ambiguous(c.value(), "vaccine name " + Text.quote(vaccineName == null ? "" : vaccineName)
                    + " is not in medrec's table; cannot check CVX " + c.value() + " (" + description + ")", c.corrected());
        }
        if (!match.codes().contains(c.value())) {
            return Normalized.invalid("CVX " + c.value() + " is " + description + ", not " + Text.quote(vaccineName)
                    + " (CVX " + codes(match) + ")");
        }
        return Normalized.ok(c.value(), c.corrected());
    }

    static String official(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    private static CvxTable.NameMatch find(String vaccineName) {
        String key = Text.key(vaccineName);
        CvxTable.NameMatch match = CvxTable.NAMES.get(key);
        if (match == null && key.endsWith("vaccine") && key.length() > "vaccine".length()) {
            match = CvxTable.NAMES.get(key.substring(0, key.length() - "vaccine".length()));
        }
        return match != null ? match : byWords(vaccineName);
    }

    /** Spellings that mean the same word in vaccine names. */
    private static final Map<String, String> SAME_WORD = Map.of("hepatitis", "hep", "ppsv23", "ppv23",
            "preservative", "pf", "quad", "quadrivalent", "recombinant", "recombinant");
    private static final Set<String> NOISE = Set.of("vaccine", "free", "dose", "series", "2", "injectable", "the", "and");

    /**
     * A name printed with other words than the table's ("Hepatitis B, adult" for "Hep B, adult",
     * "Zoster recombinant (2-dose series)"): the table's names that have every word of it. Only when
     * they all mean the one code is it taken; otherwise the name is not known.
     */
    private static CvxTable.NameMatch byWords(String vaccineName) {
        Set<String> printed = words(vaccineName.replaceAll("\\(([^)]*dose[^)]*|[^)]*series[^)]*)\\)", " "));
        if (printed.size() < 2) {
            return null;
        }
        Set<String> codes = new java.util.TreeSet<>();
        for (Map.Entry<String, String> e : CvxTable.DESCRIPTIONS.entrySet()) {
            if (words(e.getValue()).containsAll(printed)) {
                codes.add(e.getKey());
            }
        }
        return codes.size() == 1 ? new CvxTable.NameMatch(codes, codes.iterator().next(), null, "") : null;
    }

    private static Set<String> words(String name) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : Text.words(name).split(" ")) {
            String word = SAME_WORD.getOrDefault(w, w);
            if (!word.isBlank() && !NOISE.contains(word)) {
                out.add(word);
            }
        }
        return out;
    }

    private static String codes(CvxTable.NameMatch match) {
        return match.codes().stream().sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)))
                .collect(Collectors.joining(", "));
    }

    private static Integer age(LocalDate birthDate, LocalDate doseDate) {
        if (birthDate == null || doseDate == null || doseDate.isBefore(birthDate)) {
            return null;
        }
        return Period.between(birthDate, doseDate).getYears();
    }
}
