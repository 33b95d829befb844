package org.medrec.extraction.validation;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * US ZIP codes: five digits ({@code 97215}) or ZIP+4 ({@code 97215-1234}; nine digits in a row
 * get the hyphen). {@code 00000} is INVALID.
 *
 * <p>A spreadsheet that stored ZIP codes as numbers has lost their leading zeros ({@code 07215}
 * became {@code 7215}). Only when the caller says so ({@code leadingZerosMayBeLost}) are three or
 * four digits padded to five and seven or eight to nine; otherwise they are INVALID with a message
 * that names the likely cause. OCR letters inside the digits are repaired (corrected). Stateless
 * and thread-safe.
 */
public final class ZipCodes {

    /** The states whose ZIP codes start with each digit (USPS national areas, with exceptions). */
    private static final Map<Character, Set<String>> AREAS = Map.of(
            '0', Set.of("CT", "MA", "ME", "NH", "NJ", "NY", "PR", "RI", "VT", "VI", "AE"),
            '1', Set.of("DE", "NY", "PA"),
            '2', Set.of("DC", "MD", "NC", "SC", "VA", "WV"),
            '3', Set.of("AL", "FL", "GA", "MS", "TN", "AA"),
            '4', Set.of("IN", "KY", "MI", "OH"),
            '5', Set.of("IA", "MN", "MT", "ND", "SD", "WI"),
            '6', Set.of("IL", "KS", "MO", "NE"),
            '7', Set.of("AR", "LA", "OK", "TX"),
            '8', Set.of("AZ", "CO", "ID", "NM", "NV", "UT", "WY", "TX"),
            '9', Set.of("AK", "CA", "HI", "OR", "WA", "AP", "AS", "GU", "MP", "FM", "MH", "PW"));

    private ZipCodes() {
    }

    public static Normalized normalize(String raw) {
        return normalize(raw, false);
    }

    /**
     * @param leadingZerosMayBeLost the value comes from a numeric spreadsheet cell, so a ZIP code
     *                              that started with 0 may have lost it
     */
    public static Normalized normalize(String raw, boolean leadingZerosMayBeLost) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.spreadsheetInteger(Text.squeeze(raw)).replaceAll("\\s*-\\s*", "-");
        Ocr.Repaired repaired = Ocr.digitRuns(s);
        s = repaired.text();
        if (s.matches("\\d{5} \\d{4}")) {
            s = s.replace(' ', '-');
        }
        if (leadingZerosMayBeLost) {
            if (s.matches("\\d{3,4}")) {
                s = "0".repeat(5 - s.length()) + s;
            } else if (s.matches("\\d{7,8}")) {
                s = "0".repeat(9 - s.length()) + s;
            }
        }
        if (s.matches("\\d{9}")) {
            s = s.substring(0, 5) + "-" + s.substring(5);
        }
        if (!s.matches("\\d{5}(-\\d{4})?")) {
            String digits = s.replaceAll("\\D", "");
            String hint = !leadingZerosMayBeLost && (digits.length() == 3 || digits.length() == 4) && s.matches("\\d+")
                    ? " (a spreadsheet may have dropped its leading zeros)" : "";
            return Normalized.invalid(Text.quote(raw) + " is not a ZIP code: it needs 5 digits, or 5 and 4" + hint);
        }
        if (s.startsWith("00000")) {
            return Normalized.invalid(Text.quote(raw) + " is not a ZIP code");
        }
        return Normalized.ok(s, repaired.changed());
    }

    /**
     * Whether a ZIP code's first digit belongs to the state's national area. A few ZIP codes cross
     * area lines, so a mismatch is AMBIGUOUS, never INVALID.
     *
     * @param zip   a normalised ZIP code
     * @param state a two-letter code
     * @return OK with the ZIP code, AMBIGUOUS when the areas disagree, INVALID or EMPTY when an
     *         input is not usable
     */
    public static Normalized checkState(String zip, String state) {
        if (Text.isBlank(zip) || Text.isBlank(state)) {
            return Normalized.empty();
        }
        Normalized z = normalize(zip);
        if (!z.isOk()) {
            return z;
        }
        String code = state.trim().toUpperCase(Locale.ROOT);
        if (UsStates.name(code).isEmpty()) {
            return Normalized.invalid(Text.quote(state) + " is not a state code");
        }
        if (!AREAS.get(z.value().charAt(0)).contains(code)) {
            return Normalized.ambiguous(z.value(), "ZIP code " + z.value() + " is outside " + code
                    + "'s ZIP area (first digit " + z.value().charAt(0) + "); check the ZIP code and the state");
        }
        return Normalized.ok(z.value());
    }
}
