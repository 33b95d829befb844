package org.medrec.extraction.validation;

import java.util.Map;

/**
 * Administrative sex as FHIR gender codes: {@code female}, {@code male}, {@code other},
 * {@code unknown}.
 *
 * <p>F, Female, W, Woman: female. M, Male, Man: male. U, Unknown, UNK: unknown. X, O, Other,
 * Non-binary: other. Case, periods and spaces do not matter. Anything else (also "declined",
 * a digit 0 or a checkbox mark) is INVALID: the form has to be looked at. Stateless and
 * thread-safe.
 */
public final class Sexes {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("f", "female"), Map.entry("female", "female"), Map.entry("w", "female"), Map.entry("woman", "female"),
            Map.entry("m", "male"), Map.entry("male", "male"), Map.entry("man", "male"),
            Map.entry("u", "unknown"), Map.entry("unknown", "unknown"), Map.entry("unk", "unknown"),
            Map.entry("x", "other"), Map.entry("o", "other"), Map.entry("other", "other"),
            Map.entry("nonbinary", "other"));

    private Sexes() {
    }

    public static Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String code = Text.squeeze(raw).matches("[\\p{L} .\\-]+") ? CODES.get(Text.key(raw)) : null;
        if (code == null) {
            return Normalized.invalid(Text.quote(raw) + " is not a sex medrec reads (female, male, other, unknown)");
        }
        return Normalized.ok(code);
    }
}
