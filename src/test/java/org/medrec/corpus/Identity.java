package org.medrec.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patient's identity as a chart prints it (name in one of three forms, birth date, MRN), and the truth
 * record it starts: the middle initial is in the truth only when the page prints it.
 */
final class Identity {

    final Map<String, Object> record;
    final List<Layout.Field> fields = new ArrayList<>();

    Identity(People.Patient p, Style style) {
        boolean middle = p.middle() != null && style.chance(0.6);
        record = Truth.record(p, middle);
        String m = middle ? " " + p.middle() : "";
        switch (style.random.nextInt(3)) {
            case 0 -> fields.add(new Layout.Field("name", null, p.given() + m + " " + p.family()));
            case 1 -> fields.add(new Layout.Field("name_lf", null, p.family() + ", " + p.given() + m));
            default -> {
                fields.add(new Layout.Field("family", null, p.family()));
                fields.add(new Layout.Field("given", null, p.given()));
                if (middle) {
                    fields.add(new Layout.Field("middle", null, p.middle()));
                }
            }
        }
        Truth.patient(record).put("birth_date", p.dob().toString());
        Layout.Field dob = new Layout.Field("dob", "patient.birth_date", style.date(p.dob()));
        Layout.Field mrn = new Layout.Field("mrn", "mrn", p.mrn());
        if (style.random.nextBoolean()) {
            fields.add(dob);
            fields.add(mrn);
        } else {
            fields.add(0, mrn);
            fields.add(dob);
        }
    }

    void sex(People.Patient p, Style style) {
        Truth.patient(record).put("sex", p.sex());
        String printed = style.random.nextBoolean() ? p.sex().substring(0, 1).toUpperCase() : p.sex().substring(0, 1)
                .toUpperCase() + p.sex().substring(1);
        fields.add(new Layout.Field("sex", "patient.sex", printed));
    }

    void phone(People.Patient p, Style style) {
        Truth.patient(record).put("phone", p.phone());
        fields.add(new Layout.Field("phone", "patient.phone", style.phone(p.phone())));
    }
}
