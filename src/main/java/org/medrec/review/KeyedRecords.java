package org.medrec.review;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import tools.jackson.databind.JsonNode;

/**
 * Records a technician keyed for a document or row medrec could not read, in the record model's
 * JSON (the shape of the labelled corpora's truth files: {@code shared/specs/record-model.md}),
 * made into {@link ExtractedRecord}s. Every value goes through the validator a correction goes
 * through ({@link CorrectedValues}); a key the record model does not have, a record without an
 * MRN, or a value the validator refuses is a {@link Problem} at its path, and one problem refuses
 * the whole keying. Nulls, empty strings and empty lists are "not in the source". Stateless.
 */
final class KeyedRecords {

    /** What is wrong where: {@code records[0].patient.birth_date}. */
    record Problem(String path, String message) {
        @Override
        public String toString() {
            return path + ": " + message;
        }
    }

    /** The records, or the problems that refuse them; {@code values}: how many values were keyed. */
    record Keyed(List<ExtractedRecord> records, List<Problem> problems, int values) {
        Keyed {
            records = List.copyOf(records);
            problems = List.copyOf(problems);
        }

        boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The record model as a tree of keys: a value, a group of keys, or a list of one of those. */
    private sealed interface Shape {
    }

    private record Value() implements Shape {
    }

    private record Group(Map<String, Shape> keys) implements Shape {
    }

    private record ListOf(Shape entry) implements Shape {
    }

    private static final Shape VALUE = new Value();
    private static final Group RECORD = group(
            "mrn", VALUE,
            "patient", group("family", VALUE, "given", new ListOf(VALUE), "suffix", VALUE, "birth_date", VALUE,
                    "sex", VALUE, "phone", VALUE, "mobile", VALUE,
                    "address", group("line", new ListOf(VALUE), "city", VALUE, "state", VALUE, "postal_code", VALUE),
                    "insurance", new ListOf(fields("payer", "member_id", "group")),
                    "emergency_contact", fields("name", "relationship", "phone")),
            "encounters", new ListOf(group("date", VALUE, "provider", VALUE, "npi", VALUE, "reason", VALUE,
                    "source_id", VALUE, "diagnoses", new ListOf(fields("code", "display")),
                    "vitals", fields("bp_systolic", "bp_diastolic", "pulse", "resp_rate", "temp_f", "weight_lb",
                            "height_in", "spo2"))),
            "conditions", new ListOf(fields("code", "display")),
            "medications", new ListOf(fields("name", "dose", "route", "frequency")),
            "allergies", new ListOf(fields("substance", "reaction")),
            "immunizations", new ListOf(fields("vaccine", "cvx", "date", "lot")),
            "appointments", new ListOf(fields("date", "time", "provider", "type", "status")),
            "charges", new ListOf(fields("date", "cpt", "description", "charge", "payment", "balance")));

    private KeyedRecords() {
    }

    /**
     * The fields of an entry of a list of the record model, in the model's order: {@code immunizations}
     * gives vaccine, cvx, date, lot; {@code encounters[0].diagnoses} code, display; {@code patient.insurance}
     * payer, member_id, group. Empty for a path that is not a list of groups.
     */
    static List<String> entryFields(String list) {
        Shape shape = RECORD;
        for (String step : list.split("\\.")) {
            if (!(shape instanceof Group group) || !group.keys().containsKey(step.replaceAll("\\[\\d+]$", ""))) {
                return List.of();
            }
            shape = group.keys().get(step.replaceAll("\\[\\d+]$", ""));
            if (step.endsWith("]") && shape instanceof ListOf l) {
                shape = l.entry();
            }
        }
        return shape instanceof ListOf l && l.entry() instanceof Group entry ? List.copyOf(entry.keys().keySet()) : List.of();
    }

    /**
     * @param records         the JSON array of records as keyed
     * @param identifierSystem the clinic the records are filed under
     * @param where           the page or row they were keyed from (method {@code keyed})
     */
    static Keyed read(JsonNode records, String identifierSystem, String docType, SourceRef where, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        List<ExtractedRecord> out = new ArrayList<>();
        int values = 0;
        if (records == null || !records.isArray() || records.isEmpty()) {
            return new Keyed(List.of(), List.of(new Problem("records", "a list of one or more records is needed")), 0);
        }
        for (int i = 0; i < records.size(); i++) {
            String at = "records[" + i + "]";
            List<FieldValue> fields = new ArrayList<>();
            walk(records.get(i), RECORD, "", at, where, today, fields, problems);
            String mrn = fields.stream().filter(f -> f.path().equals("mrn")).map(FieldValue::value).findFirst().orElse(null);
            if (mrn == null && problems.stream().noneMatch(p -> p.path().equals(at + ".mrn"))) {
                problems.add(new Problem(at + ".mrn", "a record is filed under its medical record number: key it"));
            }
            values += fields.size();
            out.add(new ExtractedRecord(identifierSystem, mrn, docType, fields));
        }
        return new Keyed(out, problems, values);
    }

    private static void walk(JsonNode node, Shape shape, String path, String at, SourceRef where, LocalDate today,
                             List<FieldValue> fields, List<Problem> problems) {
        if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())
                || (node.isArray() && node.isEmpty())) {
            return;   // not in the source
        }
        if (shape instanceof Group group) {
            if (!node.isObject()) {
                problems.add(new Problem(at, "expected the fields " + String.join(", ", group.keys().keySet())));
                return;
            }
            for (String key : node.propertyNames()) {
                Shape child = group.keys().get(key);
                if (child == null) {
                    problems.add(new Problem(at + "." + key, "the record model has no such field here; the fields here are: "
                            + String.join(", ", group.keys().keySet())));
                } else {
                    walk(node.get(key), child, path.isEmpty() ? key : path + "." + key, at + "." + key, where, today, fields,
                            problems);
                }
            }
        } else if (shape instanceof ListOf list) {
            if (!node.isArray()) {
                problems.add(new Problem(at, "expected a list"));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), list.entry(), path + "[" + i + "]", at + "[" + i + "]", where, today, fields, problems);
            }
        } else if (!node.isValueNode()) {
            problems.add(new Problem(at, "expected one value"));
        } else {
            String typed = node.asString();
            CorrectedValues.Checked checked = CorrectedValues.check(path, typed, today);
            if (checked.ok()) {
                fields.add(new FieldValue(path, typed, checked.value(), 1.0, where, null));
            } else {
                problems.add(new Problem(at, checked.problem()));
            }
        }
    }

    private static Group group(Object... keysAndShapes) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            keys.put((String) keysAndShapes[i], (Shape) keysAndShapes[i + 1]);
        }
        return new Group(keys);
    }

    private static Group fields(String... names) {
        Map<String, Shape> keys = new LinkedHashMap<>();
        for (String name : names) {
            keys.put(name, VALUE);
        }
        return new Group(keys);
    }
}
