package org.medrec.extraction.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US (NANP) telephone numbers, normal form the ten digits ({@code 5035550134}); the record model
 * compares phones by digits.
 *
 * <p>Punctuation ({@code ( ) - . /} and spaces) is dropped, as is a leading {@code 1} or
 * {@code +1}. An extension written after the number ({@code x123}, {@code ext. 123},
 * {@code extension 123}, {@code #123}) is returned apart. The area code and the exchange must not
 * start with 0 or 1, and the area code must not be an N11 service code (411, 911). Letters other
 * than OCR confusions inside the digits (O/o, I/l/|, S, B: repaired and marked corrected) make the
 * number INVALID, as does any other count of digits. Stateless and thread-safe.
 */
public final class Phones {

    /** A phone number and its extension ({@code null} when none was written). */
    public record Phone(Normalized result, String extension) {
    }

    private static final Pattern EXTENSION = Pattern.compile(
            "(?i)^(.*?)[\\s,;]*(?:ext\\.?|extension|x|#)\\s*(\\d{1,6})\\s*$");

    private Phones() {
    }

    public static Normalized normalize(String raw) {
        return parse(raw).result();
    }

    public static Phone parse(String raw) {
        if (Text.isBlank(raw)) {
            return new Phone(Normalized.empty(), null);
        }
        String s = Text.spreadsheetInteger(Text.squeeze(raw));
        String extension = null;
        Matcher ext = EXTENSION.matcher(s);
        if (ext.matches() && ext.group(1).matches(".*\\d.*")) {
            s = ext.group(1);
            extension = ext.group(2);
        }
        Ocr.Repaired repaired = Ocr.digitRuns(s);
        String text = repaired.text().trim();
        boolean plus = text.startsWith("+");
        if (plus) {
            text = text.substring(1);
        }
        if (!text.matches("[\\d\\s().\\-/]+")) {
            return new Phone(Normalized.invalid(Text.quote(raw) + " is not a phone number: it holds letters or symbols"),
                    extension);
        }
        String digits = text.replaceAll("\\D", "");
        if (plus && !digits.startsWith("1")) {
            return new Phone(Normalized.invalid(Text.quote(raw) + " is not a US number (country code +"
                    + digits.charAt(0) + "...)"), extension);
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() != 10) {
            return new Phone(Normalized.invalid(Text.quote(raw) + " has " + digits.length()
                    + " digits; a US phone number has 10"), extension);
        }
        if (digits.charAt(0) < '2') {
            return new Phone(Normalized.invalid("area code " + digits.substring(0, 3) + " cannot start with "
                    + digits.charAt(0)), extension);
        }
        if (digits.charAt(1) == '1' && digits.charAt(2) == '1') {
            return new Phone(Normalized.invalid("area code " + digits.substring(0, 3) + " is a service code, not an area code"),
                    extension);
        }
        if (digits.charAt(3) < '2') {
            return new Phone(Normalized.invalid("exchange " + digits.substring(3, 6) + " cannot start with "
                    + digits.charAt(3)), extension);
        }
        return new Phone(Normalized.ok(digits, repaired.changed()), extension);
    }
}
