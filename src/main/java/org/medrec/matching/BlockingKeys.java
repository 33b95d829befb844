package org.medrec.matching;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The blocks a patient is compared within, so that a new patient is compared with a handful of
 * others, not the whole register (about 7 per birth date in a register of 200,000):
 * <ul>
 *   <li>the birth date with day and month in either order ({@code b:1977-05-14} for 14 May and for
 *       5 December): typos in the names, a changed surname, a day and month swapped;</li>
 *   <li>the Soundex of the family name, the given name's initial and the birth year: a typo in the
 *       month or day;</li>
 *   <li>the phone's digits: a birth date typed wrong altogether.</li>
 * </ul>
 * Keys are scoped by the identifier system by the caller. Stateless.
 */
public final class BlockingKeys {

    private BlockingKeys() {
    }

    public static Set<String> of(Demographics d) {
        Set<String> keys = new LinkedHashSet<>();
        LocalDate birth = d.birthDate();
        if (birth != null) {
            int low = Math.min(birth.getMonthValue(), birth.getDayOfMonth());
            int high = Math.max(birth.getMonthValue(), birth.getDayOfMonth());
            keys.add(String.format("b:%04d-%02d-%02d", birth.getYear(), low, high));
        }
        String family = Strings.soundex(Strings.fold(d.family()));
        String given = Strings.fold(d.firstGiven());
        if (!family.isEmpty() && !given.isEmpty() && birth != null) {
            keys.add("n:" + family + ":" + given.charAt(0) + ":" + birth.getYear());
        }
        String phone = FieldComparisons.digits(d.phone());
        if (phone.length() >= 7) {
            keys.add("p:" + phone);
        }
        return keys;
    }
}
