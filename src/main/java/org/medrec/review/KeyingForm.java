package org.medrec.review;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medrec.extraction.chart.FormSpec;
import org.medrec.extraction.chart.TableSpec;
import org.medrec.record.FieldValue;
import org.medrec.record.RecordPath;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The data-entry form a technician keys one patient's record with: the record model's parts that
 * a document type prints (the patient always; address, insurance, emergency contact, the visit,
 * its vitals and diagnoses where the type's form has them) and its lists as tables of repeatable
 * rows (immunizations, medications, allergies, conditions, appointments, charges). Every input is
 * named by its record-model path ({@code immunizations[1].lot}); what was read with some
 * confidence fills its input, marked {@code read} (or {@code doubtful}, with the reason). The
 * posted inputs become the record model's JSON ({@link #records}), as {@code review resolve
 * --record} takes it. Plain logic; immutable results.
 */
final class KeyingForm {

    /** The parts of a record a form may print, besides its lists. */
    enum Part { PATIENT, CONTACT, INSURANCE, EMERGENCY, VISIT, VITALS, DIAGNOSES }

    /** What a document type (or a sheet's columns) holds: its parts and lists, in the order the form shows them. */
    record Layout(Set<Part> parts, List<String> lists) {
        Layout {
            parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
            lists = List.copyOf(lists);
        }
    }

    /** What fills an input: the value, {@code read} or {@code doubtful} (null: typed), why it is doubtful, where it was read. */
    record Filled(String value, String mark, String note, Integer page, int[] box) {
        static Filled typed(String value) {
            return new Filled(value, null, null, null, null);
        }
    }

    /** One input: its name (a record-model path), label, what fills it, and the validator's problem with it. */
    record Input(String name, String label, String value, String mark, String note, Integer page, String box,
                 String problem) {
    }

    /** A part of the form with one input per field. */
    record Group(String id, String title, List<Input> inputs) {
    }

    /** A list of the record model as a table: its path, its columns (field and label), and its rows of inputs. */
    record Table(String id, String title, String list, List<String> fields, List<String> labels, List<List<Input>> rows) {
    }

    /** The whole form. */
    record Form(List<Group> groups, List<Table> tables) {
    }

    /** The record model's JSON of the posted inputs, and the input each keyed path came from. */
    record Posted(JsonNode records, Map<String, String> inputOf, int values) {
        /** The input a problem of {@link KeyedRecords} is about ({@code records[0].immunizations[0].date}), or null. */
        String input(String problemPath) {
            String path = problemPath.replaceFirst("^records\\[0]\\.?", "");
            return inputOf.getOrDefault(path, path.isEmpty() ? null : path);
        }
    }

