package org.medrec.extraction.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medrec.extraction.validation.ClinicalDates;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The chart forms medrec understands, from {@code jobs/forms}: {@code common.yml} (the labels any
 * form may print, emergency-contact sections, headings), {@code clinics.yml}, and one file per
 * document type. A clinic's new form is added there, without code. Thread-safe (immutable).
 *
 * @param labels          label spellings per key ({@code patient.birth_date}, ... and {@code ignore}
 *                        for labels whose values medrec does not take but which end the value before)
 * @param emergencyHeadings headings (or labels) that open an emergency-contact section
 * @param emergencyMasks  label keys that, inside such a section, name the contact, not the patient
 * @param headings        headings that close an emergency-contact section
 * @param medicalWords    words that only a medical record prints; a page with none is not one
 * @param footers         page footers and form numbers: a line that has one ends a table
 */
public record FormCatalog(Map<String, List<String>> labels, List<String> emergencyHeadings, Set<String> emergencyMasks,
                          List<String> headings, List<String> medicalWords, List<Pattern> footers, List<FormSpec> forms,
                          List<ClinicSpec> clinics) {

    public FormCatalog {
        labels = Map.copyOf(labels);
        emergencyHeadings = List.copyOf(emergencyHeadings);
        emergencyMasks = Set.copyOf(emergencyMasks);
        headings = List.copyOf(headings);
        medicalWords = List.copyOf(medicalWords);
        footers = List.copyOf(footers);
        forms = List.copyOf(forms);
        clinics = List.copyOf(clinics);
    }

    /** The common labels with a form's own added. */
    Map<String, List<String>> labels(FormSpec form) {
        Map<String, List<String>> all = new java.util.HashMap<>(labels);
        form.labels().forEach((key, spellings) -> all.merge(key, spellings,
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return all;
    }

    /** Loads a forms folder; a malformed file stops with its name and the problem. */
    public static FormCatalog load(Path folder) {
        Map<String, Object> common = Map.of();
        List<ClinicSpec> clinics = List.of();
        List<FormSpec> forms = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                String name = file.getFileName().toString();
                try {
                    Map<String, Object> yaml = map(read(file), name);
                    switch (name) {
                        case "common.yml" -> common = yaml;
                        case "clinics.yml" -> clinics = clinics(yaml);
                        default -> forms.add(form(yaml));
                    }
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("form " + name + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms in " + folder, e);
        }
        if (common.isEmpty()) {
            throw new IllegalArgumentException("forms folder " + folder + " has no common.yml");
        }
        Map<String, Object> emergency = map(common.getOrDefault("emergency", Map.of()), "emergency");
        return new FormCatalog(phrases(map(common.get("labels"), "labels")), strings(emergency.get("headings")),
                Set.copyOf(strings(emergency.get("masks"))), strings(common.get("headings")),
                strings(common.get("medical-words")), strings(common.get("footers")).stream().map(Pattern::compile).toList(),
                forms, clinics);
    }

    private static Object read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FormSpec form(Map<String, Object> yaml) {
        String docType = string(yaml.get("doc-type"), "doc-type");
        List<TableSpec> tables = new ArrayList<>();
        for (Object t : list(yaml.getOrDefault("tables", List.of()))) {
            Map<String, Object> table = map(t, "table");
            String list = string(table.get("list"), "list");
            tables.add(new TableSpec(list, phrases(map(table.get("columns"), "columns")), strings(table.get("required")),
                    string(table.get("key"), "key"), strings(table.get("rows")).stream().map(RowPattern::new).toList()));
        }
        return new FormSpec(docType, strings(yaml.get("titles")), strings(yaml.get("keywords")), tables,
                phrases(map(yaml.getOrDefault("sections", Map.of()), "sections")), strings(yaml.get("headings")),
                Boolean.TRUE.equals(yaml.get("expects-rows")), phrases(map(yaml.getOrDefault("labels", Map.of()), "labels")),
                yaml.get("review-whole") == null ? null : String.valueOf(yaml.get("review-whole")),
                phrases(map(yaml.getOrDefault("checklists", Map.of()), "checklists")), doseGrid(yaml.get("dose-grid")),
                layout(yaml.get("layout")));
    }

    private static FormLayout layout(Object yaml) {
        if (yaml == null) {
            return null;
        }
        Map<String, Object> layout = map(yaml, "layout");
        Map<String, List<Map<String, int[]>>> lists = new LinkedHashMap<>();
        map(layout.getOrDefault("lists", Map.of()), "lists").forEach((path, entries) ->
                lists.put(path, list(entries).stream().map(e -> numbers(map(e, path))).toList()));
        return new FormLayout(numbers(map(layout.get("anchors"), "anchors")), numbers(map(layout.get("fields"), "fields")), lists);
    }

    private static Map<String, int[]> numbers(Map<String, Object> yaml) {
        Map<String, int[]> out = new LinkedHashMap<>();
        yaml.forEach((k, v) -> out.put(k, list(v).stream().mapToInt(n -> ((Number) n).intValue()).toArray()));
        return out;
    }

    private static DoseGridSpec doseGrid(Object yaml) {
        if (yaml == null) {
            return null;
        }
        Map<String, Object> grid = map(yaml, "dose-grid");
        return new DoseGridSpec(strings(grid.get("row-caption")), strings(grid.get("column-caption")));
    }

    private static List<ClinicSpec> clinics(Map<String, Object> yaml) {
        List<ClinicSpec> clinics = new ArrayList<>();
        for (Object c : list(yaml.get("clinics"))) {
            Map<String, Object> clinic = map(c, "clinic");
            String order = String.valueOf(clinic.getOrDefault("dates", "month-first"));
            if (!order.equals("month-first") && !order.equals("day-first")) {
                throw new IllegalArgumentException("dates must be month-first or day-first, not " + order);
            }
            clinics.add(new ClinicSpec(string(clinic.get("name"), "name"), string(clinic.get("identifier-system"),
                    "identifier-system"), strings(clinic.get("letterhead")), Pattern.compile(string(clinic.get("mrn"), "mrn")),
                    order.equals("day-first") ? ClinicalDates.Order.DAY_FIRST : ClinicalDates.Order.MONTH_FIRST));
        }
        return clinics;
    }

    private static Map<String, List<String>> phrases(Map<String, Object> yaml) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        yaml.forEach((k, v) -> out.put(k, strings(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) {
        if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException(what + ": expected a mapping");
        }
        return (Map<String, Object>) m;
    }

    private static List<?> list(Object o) {
        if (!(o instanceof List<?> l)) {
            throw new IllegalArgumentException("expected a list, not " + o);
        }
        return l;
    }

    private static List<String> strings(Object o) {
        if (o == null) {
            return List.of();
        }
        return list(o).stream().map(String::valueOf).toList();
    }

    private static String string(Object o, String what) {
        if (o == null || String.valueOf(o).isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
        return String.valueOf(o);
    }
}
