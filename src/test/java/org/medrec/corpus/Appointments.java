package org.medrec.corpus;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Cell;

/** Appointment histories: date, time, provider, visit type and what became of it, in a clinic's own codes. */
final class Appointments {

    private static final List<String> TITLES = List.of("Appointment History", "Scheduling History", "Appointment Log",
            "Visit Log", "Appointment List", "Patient Appointments");
    /**
     * Printed status words by FHIR status, one vocabulary per clinic (no word that is a FHIR status of its own,
     * such as "Arrived" or "Pending").
     */
    private static final List<Map<String, String>> STATUS_WORDS = List.of(
            Map.of("fulfilled", "Completed", "noshow", "No-show", "cancelled", "Cancelled", "booked", "Scheduled"),
            Map.of("fulfilled", "Kept", "noshow", "No Show", "cancelled", "Canceled", "booked", "Booked"),
            Map.of("fulfilled", "KEPT", "noshow", "N/S", "cancelled", "CXL", "booked", "SCHED"),
            Map.of("fulfilled", "Seen", "noshow", "Missed", "cancelled", "Cancelled", "booked", "Scheduled"));

    static Document appointments(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        Map<String, Object> record = id.record;
        List<People.Provider> doctors = List.of(people.provider(), people.provider());
        int form = style.random.nextInt(4);
        Map<String, String> words = style.pick(STATUS_WORDS);
        DateTimeFormatter times = DateTimeFormatter.ofPattern(style.pick(List.of("h:mm a", "hh:mm a", "HH:mm")),
                Locale.US);
        int n = 8 + style.random.nextInt(style.chance(0.15) ? 30 : 14);
        LocalDate date = LocalDate.of(2017, 1, 2).plusDays(style.random.nextInt(900));
        List<Cell[]> rows = new ArrayList<>();
        List<String> cols = Layout.shuffledTail(List.of("appt_date", "time", "with", "type", "status"), style.random);
        int last = n - 1;
        Set<String> hand = Handwriting.pick(style, List.of("appointments[" + last + "].status",
                "appointments[" + (last - 1) + "].status", "appointments[" + last + "].time"));
        for (int i = 0; i < n; i++) {
            date = date.plusDays(5 + style.random.nextInt(70));
            while (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
                date = date.plusDays(1);
            }
            LocalTime time = LocalTime.of(8 + style.random.nextInt(9), 15 * style.random.nextInt(4));
            People.Provider doctor = doctors.get(style.random.nextInt(2));
            String type = style.pick(Clinical.VISIT_TYPES);
            String status = i == n - 1 && style.chance(0.5) ? "booked"
                    : style.pick(List.of("fulfilled", "fulfilled", "fulfilled", "fulfilled", "noshow", "cancelled"));
            String provider = doctor.printed(form);
            Truth.list(record, "appointments").add(Truth.entry("date", date.toString(), "time", time.toString(),
                    "provider", provider, "type", type, "status", status));
            String at = "appointments[" + i + "].";
            Cell[] row = new Cell[cols.size()];
            for (int c = 0; c < cols.size(); c++) {
                row[c] = switch (cols.get(c)) {
                    case "appt_date" -> new Cell(style.date(date), at + "date");
                    case "time" -> new Cell(time.format(times), at + "time");
                    case "with" -> new Cell(provider, at + "provider");
                    case "type" -> new Cell(type, at + "type");
                    default -> new Cell(words.get(status), at + "status");
                };
            }
            rows.add(row);
        }
        double[] widths = cols.stream().mapToDouble(c -> switch (c) {
            case "with" -> 170;
            case "type" -> 110;
            default -> 80;
        }).toArray();
        List<String> headers = cols.stream().map(c -> style.label("col." + c)).toList();
        int perPage = 24;
        List<Sheet> pages = new ArrayList<>();
        int pageCount = (rows.size() + perPage - 1) / perPage;
        String title = style.pick(TITLES);
        for (int page = 0; page < pageCount; page++) {
            Sheet sheet = new Sheet(style.dpi);
            Layout l = new Layout(sheet, style, hand);
            l.letterhead(clinic, page == 0 ? title : title + " (continued)");
            l.fields(id.fields);
            l.table(headers, widths, rows.subList(page * perPage, Math.min(rows.size(), (page + 1) * perPage)), null);
            l.footer("SCHED-" + clinic.slug().toUpperCase(), page + 1, pageCount);
            pages.add(sheet);
        }
        return new Document("appointments", "gen-appt", clinic, pages, record, List.copyOf(hand), false,
                style.renderInfo());
    }

    private Appointments() {
    }
}
