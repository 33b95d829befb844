package org.medrec.matching;

import java.util.EnumMap;
import java.util.Map;

/**
 * Compares two patients' demographics, Fellegi-Sunter style: each field is exact, close,
 * different or missing, and the weights of the levels add up. A pair is a possible duplicate when
 * the total reaches {@code threshold} and, whatever the total, the birth dates agree at least
 * closely and the given names do (or, missing, the family names do): twins, spouses, a parent and
 * a child with the same name share an address and a phone but not a birth date and a given name.
 * A possible duplicate is only ever a question for a person (a wrong merge is worse than a missed
 * one). Immutable and thread-safe.
 */
public final class PatientComparator {

    private final MatchWeights weights;
    private final double threshold;
    private final Nicknames nicknames;

    public PatientComparator(MatchWeights weights, double threshold, Nicknames nicknames) {
        this.weights = weights;
        this.threshold = threshold;
        this.nicknames = nicknames;
    }

    public MatchScore compare(Demographics a, Demographics b) {
        Map<MatchField, Agreement> levels = new EnumMap<>(MatchField.class);
        levels.put(MatchField.FAMILY, FieldComparisons.family(a.family(), b.family()));
        levels.put(MatchField.GIVEN, FieldComparisons.given(a.firstGiven(), b.firstGiven(), nicknames));
        levels.put(MatchField.BIRTH_DATE, FieldComparisons.birthDate(a.birthDate(), b.birthDate()));
        levels.put(MatchField.SEX, FieldComparisons.sex(a.sex(), b.sex()));
        levels.put(MatchField.ADDRESS, FieldComparisons.address(a.addressLine(), a.postalCode(), b.addressLine(), b.postalCode()));
        levels.put(MatchField.PHONE, FieldComparisons.phone(a.phone(), b.phone()));
        double total = 0;
        for (var e : levels.entrySet()) {
            total += weights.weight(e.getKey(), e.getValue());
        }
        boolean birth = agrees(levels.get(MatchField.BIRTH_DATE));
        Agreement given = levels.get(MatchField.GIVEN);
        boolean names = agrees(given) || (given == Agreement.MISSING && agrees(levels.get(MatchField.FAMILY)));
        return new MatchScore(levels, Math.round(total * 10) / 10.0, birth && names && total >= threshold);
    }

    private static boolean agrees(Agreement a) {
        return a == Agreement.EXACT || a == Agreement.CLOSE;
    }
}
