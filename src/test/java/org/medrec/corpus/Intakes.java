package org.medrec.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medrec.corpus.Layout.Field;

/** Registration (intake) forms: demographics, insurance, an emergency contact, sometimes allergies. */
final class Intakes {

    private static final List<String> TITLES = List.of("Patient Registration Form", "New Patient Information",
            "Patient Information Sheet", "Patient Demographics", "Registration Form", "Patient Intake Form",
            "New Patient Registration", "Patient Enrollment Form", "Patient Information Update");

    static Document intake(People people, People.Clinic clinic, Style style) {
        People.Patient p = people.patient(clinic);
        Identity id = new Identity(p, style);
        id.sex(p, style);
        Map<String, Object> record = id.record;
        Set<String> hand = Handwriting.pick(style, List.of("patient.phone", "patient.insurance[0].member_id",
                "patient.insurance[0].group", "patient.address.postal_code"));
        Sheet sheet = new Sheet(style.dpi);
        Layout l = new Layout(sheet, style, hand);
        l.letterhead(clinic, style.pick(TITLES));
        l.section(style.pick(List.of("Patient Information", "Patient Demographics", "About the Patient")));
        List<Field> fields = new ArrayList<>(id.fields);
        Truth.address(record, p.address());
        People.Address a = p.address();
        String line = a.line() + (a.line2() == null ? "" : ", " + a.line2());
        switch (style.random.nextInt(3)) {
            case 0 -> {
                fields.add(new Field("address", "patient.address.line[0]", line));
                fields.add(new Field("city", "patient.address.city", a.city()));
                fields.add(new Field("state", "patient.address.state", a.state()));
                fields.add(new Field("zip", "patient.address.postal_code", a.zip()));
            }
            case 1 -> {
                fields.add(new Field("address", "patient.address.line[0]", line));
                fields.add(new Field("csz", null, a.city() + ", " + a.state() + " " + a.zip()));
            }
            default -> fields.add(new Field("address", null, line + ", " + a.city() + ", " + a.state() + " " + a.zip()));
        }
        if (!fields.stream().anyMatch(f -> "patient.address.postal_code".equals(f.path())) && hand.contains("patient.address.postal_code")) {
            hand.remove("patient.address.postal_code");   // a ZIP printed inside a city/state/ZIP line is typed with it
        }
        id.phone(p, style);
        fields.add(id.fields.get(id.fields.size() - 1));
        if (style.chance(0.4)) {
            String mobile = people.phone(clinic);
            Truth.patient(record).put("mobile", mobile);
            fields.add(new Field("mobile", null, style.phone(mobile)));
        }
        l.fields(fields);

        l.section(style.pick(List.of("Insurance Information", "Insurance", "Primary Insurance")));
        Truth.coverage(record, p.coverage());
        l.fields(List.of(new Field("payer", "patient.insurance[0].payer", p.coverage().payer()),
                new Field("member_id", "patient.insurance[0].member_id", p.coverage().memberId()),
                new Field("group", "patient.insurance[0].group", p.coverage().group())));

        l.section(style.pick(List.of("Emergency Contact", "In Case of Emergency", "Person to Notify")));
        People.Patient contact = people.patient(clinic);
        String relation = style.pick(List.of("Spouse", "Sister", "Brother", "Daughter", "Son", "Friend", "Mother"));
        String contactPhone = people.phone(clinic);
        Truth.patient(record).put("emergency_contact", Truth.entry("name", contact.given() + " " + p.family(),
                "relationship", relation, "phone", contactPhone));
        l.fields(List.of(new Field("contact", null, contact.given() + " " + p.family()),
                new Field("relationship", null, relation), new Field("contact_phone", null, style.phone(contactPhone))));

        if (style.chance(0.5) && sheet.y < 560) {   // room left above the consent and the footer
            l.section(style.pick(List.of("Medical Information", "Health History", "Additional Information")));
            List<String[]> allergies = new ArrayList<>();
            int n = style.random.nextInt(3);
            for (String[] allergy : style.some(Clinical.ALLERGIES, n)) {
                allergies.add(allergy);
                Truth.list(record, "allergies").add(Truth.entry("substance", allergy[0], "reaction", allergy[1]));
            }
            String text = allergies.isEmpty() ? "NKDA" : String.join("; ", allergies.stream()
                    .map(x -> x[0] + " (" + x[1].toLowerCase() + ")").toList());
            l.fields(List.of(new Field("allergies", null, text)));
        }
        sheet.y = Math.min(sheet.y + 18, Sheet.HEIGHT_PT - 110);
        l.paragraph("I authorize " + clinic.name() + " to release information required to process claims and "
                + "assign insurance benefits to the practice.", 0);
        sheet.y += 16;
        sheet.font(style.face, false, style.size);
        String signature = "Signature of patient or guardian:";
        sheet.text(signature, Layout.LEFT, sheet.y);
        double at = Layout.LEFT + sheet.width(signature) + 10;
        sheet.line(at, sheet.y + 3, at + 190, sheet.y + 3, 0.5);
        sheet.hand(null, p.given().charAt(0) + ". " + p.family().replace("-Test", ""), at + 8, sheet.y, style.hand,
                style.random);
        l.footer(clinic.slug().toUpperCase() + "-REG rev. " + (1 + style.random.nextInt(12)) + "/20"
                + (10 + style.random.nextInt(14)), 1, 1);
        return new Document("intake", "gen-intake-" + style.field.name().toLowerCase(), clinic, List.of(sheet), record,
                List.copyOf(hand), false, style.renderInfo());
    }

    private Intakes() {
    }
}
