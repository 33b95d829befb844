package org.medrec.extraction.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Medication route and frequency in the short forms the record model stores, whether the page
 * prints the short form ({@code PO}, {@code BID}) or spells it out ("by mouth", "twice daily").
 * The forms are those of the labelled corpus, which follows the ISMP advice against {@code QD}:
 * once a day is {@code daily}, once a week {@code weekly}.
 *
 * <p>Routes: {@code PO}, {@code SC}, {@code IM}, {@code IV}, {@code INH}, {@code SL}, {@code PR},
 * {@code topical}, {@code nasal}, {@code OPH}, {@code OTIC}, {@code TD}, {@code PV}. (Topical and
 * nasal are words because the corpus writes them so; the corpus has no ophthalmic, otic,
 * transdermal or vaginal example, so those keep the usual abbreviations.)
 *
 * <p>Frequencies: {@code daily}, {@code BID}, {@code TID}, {@code QID}, {@code QHS},
 * {@code QAM}, {@code QPM}, {@code every other day}, {@code weekly}, {@code monthly},
 * {@code Q4H}-style intervals and {@code Q4-6H}-style ranges, each optionally followed by
 * {@code PRN} ("as needed", "as needed for pain"); {@code PRN} alone. Unknown phrases are INVALID
 * (review), never guessed: "every night" could be QHS or QPM, "with meals" is not a frequency
 * medrec maps; and an interval stays an interval ({@code q12h} is {@code Q12H}, not BID).
 * Stateless and thread-safe.
 */
public final class MedicationSigs {

