package org.medrec.extraction.validation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Procedure codes on charges: CPT ({@code 99213}; category II {@code 3074F}, category III
 * {@code 0042T}, PLA {@code 0001U}) and HCPCS level II ({@code J3420}). Format only, not whether
 * the code exists.
 *
 * <p>HCPCS level II sections are A-E, G, H, J-M and P-V; the letters F, I, N and O are not used,
 * which is stricter than {@code [A-V]} and lets {@code O9213} be read as the OCR confusion it is.
 * A spreadsheet number {@code 99213.0} is {@code 99213}. OCR letters inside the digits are repaired
 * (corrected); when a repair allows both a CPT and a HCPCS reading ({@code S9O83}), the result is
 * AMBIGUOUS. A code with a modifier ({@code 99214-25}) is AMBIGUOUS with the bare code proposed,
 * because the record model has no place for the modifier. Stateless and thread-safe.
 */
public final class Cpt {

    private static final Pattern CPT = Pattern.compile("[0-9]{4}[0-9FTU]");
    private static final Pattern HCPCS = Pattern.compile("[A-EGHJ-MP-V][0-9]{4}");
    private static final Pattern WITH_MODIFIER = Pattern.compile("(\\w{5})\\s*[-\\s]\\s*(\\w{2})");

    private Cpt() {
    }

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String s = Text.spreadsheetInteger(Text.squeeze(raw));
        Matcher modifier = WITH_MODIFIER.matcher(s);
        if (modifier.matches()) {
            Normalized code = code(modifier.group(1), raw);
            if (code.status() == Normalized.Status.INVALID) {
                return code;
            }
            return Normalized.ambiguous(code.value(), "modifier '" + modifier.group(2).toUpperCase(Locale.ROOT)
                    + "' after code " + code.value() + " has no place in the record; confirm the code without it",
                    code.corrected());
        }
        return code(s, raw);
    }

    private static Normalized code(String s, String raw) {
        String upper = s.toUpperCase(Locale.ROOT);
        if (CPT.matcher(upper).matches() || HCPCS.matcher(upper).matches()) {
            return Normalized.ok(upper);
        }
        Set<String> readings = new LinkedHashSet<>();
        String allDigits = Ocr.digitRuns(s).text().toUpperCase(Locale.ROOT);
        if (CPT.matcher(allDigits).matches()) {
            readings.add(allDigits);
        }
        if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
            String letterKept = upper.charAt(0) + Ocr.digitRuns(s.substring(1)).text().toUpperCase(Locale.ROOT);
            if (HCPCS.matcher(letterKept).matches()) {
                readings.add(letterKept);
            }
        }
        if (readings.size() == 1) {
            return Normalized.corrected(readings.iterator().next());
        }
        if (readings.size() > 1) {
            return Normalized.ambiguous(null, Text.quote(raw) + " may be read as " + String.join(" or ", readings), true);
        }
        return Normalized.invalid(Text.quote(raw) + " is not a CPT or HCPCS code");
    }
}
