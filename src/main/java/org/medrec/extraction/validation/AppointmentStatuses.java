package org.medrec.extraction.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Printed appointment statuses as FHIR Appointment.status: {@code fulfilled}, {@code noshow},
 * {@code cancelled}, {@code booked}.
 *
 * <ul>
 *   <li>fulfilled: KEPT, Completed, Complete, Seen, Arrived, Arrived and seen, Checked out.
 *       "Arrived" is fulfilled, not FHIR's {@code arrived}, because these are histories of past
 *       visits (the labelled corpus reads it so);</li>
 *   <li>noshow: N/S, NS, No show, No-show, DNKA, DNA, Missed;</li>
 *   <li>cancelled: CXL, CANC, CANCL, Cancel, Cancelled, Canceled, Pt cancelled, Patient cancelled,
 *       Cancelled by patient, Provider cancelled, Office cancelled;</li>
 *   <li>booked: Scheduled, SCHED, SCH, Booked, Confirmed.</li>
 * </ul>
 * Case, spaces and punctuation do not matter. Anything else (Rescheduled, Late cancel, Checked
 * in, Left without being seen, ...) is INVALID and goes to review: those do not map to one FHIR
 * status without knowing the clinic's practice.
 *
 * <p>A printed legend ({@code KEPT=COMPLETED N/S=NO SHOW CANC=CANCELLED SCHED=SCHEDULED}) can
 * teach an instance a clinic's own codes with {@link #withLegend(String)}. Instances are immutable
 * and thread-safe.
 */
public final class AppointmentStatuses {

    private static final Map<String, String> STANDARD = standardTable();
    private static final Pattern LEGEND_CODE = Pattern.compile("([A-Za-z][A-Za-z/.\\-]{0,11})\\s*=\\s*");

    private final Map<String, String> table;

    private AppointmentStatuses(Map<String, String> table) {
        this.table = Map.copyOf(table);
    }

    public static AppointmentStatuses standard() {
        return new AppointmentStatuses(STANDARD);
    }

    /**
     * An instance that also knows the codes a printed legend defines, each by the standard meaning
     * of its explanation ({@code CO=CHECKED OUT} teaches CO as fulfilled). A code whose
     * explanation is not a known status is left out; a legend entry overrides the standard
     * reading of its code.
     */
    public AppointmentStatuses withLegend(String legend) {
        if (Text.isBlank(legend)) {
            return this;
        }
        Map<String, String> extended = new HashMap<>(table);
        Matcher m = LEGEND_CODE.matcher(legend);
        List<LegendCode> codes = new ArrayList<>();
        while (m.find()) {
            codes.add(new LegendCode(m.group(1), m.start(), m.end()));
        }
        for (int i = 0; i < codes.size(); i++) {
            int end = i + 1 < codes.size() ? codes.get(i + 1).start() : legend.length();
            String meaning = legend.substring(codes.get(i).end(), end).replaceAll("[,;\\s]+$", "");
            String status = STANDARD.get(Text.key(meaning));
            if (status != null) {
                extended.put(Text.key(codes.get(i).code()), status);
            }
        }
        return new AppointmentStatuses(extended);
    }

    public Normalized normalize(String raw) {
        if (Text.isBlank(raw)) {
            return Normalized.empty();
        }
        String status = table.get(Text.key(raw));
        if (status == null) {
            return Normalized.invalid("appointment status " + Text.quote(raw) + " is not one medrec maps to "
                    + "fulfilled, noshow, cancelled or booked");
        }
        return Normalized.ok(status);
    }

    private record LegendCode(String code, int start, int end) {
    }

    private static Map<String, String> standardTable() {
        Map<String, String> t = new HashMap<>();
        for (String s : List.of("kept", "completed", "complete", "seen", "arrived", "arrived and seen", "arrived/seen",
                "checked out", "check out", "checkedout")) {
            t.put(Text.key(s), "fulfilled");
        }
        for (String s : List.of("n/s", "ns", "no show", "no-show", "noshow", "dnka", "dna", "did not attend",
                "did not keep appointment", "missed", "missed appointment")) {
            t.put(Text.key(s), "noshow");
        }
        for (String s : List.of("cxl", "canc", "cancl", "cancel", "cancelled", "canceled", "pt cancelled", "pt canceled",
                "patient cancelled", "patient canceled", "cancelled by patient", "canceled by patient",
                "cancelled by provider", "canceled by provider", "provider cancelled", "provider canceled",
                "office cancelled", "office canceled")) {
            t.put(Text.key(s), "cancelled");
        }
        for (String s : List.of("scheduled", "sched", "sch", "booked", "confirmed")) {
            t.put(Text.key(s), "booked");
        }
        return Map.copyOf(t);
    }
}
