package org.medrec.extraction.validation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates clinics write and returns them as {@code YYYY-MM-DD}.
 *
 * <p>Formats read: {@code 03/14/1962}, {@code 3/14/62}, {@code 03-14-1962}, {@code 03.14.1962},
 * {@code 1962-03-14} (also with / or .), {@code 19620314} (eight digits are only ever read as
 * YYYYMMDD), {@code 14-Mar-1962}, {@code 14 Mar 62}, {@code 14 March 1962}, {@code Mar 14, 1962},
 * {@code Mar. 14 1962}, {@code March 14th, 1962}, {@code MARCH 14 1962}. Month names are English,
 * full or abbreviated ({@code Sept} too). A time after the date is dropped, with its zone when it has
 * one ({@code 2021-08-23T03:26:50Z} is 2021-08-23, the day as written). Anything else is INVALID.
 *
 * <p>Rules where the writing leaves room:
 * <ul>
 *   <li><b>Order.</b> Numeric dates are month first (US) unless the instance is
 *       {@link #dayFirst()}. A date that is impossible in the expected order but possible the other
 *       way round ({@code 14/03/1962} in a US source) is AMBIGUOUS with the swapped reading as the
 *       proposal and the problem "day and month look swapped": it is never silently
 *       reinterpreted. A year written first is always year-month-day.</li>
 *   <li><b>Two-digit years</b> are resolved against the {@code reference} date the caller passes
 *       (the document date when known, else the run date; never the clock):
 *       <ul>
 *         <li>{@link Kind#BIRTH}: 20yy if that date is not after the reference, else 19yy. When
 *             20yy is chosen and 19yy would make the patient no older than
 *             {@link #maxAgeYears()} (default {@value #DEFAULT_MAX_AGE_YEARS}) at the reference,
 *             the result is AMBIGUOUS with 20yy proposed ({@code 1/5/20} could be a four-year-old
 *             or a centenarian). With reference 2024-06-28 that is yy 19..24.</li>
 *         <li>{@link Kind#VISIT}, {@link Kind#IMMUNIZATION}, {@link Kind#CHARGE},
 *             {@link Kind#DOCUMENT} (events that have happened): 20yy when that is not after the
 *             reference. Otherwise the only possible reading is 19yy; it is proposed as
 *             AMBIGUOUS, never accepted unreviewed ({@code 3/14/62} as a visit date with reference
 *             2024-06-28 proposes 1962-03-14 for a person to confirm).</li>
 *         <li>{@link Kind#APPOINTMENT}: as events, but the limit is the reference plus
 *             {@value #APPOINTMENT_HORIZON_YEARS} years, because booked appointments lie
 *             ahead.</li>
 *       </ul></li>
 *   <li><b>Plausibility.</b> Impossible calendar dates ({@code 02/30/1980},
 *       {@code 02/29/1900}, {@code 13/45/2020}) are INVALID with the reason. Any date before
 *       1900-01-01 is INVALID. A birth date or an event date after the reference date is INVALID;
 *       an appointment more than {@value #APPOINTMENT_HORIZON_YEARS} years after it is
 *       INVALID.</li>
 *   <li><b>OCR.</b> Letters read inside digit runs (O/o, I/l/|, S, B) are repaired, and so are
 *       digits inside a month name ({@code 0ct}); the result is marked corrected.</li>
 * </ul>
 *
 * Instances are immutable and thread-safe.
 */
public final class ClinicalDates {

    /** What a date is the date of; decides two-digit years and the plausible range. */
    public enum Kind {
        BIRTH("birth date"), VISIT("visit date"), IMMUNIZATION("immunization date"), CHARGE("charge date"),
        DOCUMENT("document date"), APPOINTMENT("appointment date");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** How a reviewer's message names it: "visit date". */
        public String label() {
            return label;
        }
    }

    /** The order of day and month in numeric dates. */
    public enum Order { MONTH_FIRST, DAY_FIRST }

    public static final int DEFAULT_MAX_AGE_YEARS = 105;
    public static final int APPOINTMENT_HORIZON_YEARS = 2;
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Pattern TRAILING_TIME = Pattern.compile(
            "(?:[T ]\\s*\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:Z|[+-]\\d{2}:?\\d{2})?)$");
    private static final Pattern SPACED_SEPARATOR = Pattern.compile("(?<=\\d)\\s*([/.-])\\s*(?=\\d)");
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})");
    private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{2}|\\d{4})");
    private static final Pattern COMPACT = Pattern.compile("\\d{8}");
    private static final String MONTH_WORD = "([A-Za-z][A-Za-z0-9|]{2,8}|[0-9|][A-Za-z][A-Za-z0-9|]{1,7})";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "(\\d{1,2})(?:st|nd|rd|th)?[-\\s/.]*" + MONTH_WORD + "\\.?[-\\s/.,]*(\\d{2}|\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile(
            MONTH_WORD + "\\.?[-\\s]*(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*,\\s*|[-\\s]+)(\\d{2}|\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Integer> MONTHS = months();

    private final Order order;
    private final int maxAgeYears;

    private ClinicalDates(Order order, int maxAgeYears) {
        this.order = order;
        this.maxAgeYears = maxAgeYears;
    }

    /** US convention: 03/04/1962 is March 4. */
    public static ClinicalDates monthFirst() {
        return new ClinicalDates(Order.MONTH_FIRST, DEFAULT_MAX_AGE_YEARS);
    }

    /** For sources known to write day first: 03/04/1962 is 3 April. */
    public static ClinicalDates dayFirst() {
        return new ClinicalDates(Order.DAY_FIRST, DEFAULT_MAX_AGE_YEARS);
    }

    /**
     * The oldest age a living patient is taken to have when a two-digit birth year is resolved.
     *
     * @param years 1 to 130
     */
    public ClinicalDates withMaxAgeYears(int years) {
        if (years < 1 || years > 130) {
            throw new IllegalArgumentException("maximum age must be 1..130 years, not " + years);
        }
        return new ClinicalDates(order, years);
    }

    public Order order() {
        return order;
    }

    public int maxAgeYears() {
        return maxAgeYears;
    }

    /**
     * @param raw       the date as read
     * @param kind      what it is the date of
     * @param reference the date two-digit years and "in the future" are judged against
     */
    public Normalized parse(String raw, Kind kind, LocalDate reference) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        if (isIso(raw)) {
            // YYYY-MM-DD as exports write it: what the general reading below ends in, without its
            // five regular expressions (a million-row sheet has a million of these)
            return build(digits(raw, 0, 4), digits(raw, 5, 7), digits(raw, 8, 10), raw, kind, reference);
        }
        return general(raw, kind, reference);
    }

    /** {@link #parse} without the shortcut for YYYY-MM-DD (for the test that they agree). */
    Normalized general(String raw, Kind kind, LocalDate reference) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String text = TRAILING_TIME.matcher(Text.squeeze(raw)).replaceAll("").trim().replaceAll("[.,;:]+$", "");
        Ocr.Repaired repaired = Ocr.digitRuns(text);
        String s = SPACED_SEPARATOR.matcher(repaired.text()).replaceAll("$1");
        Normalized result = read(s, raw, kind, reference);
        return result.markCorrected(repaired.changed());
    }

    /**
     * A date a spreadsheet stored as a serial number (1900 date system; a fraction, the time of
     * day, is ignored). Serial numbers before 61 (1900-03-01) are not read.
     */
    public Normalized fromExcelSerial(double serial, Kind kind, LocalDate reference) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
        if (Double.isNaN(serial) || Double.isInfinite(serial) || serial < 61 || serial > 2_958_465) {
            return Normalized.invalid("spreadsheet date serial " + serial + " is outside the dates medrec reads");
        }
        LocalDate date = EXCEL_EPOCH.plusDays((long) Math.floor(serial));
        return plausible(date, kind, reference);
    }

    /**
     * Checks that an event did not happen before the patient was born.
     *
     * @return OK with the event date, INVALID when it is before the birth date, EMPTY when either
     *         date is missing
     */
    public static Normalized checkNotBefore(LocalDate date, LocalDate birthDate) {
        if (date == null || birthDate == null) {
            return Normalized.empty();
        }
        if (date.isBefore(birthDate)) {
            return Normalized.invalid(date + " is before the birth date " + birthDate);
        }
        return Normalized.ok(date.toString());
    }

    private static boolean isIso(String raw) {
        if (raw == null || raw.length() != 10 || raw.charAt(4) != '-' || raw.charAt(7) != '-') {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            char c = raw.charAt(i);
            if (i != 4 && i != 7 && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private Normalized read(String s, String raw, Kind kind, LocalDate reference) {
        Matcher m = YEAR_FIRST.matcher(s);
        if (m.matches()) {
            return build(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    raw, kind, reference);
        }
        m = COMPACT.matcher(s);
        if (m.matches()) {
            int century = Integer.parseInt(s.substring(0, 2));
            if (century != 19 && century != 20) {
                return Normalized.invalid("eight digits " + Text.quote(raw) + " are read only as YYYYMMDD, and "
                        + s.substring(0, 4) + " is not a year medrec accepts");
            }
            return build(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)), raw, kind, reference);
        }
        m = NUMERIC.matcher(s);
        if (m.matches()) {
            return numeric(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)), m.group(4), raw, kind, reference);
        }
        m = DAY_MONTH_YEAR.matcher(s);
        if (m.matches()) {
            Integer month = month(m.group(2));
            if (month != null) {
                return withYearText(m.group(3), month, Integer.parseInt(m.group(1)), raw, kind, reference)
                        .markCorrected(hasDigit(m.group(2)));
            }
        }
        m = MONTH_DAY_YEAR.matcher(s);
        if (m.matches()) {
            Integer month = month(m.group(1));
            if (month != null) {
                return withYearText(m.group(3), month, Integer.parseInt(m.group(2)), raw, kind, reference)
                        .markCorrected(hasDigit(m.group(1)));
            }
        }
        return Normalized.invalid(Text.quote(raw) + " is not a date in a format medrec reads");
    }

    private Normalized numeric(int first, int second, String yearText, String raw, Kind kind, LocalDate reference) {
        int month = order == Order.MONTH_FIRST ? first : second;
        int day = order == Order.MONTH_FIRST ? second : first;
        if (possibleInSomeYear(month, day)) {
            return withYearText(yearText, month, day, raw, kind, reference);
        }
        if (possibleInSomeYear(day, month)) {
            Normalized swapped = withYearText(yearText, day, month, raw, kind, reference);
            String expected = order == Order.MONTH_FIRST ? "month/day" : "day/month";
            String other = order == Order.MONTH_FIRST ? "day/month" : "month/day";
            String note = "day and month look swapped: " + Text.quote(raw) + " is impossible as " + expected;
            return switch (swapped.status()) {
                case OK -> Normalized.ambiguous(swapped.value(), note + "; read as " + other + " it is " + swapped.value());
                case AMBIGUOUS -> Normalized.ambiguous(swapped.value(), note + "; read as " + other + ": " + swapped.problem());
                default -> Normalized.invalid(note + ", and read as " + other + ": " + swapped.problem());
            };
        }
        return Normalized.invalid("impossible date " + Text.quote(raw) + ": " + impossibility(month, day, null));
    }

    private Normalized withYearText(String yearText, int month, int day, String raw, Kind kind, LocalDate reference) {
        if (yearText.length() == 4) {
            return build(Integer.parseInt(yearText), month, day, raw, kind, reference);
        }
        if (!possibleInSomeYear(month, day)) {
            return Normalized.invalid("impossible date " + Text.quote(raw) + ": " + impossibility(month, day, null));
        }
        int yy = Integer.parseInt(yearText);
        int recent = 2000 + yy;
        int older = 1900 + yy;
        String note = null;
        int year;
        switch (kind) {
            case BIRTH -> {
                if (after(recent, month, day, reference)) {
                    year = older;
                } else {
                    year = recent;
                    int olderAge = age(older, month, day, reference);
                    if (olderAge <= maxAgeYears) {
                        note = "two-digit year '" + yearText + "' read as " + recent + "; " + older
                                + " is also possible (the patient would be " + olderAge + ")";
                    }
                }
            }
            default -> {
                LocalDate limit = kind == Kind.APPOINTMENT ? reference.plusYears(APPOINTMENT_HORIZON_YEARS) : reference;
                if (after(recent, month, day, limit)) {
                    year = older;
                    note = "two-digit year '" + yearText + "': " + iso(recent, month, day) + " would be "
                            + (kind == Kind.APPOINTMENT ? "more than " + APPOINTMENT_HORIZON_YEARS
                            + " years after" : "after") + " the reference date " + reference + ", so it is read as "
                            + iso(older, month, day) + "; confirm the century";
                } else {
                    year = recent;
                }
            }
        }
        Normalized built = build(year, month, day, raw, kind, reference);
        if (note == null || built.status() != Normalized.Status.OK) {
            return built;
        }
        return Normalized.ambiguous(built.value(), note);
    }

    private Normalized build(int year, int month, int day, String raw, Kind kind, LocalDate reference) {
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return Normalized.invalid("impossible date " + Text.quote(raw) + ": " + impossibility(month, day, year));
        }
        return plausible(date, kind, reference);
    }

    private static Normalized plausible(LocalDate date, Kind kind, LocalDate reference) {
        if (date.isBefore(EARLIEST)) {
            return Normalized.invalid(kind.label() + " " + date + " is before " + EARLIEST);
        }
        if (kind == Kind.APPOINTMENT) {
            LocalDate limit = reference.plusYears(APPOINTMENT_HORIZON_YEARS);
            if (date.isAfter(limit)) {
                return Normalized.invalid(kind.label() + " " + date + " is more than " + APPOINTMENT_HORIZON_YEARS
                        + " years after the reference date " + reference);
            }
        } else if (date.isAfter(reference)) {
            return Normalized.invalid(kind.label() + " " + date + " is in the future (after the reference date "
                    + reference + ")");
        }
        return Normalized.ok(date.toString());
    }

    private static boolean possibleInSomeYear(int month, int day) {
        return month >= 1 && month <= 12 && day >= 1 && day <= Month.of(month).maxLength();
    }

    private static String impossibility(int month, int day, Integer year) {
        List<String> reasons = new ArrayList<>();
        if (month < 1 || month > 12) {
            reasons.add("there is no month " + month);
        }
        if (day < 1 || day > 31) {
            reasons.add("there is no day " + day);
        }
        if (reasons.isEmpty()) {
            String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            if (day > Month.of(month).maxLength()) {
                reasons.add(name + " has no day " + day);
            } else if (year != null) {
                reasons.add(year + " is not a leap year, so " + name + " has no day " + day);
            }
        }
        return String.join(" and ", reasons);
    }

    private static boolean after(int year, int month, int day, LocalDate limit) {
        int value = year * 10_000 + month * 100 + day;
        return value > limit.getYear() * 10_000 + limit.getMonthValue() * 100 + limit.getDayOfMonth();
    }

    private static int age(int year, int month, int day, LocalDate reference) {
        int age = reference.getYear() - year;
        if (reference.getMonthValue() * 100 + reference.getDayOfMonth() < month * 100 + day) {
            age--;
        }
        return age;
    }

    private static String iso(int year, int month, int day) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    }

    private static boolean hasDigit(String word) {
        return word.chars().anyMatch(c -> Character.isDigit(c) || c == '|');
    }

    private static Integer month(String word) {
        return MONTHS.get(Ocr.foldWord(word));
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> byName = new HashMap<>();
        for (Month m : Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            byName.put(Ocr.foldWord(full), m.getValue());
            byName.put(Ocr.foldWord(full.substring(0, 3)), m.getValue());
        }
        byName.put(Ocr.foldWord("sept"), 9);
        return Map.copyOf(byName);
    }
}
