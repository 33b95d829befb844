package org.medrec.extraction.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a patient's name into family name, given names and suffix, keeping case and accents as
 * written ({@code O'Brien}, {@code José}, {@code DELGADO}).
 *
 * <ul>
 *   <li>With a comma the part before it is the family name: {@code Delgado, Maria K},
 *       {@code DELGADO, MARIA K.}, {@code De Luca, Vincent Z}, {@code Delgado Jr, Maria},
 *       {@code Delgado, Maria K, Jr.}.</li>
 *   <li>Without a comma the caller says which order the label announces ({@code Name (Last,
 *       First)} is family first; the default is given first). Two names are then unambiguous
 *       ({@code Maria Delgado}). With three or more, a middle name cannot be told from a two-part
 *       family name ({@code Maria Garcia Lopez}, {@code Vincent De Luca}), so the result is
 *       AMBIGUOUS with the proposal given-names-then-one-family-name, unless the names between are
 *       initials ({@code Maria K. Delgado} is OK). One name alone is INVALID.</li>
 *   <li>Suffixes: Jr, Sr, II, III, IV (a trailing period dropped, case kept). {@code V} is read as
 *       an initial, never as a suffix.</li>
 *   <li>An initial loses its trailing period ({@code K.} is {@code K}); nothing else is changed.
 *       Digits or symbols other than apostrophes, hyphens and periods make the name INVALID.</li>
 * </ul>
 * The value of the result is {@code Family, Given Middle Suffix}. Meant for patients' names:
 * provider names are kept as printed and keyed by NPI. Stateless and thread-safe.
 */
public final class Names {

    /**
     * A first name as read: one letter alone (an initial where a first name is printed, or a name whose
     * other letters a fax or a stain lost) is proposed for a person to check, never loaded as it stands.
     */
    public static Normalized firstGiven(String given) {
        String letters = given.replaceAll("[.\\s]", "");
        return letters.codePointCount(0, letters.length()) == 1
                ? Normalized.ambiguous(given, "a first name of one letter: an initial as printed, or a name whose other"
                        + " letters were lost? check it")
                : Normalized.ok(given);
    }


    /** The order of the names when no comma separates them. */
    public enum Order { GIVEN_FIRST, FAMILY_FIRST }

    /** A split name; {@code family}, {@code given} and {@code suffix} are null unless the result has a value. */
    public record PersonName(Normalized result, String family, List<String> given, String suffix) {
        public PersonName {
            given = given == null ? null : List.copyOf(given);
        }
    }

    private static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv");
    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "di", "da", "dos", "das", "du",
            "la", "le", "van", "von", "ten", "ter", "st", "st.", "san", "santa", "bin", "ibn", "al", "el");

    private Names() {
    }

    public static PersonName parse(String raw) {
        return parse(raw, Order.GIVEN_FIRST);
    }

    public static PersonName parse(String raw, Order order) {
        Objects.requireNonNull(order, "order");
        if (Text.isBlank(raw)) {
            return new PersonName(Normalized.empty(), null, null, null);
        }
        String s = Text.squeeze(raw).replaceAll("\\s*,\\s*", ", ").replaceAll("[,\\s]+$", "");
        if (s.matches(".*\\d.*")) {
            return invalid(Text.quote(raw) + " holds digits; not a name as written (OCR?)");
        }
        if (!s.matches("[\\p{L}\\p{M}'\u2019`.\\-, ]+")) {
            return invalid(Text.quote(raw) + " holds characters that do not belong in a name");
        }
        return s.contains(",") ? withComma(s, raw) : withoutComma(s, raw, order);
    }

    private static PersonName withComma(String s, String raw) {
        List<String> parts = new ArrayList<>(Arrays.stream(s.split(",")).map(String::trim).toList());
        String suffix = null;
        if (parts.size() == 3 && isSuffix(parts.get(2))) {
            suffix = parts.remove(2);
        } else if (parts.size() == 3 && isSuffix(parts.get(1))) {
            suffix = parts.remove(1);
        }
        if (parts.size() != 2) {
            return invalid(Text.quote(raw) + " has too many commas to tell family from given names");
        }
        List<String> family = tokens(parts.get(0));
        List<String> given = tokens(parts.get(1));
        if (family.size() > 1 && isSuffix(last(family))) {
            if (suffix != null) {
                return invalid(Text.quote(raw) + " has two suffixes");
            }
            suffix = family.remove(family.size() - 1);
        }
        if (given.size() > 1 && isSuffix(last(given))) {
            if (suffix != null) {
                return invalid(Text.quote(raw) + " has two suffixes");
            }
            suffix = given.remove(given.size() - 1);
        }
        if (family.isEmpty() || given.isEmpty()) {
            return invalid(Text.quote(raw) + " lacks a " + (family.isEmpty() ? "family" : "given") + " name");
        }
        return name(null, String.join(" ", family), given, suffix);
    }

    private static PersonName withoutComma(String s, String raw, Order order) {
        List<String> tokens = tokens(s);
        String suffix = null;
        if (tokens.size() > 2 && isSuffix(last(tokens))) {
            suffix = tokens.remove(tokens.size() - 1);
        }
        if (tokens.size() < 2) {
            return invalid(Text.quote(raw) + " is a single name; cannot tell the family name from a given name");
        }
        if (tokens.size() == 2) {
            return order == Order.GIVEN_FIRST
                    ? name(null, tokens.get(1), List.of(tokens.get(0)), suffix)
                    : name(null, tokens.get(0), List.of(tokens.get(1)), suffix);
        }
        String ambiguity = "no comma and " + tokens.size() + " names: a middle name cannot be told from a two-part "
                + "family name";
        if (order == Order.FAMILY_FIRST) {
            boolean initialsAfter = tokens.size() == 3 && isInitial(tokens.get(2));
            return name(initialsAfter ? null : ambiguity, tokens.get(0), tokens.subList(1, tokens.size()), suffix);
        }
        List<String> middle = tokens.subList(1, tokens.size() - 1);
        if (middle.stream().allMatch(Names::isInitial)) {
            return name(null, last(tokens), tokens.subList(0, tokens.size() - 1), suffix);
        }
        int familyStart = tokens.size() - 1;
        while (familyStart > 1 && PARTICLES.contains(tokens.get(familyStart - 1).toLowerCase(Locale.ROOT))) {
            familyStart--;
        }
        return name(ambiguity, String.join(" ", tokens.subList(familyStart, tokens.size())),
                tokens.subList(0, familyStart), suffix);
    }

    private static PersonName name(String ambiguity, String family, List<String> given, String suffix) {
        List<String> cleanGiven = given.stream().map(g -> isInitial(g) ? g.replace(".", "") : g).toList();
        String cleanSuffix = suffix == null ? null : suffix.replaceAll("\\.$", "");
        String value = family + ", " + String.join(" ", cleanGiven) + (cleanSuffix == null ? "" : " " + cleanSuffix);
        Normalized result = ambiguity == null ? Normalized.ok(value) : Normalized.ambiguous(value, ambiguity);
        return new PersonName(result, family, cleanGiven, cleanSuffix);
    }

    private static PersonName invalid(String problem) {
        return new PersonName(Normalized.invalid(problem), null, null, null);
    }

    private static List<String> tokens(String part) {
        List<String> tokens = new ArrayList<>();
        for (String t : part.trim().split(" ")) {
            if (!t.isEmpty()) {
                tokens.add(t);
            }
        }
        return tokens;
    }

    private static String last(List<String> tokens) {
        return tokens.get(tokens.size() - 1);
    }

    private static boolean isSuffix(String token) {
        return SUFFIXES.contains(token.replaceAll("\\.$", "").toLowerCase(Locale.ROOT));
    }

    private static boolean isInitial(String token) {
        return token.matches("\\p{L}\\.?");
    }
}
