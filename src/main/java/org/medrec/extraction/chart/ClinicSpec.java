package org.medrec.extraction.chart;

import java.util.List;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.ClinicalDates;

/**
 * A clinic whose charts medrec knows: how its letterhead reads, the identifier system of its
 * medical record numbers and their format, and whether it writes numeric dates month first.
 * Immutable.
 */
record ClinicSpec(String name, String identifierSystem, List<String> letterhead, Pattern mrn, ClinicalDates.Order dateOrder) {

    ClinicSpec {
        letterhead = List.copyOf(letterhead);
    }
}
