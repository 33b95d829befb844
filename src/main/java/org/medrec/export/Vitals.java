package org.medrec.export;

import java.util.List;
import java.util.Map;

/**
 * The vital signs of the store ({@code vital_sign.kind}) as FHIR R4 vital-sign Observations:
 * LOINC codes, the core vital-sign profiles and the UCUM units. Immutable; thread-safe.
 */
final class Vitals {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String BP_PANEL = "85354-9";

    /** A LOINC code with its display. */
    record Loinc(String code, String display) {
    }

    /** How one kind of vital sign is exported: its codes (the first the main one) and profile. */
    record Kind(List<Loinc> codes, String profile) {
    }

    static final Map<String, Kind> KINDS = Map.of(
            "pulse", kind("heartrate", new Loinc("8867-4", "Heart rate")),
            "resp_rate", kind("resprate", new Loinc("9279-1", "Respiratory rate")),
            "temp_f", kind("bodytemp", new Loinc("8310-5", "Body temperature")),
            "weight_lb", kind("bodyweight", new Loinc("29463-7", "Body weight")),
            "height_in", kind("bodyheight", new Loinc("8302-2", "Body height")),
            "spo2", kind("oxygensat", new Loinc("2708-6", "Oxygen saturation in Arterial blood"),
                    new Loinc("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry")));

    static final Loinc BP = new Loinc(BP_PANEL, "Blood pressure panel with all children optional");
    static final String BP_PROFILE = profile("bp");
    static final Loinc SYSTOLIC = new Loinc("8480-6", "Systolic blood pressure");
    static final Loinc DIASTOLIC = new Loinc("8462-4", "Diastolic blood pressure");

    /** UCUM code (as the store keeps it) to the unit people read. */
    private static final Map<String, String> UNIT_DISPLAY = Map.of("mm[Hg]", "mmHg", "/min", "/min", "[degF]", "degF",
            "Cel", "Cel", "[lb_av]", "lb", "kg", "kg", "[in_i]", "in", "cm", "cm", "%", "%");

    private Vitals() {
    }

    static String unitDisplay(String ucum) {
        return UNIT_DISPLAY.getOrDefault(ucum, ucum);
    }

    private static Kind kind(String profile, Loinc... codes) {
        return new Kind(List.of(codes), profile(profile));
    }

    private static String profile(String name) {
        return "http://hl7.org/fhir/StructureDefinition/" + name;
    }
}
