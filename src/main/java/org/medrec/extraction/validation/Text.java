package org.medrec.extraction.validation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Small text helpers shared by the validators. Stateless and thread-safe. */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern SPREADSHEET_INTEGER = Pattern.compile("(\\d+)\\.0+");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d\\.\\d+[eE]\\+?\\d{1,2}");

    private Text() {
    }

    static boolean isBlank(String raw) {
        return raw == null || squeeze(raw).isEmpty();
    }

    /** Trimmed, every run of white space (also no-break spaces) made one plain space. */
    static String squeeze(String raw) {
        return collapse(raw, true).trim();
    }

    /**
     * Every run of Java's white space ({@code \\s}; with {@code noBreak} also the no-break spaces)
     * made one plain space. By hand: a sheet import asks this of every cell, and the regular
     * expression was a good part of its CPU.
     */
    static String collapse(String raw, boolean noBreak) {
        StringBuilder out = null;
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (isSpace(c, noBreak) && (c != ' ' || (i + 1 < n && isSpace(raw.charAt(i + 1), noBreak)))) {
                if (out == null) {
                    out = new StringBuilder(n).append(raw, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isSpace(raw.charAt(i + 1), noBreak)) {
                    i++;
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    private static boolean isSpace(char c, boolean noBreak) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || (noBreak && (c == '\u00A0' || c == '\u2007' || c == '\u202F'));
    }

    /** Lower case without accents, and without anything that is not a letter or a digit. */
    static String key(String raw) {
        String folded = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALNUM.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Lower case words separated by single spaces; periods dropped, other punctuation made spaces. */
    static String words(String raw) {
        String folded = MARKS.matcher(Normalizer.normalize(raw, Normalizer.Form.NFD)).replaceAll("");
        String lower = folded.toLowerCase(Locale.ROOT).replace(".", "");
        return squeeze(lower.replaceAll("[^a-z0-9/%-]+", " "));
    }

    /**
     * A whole number as a spreadsheet may hand it over: {@code 99213.0} is {@code 99213} and
     * {@code 1.234567893E9} is {@code 1234567893}. Anything else comes back unchanged.
     */
    static String spreadsheetInteger(String text) {
        var m = SPREADSHEET_INTEGER.matcher(text);
        if (m.matches()) {
            return m.group(1);
        }
        if (SCIENTIFIC.matcher(text).matches()) {
            try {
                return new java.math.BigDecimal(text).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException e) {
                return text;
            }
        }
        return text;
    }

    /** For messages: the input in quotes, shortened when long. */
    static String quote(String raw) {
        String s = squeeze(raw);
        return "'" + (s.length() <= 40 ? s : s.substring(0, 37) + "...") + "'";
    }
}
