package org.medrec.extraction.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vital signs in the units the record stores: blood pressure {@code 128/82} (mmHg), pulse and
 * respiratory rate per minute, temperature in °F, weight in lb, height in inches, SpO2 in percent.
 *
 * <p>Each reader takes the value as printed, with or without its unit ({@code 98.6 F},
 * {@code 98.6°F}, {@code 182.4 lbs}, {@code 135.2 pounds}, {@code 5' 8"}, {@code 63 inches},
 * {@code 98%}). A value in another unit (°C, kg, cm) is INVALID and never converted, and so is a
 * bare temperature between 35 and 42.5, which looks like °C. Plausible ranges, outside which the
 * value is INVALID: systolic 50-260 and diastolic 20-160 with systolic above diastolic; pulse
 * 20-250; respiratory rate 4-60; temperature 90-110 °F; weight 0.5-1000 lb; height 10-100 in;
 * SpO2 50-100 %. Pulse, respiratory rate, blood pressure and SpO2 are whole numbers. Temperature
 * and weight keep the digits as written ({@code 99.0}); a height in feet and inches becomes
 * inches ({@code 5' 8"} is {@code 68}), a weight in pounds and ounces becomes pounds
 * ({@code 7 lb 4 oz} is {@code 7.25}). OCR letters inside the digits are repaired (corrected).
 * Stateless and thread-safe.
 */
public final class Vitals {

    /** A blood pressure: the result ({@code 128/82}) and its two numbers when it has a value. */
    public record BloodPressure(Normalized result, Integer systolic, Integer diastolic) {
    }

    /** A number, possibly with OCR letters in it; matched case-sensitively inside case-insensitive patterns. */
    private static final String NUM = "((?-i:[0-9OoIl|SB]+(?:\\.[0-9OoIl|SB]+)?))";
    private static final Pattern BP = Pattern.compile(NUM + "\\s*/\\s*" + NUM + "(?:\\s*mm\\s*hg)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern PULSE = Pattern.compile(NUM + "\\s*(?:bpm|/\\s*min|beats\\s*/\\s*min|beats per minute|per min(?:ute)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESP = Pattern.compile(NUM + "\\s*(?:/\\s*min|breaths\\s*/\\s*min|breaths per minute|per min(?:ute)?|rpm)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TEMP = Pattern.compile(NUM + "\\s*(?:°|º|deg(?:rees?)?)?\\s*(f|c|fahrenheit|celsius)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WEIGHT = Pattern.compile(NUM + "\\s*(lbs?|pounds?|#|kgs?|kilograms?|oz|ounces?)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern POUNDS_OUNCES = Pattern.compile(NUM + "\\s*(?:lbs?|pounds?|#)\\.?\\s*,?\\s*" + NUM
            + "\\s*(?:oz|ounces?)\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern INCHES = Pattern.compile(NUM + "\\s*(in|inch|inches|\"|\u201D|''|cm|centimeters?|m)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FEET_INCHES = Pattern.compile(NUM + "\\s*(?:'|\u2019|ft|feet|foot)\\.?\\s*(?:" + NUM
            + "\\s*(?:\"|\u201D|''|in|inch|inches)?\\.?)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPO2 = Pattern.compile(NUM + "\\s*%?");

    private Vitals() {
    }

    public static BloodPressure bloodPressure(String raw) {
        if (Text.isBlank(raw)) {
            return new BloodPressure(Normalized.empty(), null, null);
        }
        Matcher m = BP.matcher(Text.squeeze(raw));
        if (!m.matches()) {
            return new BloodPressure(Normalized.invalid(Text.quote(raw) + " is not a blood pressure (systolic/diastolic)"),
                    null, null);
        }
        Reading systolic = number(m.group(1));
        Reading diastolic = number(m.group(2));
        if (systolic == null || diastolic == null || !systolic.whole() || !diastolic.whole()) {
            return new BloodPressure(Normalized.invalid(Text.quote(raw) + " is not a blood pressure in whole mmHg"), null, null);
        }
        int sys = systolic.value().intValueExact();
        int dia = diastolic.value().intValueExact();
        boolean corrected = systolic.corrected() || diastolic.corrected();
        if (sys < 50 || sys > 260) {
            return new BloodPressure(Normalized.invalid("systolic " + sys + " mmHg is outside 50-260"), null, null);
        }
        if (dia < 20 || dia > 160) {
            return new BloodPressure(Normalized.invalid("diastolic " + dia + " mmHg is outside 20-160"), null, null);
        }
        if (sys <= dia) {
            return new BloodPressure(Normalized.invalid("systolic " + sys + " is not above diastolic " + dia
                    + " (swapped or misread?)"), null, null);
        }
        return new BloodPressure(Normalized.ok(sys + "/" + dia, corrected), sys, dia);
    }

    public static Normalized pulse(String raw) {
        return wholeInRange(raw, PULSE, "pulse", 20, 250, "/min");
    }

    public static Normalized respiratoryRate(String raw) {
        return wholeInRange(raw, RESP, "respiratory rate", 4, 60, "/min");
    }

    public static Normalized spo2(String raw) {
        return wholeInRange(raw, SPO2, "SpO2", 50, 100, " %");
    }

    public static Normalized temperatureF(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        Matcher m = TEMP.matcher(Text.squeeze(raw));
        Reading t = m.matches() ? number(m.group(1)) : null;
        if (t == null) {
            return Normalized.invalid(Text.quote(raw) + " is not a temperature");
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("c")) {
            return Normalized.invalid(Text.quote(raw) + " is in °C; the record stores °F and medrec does not convert");
        }
        if (unit.isEmpty() && between(t.value(), "35", "42.5")) {
            return Normalized.invalid(Text.quote(raw) + " looks like °C; the record stores °F and medrec does not convert");
        }
        if (!between(t.value(), "90", "110")) {
            return Normalized.invalid("temperature " + t.text() + " °F is outside 90-110");
        }
        return Normalized.ok(t.text(), t.corrected());
    }

    public static Normalized weightLb(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.squeeze(raw);
        Matcher lbOz = POUNDS_OUNCES.matcher(s);
        if (lbOz.matches()) {
            Reading lb = number(lbOz.group(1));
            Reading oz = number(lbOz.group(2));
            if (lb == null || oz == null || !lb.whole() || oz.value().compareTo(BigDecimal.valueOf(16)) >= 0) {
                return Normalized.invalid(Text.quote(raw) + " is not a weight in pounds and ounces");
            }
            BigDecimal pounds = lb.value().add(oz.value().divide(BigDecimal.valueOf(16), 6, RoundingMode.UNNECESSARY));
            return weightInRange(plain(pounds), pounds, lb.corrected() || oz.corrected());
        }
        Matcher m = WEIGHT.matcher(s);
        Reading w = m.matches() ? number(m.group(1)) : null;
        if (w == null) {
            return Normalized.invalid(Text.quote(raw) + " is not a weight");
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("k")) {
            return Normalized.invalid(Text.quote(raw) + " is in kg; the record stores lb and medrec does not convert");
        }
        if (unit.startsWith("o")) {
            return Normalized.invalid(Text.quote(raw) + " is in ounces only; the record stores lb");
        }
        return weightInRange(w.text(), w.value(), w.corrected());
    }

    public static Normalized heightIn(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.squeeze(raw);
        Matcher feet = FEET_INCHES.matcher(s);
        if (feet.matches()) {
            Reading ft = number(feet.group(1));
            Reading in = feet.group(2) == null ? new Reading("0", BigDecimal.ZERO, false) : number(feet.group(2));
            if (ft == null || in == null || !ft.whole() || in.value().compareTo(BigDecimal.valueOf(12)) >= 0) {
                return Normalized.invalid(Text.quote(raw) + " is not a height in feet and inches");
            }
            BigDecimal inches = ft.value().multiply(BigDecimal.valueOf(12)).add(in.value());
            return heightInRange(plain(inches), inches, ft.corrected() || in.corrected());
        }
        Matcher m = INCHES.matcher(s);
        Reading h = m.matches() ? number(m.group(1)) : null;
        if (h == null) {
            return Normalized.invalid(Text.quote(raw) + " is not a height");
        }
        String unit = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("c") || unit.equals("m")) {
            return Normalized.invalid(Text.quote(raw) + " is metric; the record stores inches and medrec does not convert");
        }
        return heightInRange(h.text(), h.value(), h.corrected());
    }

    private static Normalized wholeInRange(String raw, Pattern pattern, String what, int min, int max, String unit) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        Matcher m = pattern.matcher(Text.spreadsheetInteger(Text.squeeze(raw)));
        Reading n = m.matches() ? number(m.group(1)) : null;
        if (n == null || !n.whole()) {
            return Normalized.invalid(Text.quote(raw) + " is not a " + what + " (a whole number)");
        }
        if (!between(n.value(), String.valueOf(min), String.valueOf(max))) {
            return Normalized.invalid(what + " " + n.text() + unit + " is outside " + min + "-" + max);
        }
        return Normalized.ok(n.value().toPlainString(), n.corrected());
    }

    private static Normalized weightInRange(String text, BigDecimal pounds, boolean corrected) {
        if (!between(pounds, "0.5", "1000")) {
            return Normalized.invalid("weight " + text + " lb is outside 0.5-1000");
        }
        return Normalized.ok(text, corrected);
    }

    private static Normalized heightInRange(String text, BigDecimal inches, boolean corrected) {
        if (!between(inches, "10", "100")) {
            return Normalized.invalid("height " + text + " in is outside 10-100");
        }
        return Normalized.ok(text, corrected);
    }

    private record Reading(String text, BigDecimal value, boolean corrected) {
        boolean whole() {
            return value.stripTrailingZeros().scale() <= 0 && !text.contains(".");
        }
    }

    private static Reading number(String raw) {
        Ocr.Repaired repaired = Ocr.digitRuns(raw);
        String text = repaired.text();
        if (!text.matches("\\d+(\\.\\d+)?")) {
            return null;
        }
        return new Reading(text, new BigDecimal(text), repaired.changed());
    }

    private static boolean between(BigDecimal value, String min, String max) {
        return value.compareTo(new BigDecimal(min)) >= 0 && value.compareTo(new BigDecimal(max)) <= 0;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