    private static final List<String> LISTS = List.of("immunizations", "medications", "allergies", "conditions",
            "appointments", "charges");
    private static final Set<String> FIRST_STEPS = Set.of("mrn", "patient", "encounters", "conditions", "medications",
            "allergies", "immunizations", "appointments", "charges");
    private static final Map<String, String> TITLES = Map.of("immunizations", "Immunizations", "medications", "Medications",
            "allergies", "Allergies", "conditions", "Conditions (problem list)", "appointments", "Appointments",
            "charges", "Charges and payments", "patient.insurance", "Insurance", "encounters[0].diagnoses", "Diagnoses");
    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("mrn", "MRN"),
            Map.entry("family", "Family name"), Map.entry("suffix", "Suffix"), Map.entry("birth_date", "Birth date"),
            Map.entry("postal_code", "ZIP"), Map.entry("npi", "NPI"), Map.entry("cvx", "CVX"), Map.entry("cpt", "CPT"),
            Map.entry("member_id", "Member ID"), Map.entry("bp_systolic", "BP systolic"),
            Map.entry("bp_diastolic", "BP diastolic"), Map.entry("resp_rate", "Resp. rate"), Map.entry("temp_f", "Temp. °F"),
            Map.entry("weight_lb", "Weight lb"), Map.entry("height_in", "Height in"), Map.entry("spo2", "SpO2 %"));
    private static final Pattern ENTRY = Pattern.compile("^(.+)\\[(\\d+)]\\.([a-z_]+)$");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KeyingForm() {
    }

    /** What a document type's form prints, from its {@code jobs/forms} file. */
    static Layout layout(FormSpec form) {
        Set<Part> parts = EnumSet.of(Part.PATIENT);
        List<String> lists = new ArrayList<>();
        Set<String> keywords = new HashSet<>();
        form.keywords().forEach(k -> keywords.add(k.toLowerCase(Locale.ROOT)));
        Collection<String> boxes = form.layout() == null ? List.of() : form.layout().fields().keySet();
        if (keywords.contains("address") || boxes.stream().anyMatch(b -> b.startsWith("patient.address"))) {
            parts.add(Part.CONTACT);
        }
        if (keywords.contains("insurance") || boxes.stream().anyMatch(b -> b.startsWith("insurance."))) {
            parts.add(Part.INSURANCE);
        }
        if (keywords.contains("emergency")) {
            parts.add(Part.EMERGENCY);
        }
        Set<String> sections = form.sections().keySet();
        if (sections.contains("reason") || sections.contains("vitals") || boxes.stream().anyMatch(b -> b.startsWith("encounter."))) {
            parts.add(Part.VISIT);
        }
        if (sections.contains("vitals")) {
            parts.add(Part.VITALS);
        }
        if (sections.contains("assessment") || (form.layout() != null && form.layout().lists().containsKey("encounters[0].diagnoses"))) {
            parts.add(Part.VISIT);
            parts.add(Part.DIAGNOSES);
        }
        Set<String> wanted = new HashSet<>();
        form.tables().stream().map(TableSpec::list).forEach(wanted::add);
        wanted.addAll(form.checklists().keySet());
        if (sections.contains("history")) {
            wanted.add("conditions");
        }
        sections.stream().filter(LISTS::contains).forEach(wanted::add);
        if (form.layout() != null) {
            wanted.addAll(form.layout().lists().keySet());
        }
        LISTS.stream().filter(wanted::contains).forEach(lists::add);
        return new Layout(parts, lists);
    }

    /** Every part and list of the record model: for a row whose sheet is not known. */
    static Layout everything() {
        return new Layout(EnumSet.allOf(Part.class), LISTS);
    }

    /** What a sheet's rows hold, from the record-model paths its mapping fills ({@code encounters[].date}). */
    static Layout layout(Collection<String> templates) {
        Set<Part> parts = EnumSet.of(Part.PATIENT);
        List<String> lists = new ArrayList<>();
        for (String t : templates) {
            if (t.startsWith("patient.address") || t.startsWith("patient.phone") || t.startsWith("patient.mobile")) {
                parts.add(Part.CONTACT);
            } else if (t.startsWith("patient.insurance")) {
                parts.add(Part.INSURANCE);
            } else if (t.startsWith("patient.emergency_contact")) {
                parts.add(Part.EMERGENCY);
            } else if (t.startsWith("encounters[")) {
                parts.add(Part.VISIT);
                if (t.contains(".vitals.")) {
                    parts.add(Part.VITALS);
                } else if (t.contains(".diagnoses[")) {
                    parts.add(Part.DIAGNOSES);
                }
            }
        }
        LISTS.stream().filter(l -> templates.stream().anyMatch(t -> t.startsWith(l + "["))).forEach(lists::add);
        return new Layout(parts, lists);
    }

    /** The values of an extracted record, as they fill the form: the first reading of each path that has a value. */
    static Map<String, Filled> read(List<FieldValue> fields) {
        Map<String, Filled> filled = new LinkedHashMap<>();
        for (FieldValue f : fields) {
            if (f.value() != null && !filled.containsKey(f.path())) {
                filled.put(f.path(), new Filled(f.value(), f.needsReview() ? "doubtful" : "read", f.reviewReason(),
                        f.source().page(), f.source().box()));
            }
        }
        return filled;
    }

    /** The form of {@code layout}, filled with {@code values} (by path), each refused value with its {@code problems}. */
    static Form form(Layout layout, Map<String, Filled> values, Map<String, String> problems) {
        List<Group> groups = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        int givens = Math.max(2, 1 + maxIndex(values, "patient.given"));
        List<String> patient = new ArrayList<>(List.of("mrn", "patient.family"));
        for (int i = 0; i < givens; i++) {
            patient.add("patient.given[" + i + "]");
        }
        patient.addAll(List.of("patient.suffix", "patient.birth_date", "patient.sex"));
        groups.add(group("patient", "Patient", patient, values, problems));
        if (layout.parts().contains(Part.CONTACT)) {
            groups.add(group("contact", "Address and phone", List.of("patient.address.line[0]", "patient.address.line[1]",
                    "patient.address.city", "patient.address.state", "patient.address.postal_code", "patient.phone",
                    "patient.mobile"), values, problems));
        }
        if (layout.parts().contains(Part.INSURANCE)) {
            tables.add(table("patient.insurance", values, problems));
        }
        if (layout.parts().contains(Part.EMERGENCY)) {
            groups.add(group("emergency", "Emergency contact", List.of("patient.emergency_contact.name",
                    "patient.emergency_contact.relationship", "patient.emergency_contact.phone"), values, problems));
        }
        if (layout.parts().contains(Part.VISIT)) {
            groups.add(group("visit", "Visit", List.of("encounters[0].date", "encounters[0].provider", "encounters[0].npi",
                    "encounters[0].reason"), values, problems));
        }
        if (layout.parts().contains(Part.VITALS)) {
            groups.add(group("vitals", "Vitals", List.of("bp_systolic", "bp_diastolic", "pulse", "resp_rate", "temp_f",
                    "weight_lb", "height_in", "spo2").stream().map(v -> "encounters[0].vitals." + v).toList(), values, problems));
        }
        if (layout.parts().contains(Part.DIAGNOSES)) {
            tables.add(table("encounters[0].diagnoses", values, problems));
        }
        layout.lists().forEach(list -> tables.add(table(list, values, problems)));
        return new Form(groups, tables);
    }

    private static Group group(String id, String title, List<String> paths, Map<String, Filled> values,
                               Map<String, String> problems) {
        return new Group(id, title, paths.stream().map(p -> input(p, label(p), values, problems)).toList());
    }

    private static Table table(String list, Map<String, Filled> values, Map<String, String> problems) {
        List<String> fields = KeyedRecords.entryFields(list);
        int rows = Math.max(1, 1 + maxIndex(values, list));
        List<List<Input>> inputs = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<Input> row = new ArrayList<>();
            for (String field : fields) {
                String path = list + "[" + i + "]." + field;
                row.add(input(path, label(field) + " " + (i + 1), values, problems));
            }
            inputs.add(row);
        }
        return new Table(list.replaceAll("[^a-z]+", "-"), TITLES.getOrDefault(list, list), list, fields,
                fields.stream().map(KeyingForm::label).toList(), inputs);
    }

    private static Input input(String path, String label, Map<String, Filled> values, Map<String, String> problems) {
        Filled f = values.get(path);
        int[] b = f == null ? null : f.box();
        return new Input(path, label, f == null ? "" : f.value(), f == null ? null : f.mark(), f == null ? null : f.note(),
                f == null ? null : f.page(), b == null ? null : b[0] + " " + b[1] + " " + b[2] + " " + b[3],
                problems.get(path));
    }

    /** The highest entry index of {@code list} among the paths, or -1. */
    private static int maxIndex(Map<String, ?> values, String list) {
        int max = -1;
        String prefix = list + "[";
        for (String path : values.keySet()) {
            if (path.startsWith(prefix)) {
                int end = path.indexOf(']', prefix.length());
                max = Math.max(max, Integer.parseInt(path.substring(prefix.length(), end)));
            }
        }
        return max;
    }

    private static String label(String path) {
        String field = path.substring(path.lastIndexOf('.') + 1);
        Matcher given = Pattern.compile("given\\[(\\d+)]").matcher(field);
        if (given.matches()) {
            return given.group(1).equals("0") ? "Given name" : given.group(1).equals("1") ? "Middle name"
                    : "Given name " + (Integer.parseInt(given.group(1)) + 1);
        }
        if (field.startsWith("line[")) {
            return "Address line " + (Integer.parseInt(field.substring(5, field.length() - 1)) + 1);
        }
        String known = LABELS.get(field);
        if (known != null) {
            return known;
        }
        String words = field.replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /**
     * The record model's JSON (an array of one record) of the posted inputs whose names are
     * record-model paths; blank inputs are "not in the source", and the entries of each list are
     * numbered again without the rows left blank.
     */
    static Posted records(Map<String, String> posted) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(posted).entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip();
            if (value.isEmpty() || !isPath(e.getKey())) {
                continue;
            }
            put(root, RecordPath.parse(e.getKey()).steps(), value);
        }
        Map<String, String> inputOf = new LinkedHashMap<>();
        ObjectNode record = JSON.createObjectNode();
        int values = write(root, record, "", inputOf);
        ArrayNode records = JSON.createArrayNode();
        records.add(record);
        return new Posted(records, Map.copyOf(inputOf), values);
    }

    /** Whether an input's name is a record-model path the form can post. */
    static boolean isPath(String name) {
        try {
            return FIRST_STEPS.contains(RecordPath.parse(name).first().name());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> node, List<RecordPath.Step> steps, String value) {
        Map<String, Object> at = node;
        for (int i = 0; i < steps.size(); i++) {
            RecordPath.Step step = steps.get(i);
            boolean last = i == steps.size() - 1;
            if (step.index() == null) {
                if (last) {
                    at.put(step.name(), new Leaf(value));
                } else {
                    at = (Map<String, Object>) at.computeIfAbsent(step.name(), k -> new LinkedHashMap<String, Object>());
                }
            } else {
                TreeMap<Integer, Object> list = (TreeMap<Integer, Object>) at.computeIfAbsent(step.name(),
                        k -> new TreeMap<Integer, Object>());
                if (last) {
                    list.put(step.index(), new Leaf(value));
                } else {
                    at = (Map<String, Object>) list.computeIfAbsent(step.index(), k -> new LinkedHashMap<String, Object>());
                }
            }
        }
    }

    /** A posted value. */
    private record Leaf(String value) {
    }

    /** Writes a group to JSON, lists numbered from 0 again; returns the values written. */
    @SuppressWarnings("unchecked")
    private static int write(Map<String, Object> node, ObjectNode out, String path, Map<String, String> inputOf) {
        int values = 0;
        for (Map.Entry<String, Object> e : node.entrySet()) {
            String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            Object v = e.getValue();
            if (v instanceof Leaf leaf) {
                out.put(e.getKey(), leaf.value());
                inputOf.put(at, at);
                values++;
            } else if (v instanceof TreeMap<?, ?> list) {
                ArrayNode array = out.putArray(e.getKey());
                int i = 0;
                for (Map.Entry<?, ?> entry : list.entrySet()) {
                    String keyed = at + "[" + i + "]";
                    String typed = at + "[" + entry.getKey() + "]";
                    if (entry.getValue() instanceof Leaf leaf) {
                        array.add(leaf.value());
                        values++;
                    } else {
                        values += write((Map<String, Object>) entry.getValue(), array.addObject(), keyed, inputOf);
                        renamed(inputOf, keyed, typed);
                    }
                    inputOf.put(keyed, typed);
                    i++;
                }
            } else {
                values += write((Map<String, Object>) v, out.putObject(e.getKey()), at, inputOf);
            }
        }
        return values;
    }

    /** The paths written under {@code keyed} came from inputs under {@code typed}. */
    private static void renamed(Map<String, String> inputOf, String keyed, String typed) {
        if (keyed.equals(typed)) {
            return;
        }
        for (Map.Entry<String, String> e : new ArrayList<>(inputOf.entrySet())) {
            if (e.getKey().startsWith(keyed + ".") || e.getKey().startsWith(keyed + "[")) {
                inputOf.put(e.getKey(), typed + e.getValue().substring(keyed.length()));
            }
        }
    }

    /** The entry ({@code immunizations[1]}) of a path, or null for a path outside any list entry. */
    static String entryOf(String path) {
        Matcher m = ENTRY.matcher(path);
        return m.matches() ? m.group(1) + "[" + m.group(2) + "]" : null;
    }
}
