package org.medrec.corpus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A record of the record model (shared/specs/record-model.md) as the truth files hold it: what the page
 * shows, nothing more. A patient key is present only when printed; every list is present (empty: none shown).
 */
final class Truth {

    static final List<String> LISTS = List.of("encounters", "conditions", "medications", "allergies", "immunizations",
            "appointments", "charges");

    private Truth() {
    }

    /** A record with the MRN and the patient's name as printed ({@code middle} null when not printed). */
    static Map<String, Object> record(People.Patient p, boolean middlePrinted) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("mrn", p.mrn());
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("family", p.family());
        List<String> given = new ArrayList<>(List.of(p.given()));
        if (middlePrinted && p.middle() != null) {
            given.add(p.middle());
        }
        patient.put("given", given);
        record.put("patient", patient);
        for (String list : LISTS) {
            record.put(list, new ArrayList<Map<String, Object>>());
        }
        return record;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> patient(Map<String, Object> record) {
        return (Map<String, Object>) record.get("patient");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> record, String name) {
        return (List<Map<String, Object>>) record.get(name);
    }

    /** An ordered map from key, value pairs (values may be null: the source has no such value). */
    static Map<String, Object> entry(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static void address(Map<String, Object> record, People.Address a) {
        List<String> lines = new ArrayList<>(List.of(a.line()));
        if (a.line2() != null) {
            lines.add(a.line2());
        }
        patient(record).put("address", entry("line", lines, "city", a.city(), "state", a.state(),
                "postal_code", a.zip()));
    }

    static void coverage(Map<String, Object> record, People.Coverage c) {
        patient(record).put("insurance", new ArrayList<>(List.of(entry("payer", c.payer(), "member_id", c.memberId(),
                "group", c.group()))));
    }

    /**
     * Takes a value that can no longer be read (blacked out) out of the record: a patient key is removed, a
     * value inside a list entry becomes null ("the source has no such value"). Paths as in handwritten_fields.
     */
    @SuppressWarnings("unchecked")
    static void redact(Map<String, Object> record, String path) {
        String[] parts = path.split("\\.");
        Object node = record;
        for (int i = 0; i < parts.length - 1; i++) {
            node = step(node, parts[i]);
        }
        String last = parts[parts.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {   // patient.address.line[0]: the line goes, the list stays
            List<Object> list = (List<Object>) ((Map<String, Object>) node).get(last.substring(0, bracket));
            list.remove(Integer.parseInt(last.substring(bracket + 1, last.length() - 1)));
        } else if (parts.length == 2 && parts[0].equals("patient")) {
            ((Map<String, Object>) node).remove(last);
        } else {
            ((Map<String, Object>) node).put(last, null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object step(Object node, String part) {
        int bracket = part.indexOf('[');
        if (bracket < 0) {
            return ((Map<String, Object>) node).get(part);
        }
        List<Object> list = (List<Object>) ((Map<String, Object>) node).get(part.substring(0, bracket));
        return list.get(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
    }
}
