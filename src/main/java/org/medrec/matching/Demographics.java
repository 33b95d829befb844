package org.medrec.matching;

import java.time.LocalDate;
import java.util.List;

/**
 * What a possible-duplicate comparison looks at of one patient: names, birth date, sex, first
 * address line with postal code, and phone. Any part may be missing (null or empty). Immutable.
 */
public record Demographics(String family, List<String> given, LocalDate birthDate, String sex, String addressLine,
                           String postalCode, String phone) {

    public Demographics {
        given = given == null ? List.of() : given.stream().filter(g -> g != null && !g.isBlank()).toList();
    }

    /** The first given name, or null. */
    public String firstGiven() {
        return given.isEmpty() ? null : given.get(0);
    }
}
