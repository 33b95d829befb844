package org.medrec.extraction.chart;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.regex.Pattern;
import org.medrec.extraction.validation.ClinicalDates;

/**
 * A clinic whose charts medrec knows: how its letterhead reads, the identifier system of its
 * medical record numbers and their format, and whether it writes numeric dates month first.
 * Immutable.
 */
public record ClinicSpec(String name, String identifierSystem, List<String> letterhead, Pattern mrn, ClinicalDates.Order dateOrder) {

    public ClinicSpec {
        if (name == null || identifierSystem == null || mrn == null) {
            throw new IllegalArgumentException("a clinic needs its name, identifier-system and mrn");
        }
        letterhead = letterhead == null ? List.of() : List.copyOf(letterhead);
    }

    /** A clinic as {@code clinics.yml} lists it; {@code dates} is month-first (the default) or day-first. */
    @JsonCreator
    static ClinicSpec of(@JsonProperty("name") String name, @JsonProperty("identifier-system") String identifierSystem,
                         @JsonProperty("letterhead") List<String> letterhead, @JsonProperty("mrn") String mrn,
                         @JsonProperty("dates") String dates) {
        ClinicalDates.Order order = switch (dates == null ? "month-first" : dates) {
            case "month-first" -> ClinicalDates.Order.MONTH_FIRST;
            case "day-first" -> ClinicalDates.Order.DAY_FIRST;
            default -> throw new IllegalArgumentException("dates must be month-first or day-first, not " + dates);
        };
        return new ClinicSpec(name, identifierSystem, letterhead, mrn == null ? null : Pattern.compile(mrn), order);
    }
}