    private static final Map<String, String> ROUTES = routes();
    private static final Map<String, String> FREQUENCIES = frequencies();
    private static final Pattern PRN = Pattern.compile(
            "^(.*?)\\s*\\b(?:prn|as needed|when needed|if needed)\\b\\s*(.*)$");
    private static final Pattern INTERVAL = Pattern.compile(
            "^(?:q|every)\\s*(\\d{1,2})\\s*(?:(?:-|to)\\s*(\\d{1,2})\\s*)?(?:h|hr|hrs|hour|hours)$");
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("twenty-four", "24"), Map.entry("twentyfour", "24"));

    private MedicationSigs() {
    }

    /** An amount with its unit, as a page prints a dose: {@code 500 mg}, {@code 0.5 mL}, {@code 400 mg/5 mL}, {@code 2 puffs}. */
    private static final Pattern DOSE = Pattern.compile("(?i)(\\d+(\\.\\d+)?|\\d+/\\d+|\\d+-\\d+|one|two|half)\\s?"
            + "(mg|mcg|g|iu|units?|ml|meq|%|puffs?|tabs?|tablets?|caps?|capsules?|drops?|sprays?|patch(es)?|applications?)"
            + "(\\s?/\\s?\\d*(\\.\\d+)?\\s?(ml|l|g|dose|actuation|hr))?");
    /** An amount and a unit of letters with no space between them ({@code 10mg}). */
    private static final Pattern GLUED_UNIT = Pattern.compile("(\\d)([A-Za-z])");
    /** Doses written as words. */
    private static final Pattern WORD_DOSE = Pattern.compile("(?i)thin layer|thin film|small amount|pea-sized amount"
            + "|as directed|1 application|one application");

    /**
     * A dose as printed in a dose column: an amount with its unit, or one of the amounts written as
     * words. Anything else (a unit glued to a separator, {@code 500, MG}; a frequency run into it,
     * {@code 50 mg daily}; a unit OCR misread, {@code 75 meg}) is proposed as read for a person to
     * check, never loaded as it stands: the unit and its separators are part of the dose.
     */
    public static Normalized dose(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String text = raw.strip().replaceAll("\\s+", " ");
        if (DOSE.matcher(text).matches() && GLUED_UNIT.matcher(text).find()) {
            String spaced = GLUED_UNIT.matcher(text).replaceAll("$1 $2");
            return Normalized.ambiguous(spaced, "dose " + Text.quote(raw) + " has no space between the amount and its unit:"
                    + " printed so, or a space OCR lost? check it");
        }
        if (DOSE.matcher(text).matches() || WORD_DOSE.matcher(text).matches()) {
            return Normalized.ok(text);
        }
        return Normalized.ambiguous(text, "dose " + Text.quote(raw) + " is not an amount with its unit as doses are written:"
                + " check what belongs to the dose");
    }

    public static Normalized route(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String route = ROUTES.get(Text.key(raw));
        if (route == null) {
            return Normalized.invalid("route " + Text.quote(raw) + " is not one medrec maps");
        }
        return Normalized.ok(route);
    }

    public static Normalized frequency(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String words = Text.words(raw);
        boolean prn = false;
        Matcher m = PRN.matcher(words);
        if (m.matches()) {
            String rest = m.group(2).trim();
            if (!rest.isEmpty() && !indication(rest)) {
                return Normalized.invalid("frequency " + Text.quote(raw) + " is not one medrec maps");
            }
            prn = true;
            words = m.group(1).trim();
        }
        if (words.isEmpty()) {
            return prn ? Normalized.ok("PRN") : Normalized.invalid("frequency " + Text.quote(raw) + " is empty");
        }
        String base = base(words);
        if (base == null) {
            return Normalized.invalid("frequency " + Text.quote(raw) + " is not one medrec maps");
        }
        return Normalized.ok(prn ? base + " PRN" : base);
    }

    private static String base(String words) {
        String known = FREQUENCIES.get(Text.key(words));
        if (known != null) {
            return known;
        }
        StringBuilder digits = new StringBuilder();
        for (String w : words.split(" ")) {
            digits.append(digits.length() == 0 ? "" : " ").append(NUMBER_WORDS.getOrDefault(w, w));
        }
        Matcher m = INTERVAL.matcher(digits.toString().replaceAll("(\\d)\\s*-\\s*(\\d)", "$1-$2"));
        if (!m.matches()) {
            return null;
        }
        int low = Integer.parseInt(m.group(1));
        if (low < 1 || low > 72) {
            return null;
        }
        if (m.group(2) == null) {
            return "Q" + low + "H";
        }
        int high = Integer.parseInt(m.group(2));
        if (high <= low || high > 72) {
            return null;
        }
        return "Q" + low + "-" + high + "H";
    }

    /** "for pain", "for wheezing or shortness of breath", "pain": a reason, not a frequency. */
    private static boolean indication(String rest) {
        String reason = rest.startsWith("for ") ? rest.substring(4) : rest;
        int words = reason.split(" ").length;
        return !reason.isBlank() && words <= 6 && !reason.matches(".*\\d.*")
                && FREQUENCIES.get(Text.key(reason)) == null;
    }

    private static Map<String, String> routes() {
        Map<String, String> t = new HashMap<>();
        put(t, "PO", "po", "p.o.", "oral", "orally", "by mouth", "per mouth", "per os", "mouth");
        put(t, "SC", "sc", "s.c.", "sq", "subq", "sub-q", "sub q", "subcut", "sub-cut", "subcutaneous",
                "subcutaneously", "subcutaneous injection");
        put(t, "IM", "im", "i.m.", "intramuscular", "intramuscularly", "intramuscular injection");
        put(t, "IV", "iv", "i.v.", "intravenous", "intravenously");
        put(t, "INH", "inh", "inhaled", "inhalation", "by inhalation", "inhale", "via inhaler", "orally inhaled",
                "oral inhalation", "nebulized", "via nebulizer", "neb");
        put(t, "SL", "sl", "sublingual", "sublingually", "under the tongue");
        put(t, "PR", "pr", "rectal", "rectally", "per rectum");
        put(t, "topical", "top", "topical", "topically", "apply topically", "apply to skin", "to skin",
                "to affected area", "apply to affected area", "cutaneous", "external", "externally");
        put(t, "nasal", "nasal", "nas", "intranasal", "intranasally", "in each nostril", "each nostril",
                "in nostril", "in nostrils", "in both nostrils", "in nose", "per nose", "nasally");
        put(t, "OPH", "oph", "ophth", "ophthalmic", "in eye", "in eyes", "in each eye", "in both eyes",
                "in right eye", "in left eye", "in the eye", "in the eyes");
        put(t, "OTIC", "otic", "in ear", "in ears", "in each ear", "in both ears", "in right ear", "in left ear",
                "in the ear", "aural");
        put(t, "TD", "td", "transdermal", "transdermally", "transdermal patch");
        put(t, "PV", "pv", "vaginal", "vaginally", "per vagina", "intravaginal", "intravaginally");
        return Map.copyOf(t);
    }

    private static Map<String, String> frequencies() {
        Map<String, String> t = new HashMap<>();
        put(t, "daily", "daily", "once daily", "once a day", "once per day", "every day", "each day", "qd", "q.d.",
                "q day", "qday", "q daily", "1x daily", "1x a day", "1x/day", "one time daily", "one time a day",
                "1 time daily", "1 time a day");
        put(t, "BID", "bid", "b.i.d.", "twice daily", "twice a day", "twice per day", "2 times daily", "2 times a day",
                "two times daily", "two times a day", "2x daily", "2x a day", "2x/day", "2 times per day");
        put(t, "TID", "tid", "t.i.d.", "three times daily", "three times a day", "three times per day",
                "3 times daily", "3 times a day", "3 times per day", "3x daily", "3x a day", "3x/day");
        put(t, "QID", "qid", "q.i.d.", "four times daily", "four times a day", "four times per day",
                "4 times daily", "4 times a day", "4 times per day", "4x daily", "4x a day", "4x/day");
        put(t, "QHS", "qhs", "q.h.s.", "hs", "h.s.", "at bedtime", "daily at bedtime", "nightly at bedtime",
                "every night at bedtime", "each night at bedtime", "once daily at bedtime", "bedtime", "nightly");
        put(t, "QAM", "qam", "q.a.m.", "every morning", "each morning", "in the morning", "daily in the morning",
                "once daily in the morning", "q morning");
        put(t, "QPM", "qpm", "q.p.m.", "every evening", "each evening", "in the evening", "daily in the evening",
                "once daily in the evening", "q evening");
        put(t, "every other day", "every other day", "qod", "q.o.d.", "q other day");
        put(t, "weekly", "weekly", "once weekly", "once a week", "once per week", "every week", "each week",
                "q week", "qweek", "qwk", "1x weekly", "1x a week", "1x/week", "one time weekly");
        put(t, "monthly", "monthly", "once monthly", "once a month", "once per month", "every month", "q month",
                "qmonth");
        return Map.copyOf(t);
    }

    private static void put(Map<String, String> table, String value, String... phrases) {
        for (String phrase : phrases) {
            String previous = table.put(Text.key(phrase), value);
            if (previous != null && !previous.equals(value)) {
                throw new IllegalStateException("phrase '" + phrase + "' maps to " + previous + " and " + value);
            }
        }
    }
}
