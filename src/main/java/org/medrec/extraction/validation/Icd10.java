package org.medrec.extraction.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ICD-10-CM diagnosis codes in their printed form with the dot ({@code E11.9}).
 *
 * <p>Checks the format only ({@code ^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$}), not that the
 * code exists in the current code set. Also accepted: the special-purpose codes ICD-10-CM has
 * adopted from the WHO's U chapter ({@code U07.0}, {@code U07.1}, {@code U09.9}); other U codes
 * are INVALID. Letters are upper-cased, and a legacy code without the dot ({@code E119},
 * {@code Z00129}) gets the dot after the third character.
 *
 * <p>OCR repairs, each marked corrected, only where the position allows a single reading:
 * <ul>
 *   <li>first character (always a letter): 0 to O, 1 or | to I, 5 to S, 8 to B, 2 to Z. When the
 *       whole code is then also an ICD-9-CM code ({@code 250.00}, {@code 110}, {@code 25000}: three
 *       digits and up to two decimals), the result is AMBIGUOUS with the ICD-10 reading proposed,
 *       because legacy data may hold ICD-9 codes. A lowercase {@code l} there could be I or L (and
 *       a spreadsheet may hold codes typed in lower case), so that is AMBIGUOUS with I
 *       proposed;</li>
 *   <li>second character (always a digit): O to 0, I, l or | to 1, S to 5, B to 8, Z to 2;</li>
 *   <li>third character (a digit, A or B): O to 0, I, l or | to 1, S to 5, Z to 2;</li>
 *   <li>after the dot: O to 0 and I, l or | to 1 (ICD-10-CM uses neither I, L nor O there);</li>
 *   <li>a comma for the dot ({@code E11,9}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class Icd10 {

    private static final Pattern CODE = Pattern.compile("[A-TV-Z][0-9][0-9AB](?:\\.[0-9A-TV-Z]{1,4})?");
    private static final Set<String> U_CODES = Set.of("U07.0", "U07.1", "U09.9");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;|/\\s]+");
    private static final Pattern ICD9_LIKE = Pattern.compile("\\d{3}(?:\\.?\\d{1,2})?");
    /** The day ICD-10-CM replaced ICD-9-CM for US diagnoses. */
    public static final LocalDate ICD10_CM_EFFECTIVE = LocalDate.of(2015, 10, 1);

    private Icd10() {
    }

    /**
     * As {@link #normalize(String)}, for a diagnosis made on {@code serviceDate}. Before
     * {@link #ICD10_CM_EFFECTIVE} US diagnoses were coded in ICD-9-CM, whose V codes
     * ({@code V70.0}) look like ICD-10-CM codes with another meaning, so a code that would be OK is
     * AMBIGUOUS then.
     */
    public static Normalized normalize(String raw, LocalDate serviceDate) {
        Normalized result = normalize(raw);
        if (serviceDate != null && serviceDate.isBefore(ICD10_CM_EFFECTIVE) && result.isOk()) {
            return Normalized.ambiguous(result.value(), "service date " + serviceDate + " is before ICD-10-CM took "
                    + "effect on " + ICD10_CM_EFFECTIVE + ": " + Text.quote(raw) + " may be an ICD-9-CM code",
                    result.corrected());
        }
        return result;
    }

    private static final Pattern BRACKETS = Pattern.compile("^[(\\[]+|[)\\]]+$");
    private static final Pattern TRAILING_DOTS = Pattern.compile("\\.+$");
    private static final Pattern SPACED_DOT = Pattern.compile("\\s*\\.\\s*");
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[A-Za-z0-9|]{3},[A-Za-z0-9|]{1,4}");
    private static final Pattern CODE_CHARACTERS = Pattern.compile("[A-Za-z0-9|.]+");

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = TRAILING_DOTS.matcher(BRACKETS.matcher(Text.squeeze(raw)).replaceAll("")).replaceAll("");
        s = SPACED_DOT.matcher(s).replaceAll(".");
        boolean corrected = false;
        if (DECIMAL_COMMA.matcher(s).matches()) {
            s = s.replace(',', '.');
            corrected = true;
        }
        if (s.isEmpty() || !CODE_CHARACTERS.matcher(s).matches()) {
            return Normalized.invalid(Text.quote(raw) + " is not an ICD-10-CM code"
                    + (s.contains(" ") ? " (more than one code in one field?)" : ""));
        }
        String body = s.replace(".", "");
        int dot = s.indexOf('.');
        if (s.indexOf('.', dot + 1) >= 0 || (dot >= 0 && dot != 3) || body.length() < 3 || body.length() > 7) {
            return Normalized.invalid(Text.quote(raw) + " is not an ICD-10-CM code: it needs a letter, two "
                    + "characters, and up to four more after a dot");
        }
        StringBuilder code = new StringBuilder(8);
        String ambiguity = null;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            char fixed;
            if (i == 0) {
                if (c == 'l') {
                    ambiguity = "first character 'l' may be I or L";
                    fixed = 'I';
                } else {
                    fixed = switch (c) {
                        case '0' -> 'O';
                        case '1', '|' -> 'I';
                        case '5' -> 'S';
                        case '8' -> 'B';
                        case '2' -> 'Z';
                        default -> Character.toUpperCase(c);
                    };
                }
            } else if (i == 1) {
                fixed = switch (c) {
                    case 'O', 'o' -> '0';
                    case 'I', 'i', 'l', '|' -> '1';
                    case 'S', 's' -> '5';
                    case 'B' -> '8';
                    case 'Z', 'z' -> '2';
                    default -> Character.toUpperCase(c);
                };
            } else if (i == 2) {
                fixed = switch (c) {
                    case 'O', 'o' -> '0';
                    case 'I', 'i', 'l', '|' -> '1';
                    case 'S', 's' -> '5';
                    case 'Z', 'z' -> '2';
                    default -> Character.toUpperCase(c);
                };
            } else {
                fixed = switch (c) {
                    case 'O', 'o' -> '0';
                    case 'I', 'i', 'l', '|' -> '1';
                    default -> Character.toUpperCase(c);
                };
            }
            corrected |= Character.toUpperCase(c) != fixed;
            code.append(fixed);
        }
        if (code.length() > 3) {
            code.insert(3, '.');
        }
        String result = code.toString();
        if (result.startsWith("U")) {
            if (U_CODES.contains(result)) {
                return ambiguity == null ? Normalized.ok(result, corrected) : Normalized.ambiguous(result, ambiguity, corrected);
            }
            return Normalized.invalid(Text.quote(raw) + ": U codes are reserved; ICD-10-CM uses only "
                    + String.join(", ", U_CODES.stream().sorted().toList()));
        }
        if (!CODE.matcher(result).matches()) {
            return Normalized.invalid(Text.quote(raw) + " is not an ICD-10-CM code" + hint(result));
        }
        if (ambiguity != null) {
            return Normalized.ambiguous(result, ambiguity + " (" + result + " or L" + result.substring(1) + ")", corrected);
        }
        if ((Character.isDigit(body.charAt(0)) || body.charAt(0) == '|')
                && ICD9_LIKE.matcher(s.replaceAll("[Oo]", "0").replaceAll("[Il|]", "1")).matches()) {
            return Normalized.ambiguous(result, Text.quote(raw) + " starts with a digit: an OCR misreading of " + result
                    + " or an ICD-9-CM code", true);
        }
        return Normalized.ok(result, corrected);
    }

    /** Every code in a field that lists several ({@code K21.9, R10.13}, {@code E03.9|E66.9}). */
    public static List<Normalized> normalizeAll(String raw) {
        List<Normalized> codes = new ArrayList<>();
        if (Text.isBlank(raw)) {
            return codes;
        }
        for (String part : LIST_SEPARATOR.split(Text.squeeze(raw))) {
            if (!part.isEmpty()) {
                codes.add(normalize(part));
            }
        }
        return List.copyOf(codes);
    }

    private static String hint(String code) {
        char first = code.charAt(0);
        if (!Character.isLetter(first)) {
            return ": it must start with a letter";
        }
        if (!Character.isDigit(code.charAt(1))) {
            return ": the second character must be a digit";
        }
        return "";
    }
}
