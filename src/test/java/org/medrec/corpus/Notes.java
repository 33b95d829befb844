package org.medrec.corpus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Field;

/**
 * Progress notes: a header (patient, visit date, provider, NPI), then free-text sections under one of several
 * wordings: reason, vitals as prose, history, allergies, assessment with ICD-10 codes, prescriptions, plan.
 */
final class Notes {

    private static final List<String> TITLES = List.of("Progress Note", "Office Visit Note", "Clinic Note",
            "Visit Note", "SOAP Note", "Follow-up Note", "Encounter Summary", "Provider Note");
    private static final List<String> REASONS = List.of("Follow-up hypertension", "Cough for five days",
            "Annual physical exam", "Low back pain", "Medication review", "Sore throat and fever",
            "Diabetes follow-up", "Headaches for two weeks", "Rash on forearm", "Fatigue");

    static Document note(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        Map<String, Object> record = id.record;
        People.Provider doctor = people.provider();
        LocalDate visit = LocalDate.of(2019, 1, 1).plusDays(style.random.nextInt(1990));
        String reason = style.pick(REASONS);
        String provider = doctor.printed(style.random.nextInt(4));
        int systolic = 104 + style.random.nextInt(60), diastolic = 62 + style.random.nextInt(34);
        int pulse = 56 + style.random.nextInt(50), resp = 12 + style.random.nextInt(9), spo2 = 93 + style.random.nextInt(7);
        String temp = (97 + style.random.nextInt(3)) + "." + style.random.nextInt(10);
        String weight = (110 + style.random.nextInt(150)) + "." + style.random.nextInt(10);
        List<Clinical.Diagnosis> dx = style.some(Clinical.DIAGNOSES, 1 + style.random.nextInt(3));
        List<Clinical.Diagnosis> history = style.some(Clinical.DIAGNOSES, style.random.nextInt(3));
        List<Clinical.Drug> rx = style.some(Clinical.DRUGS, style.random.nextInt(3));
        List<String[]> allergies = style.some(Clinical.ALLERGIES, style.random.nextInt(2));

        Map<String, Object> vitals = Truth.entry("bp_systolic", systolic, "bp_diastolic", diastolic, "pulse", pulse,
                "resp_rate", resp, "temp_f", temp, "weight_lb", weight, "spo2", spo2);
        List<Map<String, Object>> diagnoses = new ArrayList<>();
        dx.forEach(d -> diagnoses.add(Truth.entry("code", d.code(), "display", d.display())));
        Truth.list(record, "encounters").add(Truth.entry("date", visit.toString(), "provider", provider,
                "npi", doctor.npi(), "reason", reason, "diagnoses", diagnoses, "vitals", vitals));
        history.forEach(d -> Truth.list(record, "conditions").add(Truth.entry("code", d.code(), "display", d.display())));
        allergies.forEach(a -> Truth.list(record, "allergies").add(Truth.entry("substance", a[0], "reaction", a[1])));
        rx.forEach(d -> Truth.list(record, "medications").add(Truth.entry("name", d.name(), "dose", d.dose(),
                "route", d.route(), "frequency", d.frequency())));

        Set<String> hand = Set.of();
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, hand);
        l.letterhead(clinic, style.pick(TITLES));
        List<Field> fields = new ArrayList<>(id.fields);
        fields.add(new Field("visit_date", "encounters[0].date", style.date(visit)));
        fields.add(new Field("provider", "encounters[0].provider", provider));
        fields.add(new Field("npi", "encounters[0].npi", doctor.npi()));
        l.fields(fields);
        sheet.y += 8;
        boolean spelled = style.chance(0.4);
        section(l, style.pick(List.of("Chief Complaint", "CC", "Reason for Visit", "Presenting Complaint")), reason,
                "encounters[0].reason");
        section(l, "HPI", "Patient reports " + reason.toLowerCase() + ". No chest pain, shortness of breath or "
                + "fever. Tolerating current medications.", null);
        String vs = style.chance(0.5)
                ? "BP " + systolic + "/" + diastolic + "   HR " + pulse + "   RR " + resp + "   Temp " + temp
                + " F   Wt " + weight + " lb   SpO2 " + spo2 + "%"
                : "Blood pressure " + systolic + "/" + diastolic + ", pulse " + pulse + ", respirations " + resp
                + ", temperature " + temp + " F, weight " + weight + " lb, oxygen saturation " + spo2 + "%.";
        section(l, style.pick(List.of("Vitals", "Vital Signs", "VS")), vs, null);
        section(l, style.pick(List.of("PMH", "Past Medical History", "History")), history.isEmpty() ? "None."
                : String.join("; ", history.stream().map(d -> d.display() + " (" + d.code() + ")").toList()), null);
        section(l, style.pick(List.of("Allergies", "Drug Allergies", "ALL")), allergies.isEmpty() ? "NKDA"
                : String.join("; ", allergies.stream().map(a -> a[0] + " - " + a[1].toLowerCase()).toList()), null);
        section(l, "Exam", "Alert, no distress. Heart regular rate and rhythm. Lungs clear bilaterally.", null);
        String heading = style.pick(List.of("Assessment", "Impression", "Assessment and Plan", "Dx", "Diagnoses"));
        for (int i = 0; i < dx.size(); i++) {
            Clinical.Diagnosis d = dx.get(i);
            section(l, i == 0 ? heading : "", (i + 1) + ". " + d.code() + " " + d.display(), null);
        }
        if (!rx.isEmpty()) {
            String rxHeading = style.pick(List.of("Rx", "Prescriptions", "Medications Prescribed", "New Medications"));
            for (int i = 0; i < rx.size(); i++) {
                Clinical.Drug d = rx.get(i);
                String sig = spelled ? Clinical.spelled(d.route()) + " " + Clinical.spelled(d.frequency())
                        : d.route() + " " + d.frequency();
                section(l, i == 0 ? rxHeading : "", d.name() + " " + d.dose() + " " + sig, null);
            }
        }
        section(l, style.pick(List.of("Plan", "F/U", "Follow-up")), "Return in " + (2 + style.random.nextInt(10))
                + " weeks or sooner if symptoms worsen.", null);
        sheet.y += 14;
        sheet.font(style.face, true, style.size);
        sheet.text("Electronically signed by " + provider + " on " + style.date(visit), Layout.LEFT, sheet.y);
        l.footer("Note " + clinic.slug(), 1, 1);
        return new Document("note", "gen-note" + (spelled ? "-spelled" : ""), clinic, List.of(sheet), record, List.of(),
                false, style.renderInfo());
    }

    /** "Heading: text" on one line (wrapped); an empty heading continues the previous section. */
    private static void section(Layout l, String heading, String text, String path) {
        Sheet s = l.sheet;
        double x = Layout.LEFT;
        if (!heading.isEmpty()) {
            s.font(l.style.face, true, l.style.size);
            s.text(l.style.cased(heading) + ":", x, s.y);
            x += s.width(l.style.cased(heading) + ":") + 6;
        } else {
            x += 14;
        }
        s.font(l.style.face, false, l.style.size);
        if (path != null || s.width(text) < Layout.RIGHT - x) {
            s.value(path, text, x, s.y);
            s.y += l.style.size * 1.6;
        } else {
            l.paragraph(text, x - Layout.LEFT);
            s.y += l.style.size * 0.15;
        }
    }

    private Notes() {
    }
}
