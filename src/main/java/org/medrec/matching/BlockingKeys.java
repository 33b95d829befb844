package org.medrec.matching;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The blocks a patient is compared within, so that a new patient is compared with a few others,
 * not the whole register: the birth year (a typo in a name or a swapped day and month keeps it),
 * the Soundex of the family name with the given name's initial (a typo in the year keeps it), and
 * the phone's digits. Keys are scoped by the identifier system by the caller. Stateless.
 */
public final class BlockingKeys {

    private BlockingKeys() {
    }

    public static Set<String> of(Demographics d) {
        Set<String> keys = new LinkedHashSet<>();
        if (d.birthDate() != null) {
            keys.add("y:" + d.birthDate().getYear());
        }
        String family = Strings.soundex(Strings.fold(d.family()));
        String given = Strings.fold(d.firstGiven());
        if (!family.isEmpty() && !given.isEmpty()) {
            keys.add("n:" + family + ":" + given.charAt(0));
        }
        String phone = FieldComparisons.digits(d.phone());
        if (phone.length() >= 7) {
            keys.add("p:" + phone);
        }
        return keys;
    }
}
