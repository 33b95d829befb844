package org.medrec.matching;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The comparison of two patients: each field's agreement, the total weight, and whether the pair
 * is a possible duplicate that a person must look at. Immutable.
 */
public record MatchScore(Map<MatchField, Agreement> agreements, double weight, boolean possibleDuplicate) {

    public MatchScore {
        agreements = java.util.Collections.unmodifiableMap(new EnumMap<>(agreements));
    }

    public Agreement agreement(MatchField field) {
        return agreements.get(field);
    }

    /** For a review item: {@code weight 15.0: family name close, given name close, birth date exact, ...}. */
    public String summary() {
        return String.format(Locale.ROOT, "match weight %.1f: ", weight) + agreements.entrySet().stream()
                .map(e -> e.getKey().label() + " " + e.getValue().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
