package org.medrec.extraction.validation;

import org.apache.commons.validator.routines.checkdigit.LuhnCheckDigit;

/**
 * National Provider Identifiers: ten digits, the first 1 or 2, the last a Luhn check digit
 * computed over {@code 80840} followed by the first nine digits. Spaces and hyphens are dropped, a
 * spreadsheet number ({@code 1234567893.0}) is read as its digits, and OCR letters inside the
 * digits are repaired (marked corrected); the check digit then has the last word, so a wrong
 * repair does not pass. Stateless and thread-safe.
 */
public final class Npi {

    private Npi() {
    }

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.spreadsheetInteger(Text.squeeze(raw)).replaceAll("[\\s-]", "");
        Ocr.Repaired repaired = Ocr.digitRuns(s);
        String digits = repaired.text();
        if (!digits.matches("\\d+")) {
            return Normalized.invalid(Text.quote(raw) + " is not an NPI: an NPI is 10 digits");
        }
        if (digits.length() != 10) {
            return Normalized.invalid(Text.quote(raw) + " is not an NPI: it has " + digits.length()
                    + " digits, an NPI has 10");
        }
        if (digits.charAt(0) != '1' && digits.charAt(0) != '2') {
            return Normalized.invalid(Text.quote(raw) + " is not an NPI: NPIs start with 1 or 2");
        }
        if (!isValid(digits)) {
            return Normalized.invalid(Text.quote(raw) + " is not a valid NPI: the check digit does not match"
                    + (repaired.changed() ? " (after reading letters as digits)" : " (a misread digit?)"));
        }
        return Normalized.ok(digits, repaired.changed());
    }

    /** Whether ten digits pass the NPI check: Luhn over the card issuer prefix "80840" and the digits. */
    public static boolean isValid(String tenDigits) {
        return tenDigits != null && tenDigits.matches("\\d{10}") && LuhnCheckDigit.LUHN_CHECK_DIGIT.isValid("80840" + tenDigits);
    }
}
