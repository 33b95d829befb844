package org.medrec.extraction.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medrec.config.ConfigFileException;
import org.medrec.config.StrictYaml;

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

    /** {@code common.yml}: what any form may print. */
    record Common(Map<String, List<String>> labels, Emergency emergency, List<String> headings, List<String> medicalWords,
                  List<String> footers) {
        Common {
            if (labels == null) {
                throw new IllegalArgumentException("labels is missing");
            }
            emergency = emergency == null ? new Emergency(List.of(), List.of()) : emergency;
        }
    }

    /** The emergency-contact sections of {@code common.yml}. */
    record Emergency(List<String> headings, List<String> masks) {
    }

    /** {@code clinics.yml}. */
    record Clinics(List<ClinicSpec> clinics) {
    }

    /**
     * Loads a forms folder. A malformed file, or a key no form knows, stops with the file, the line
     * and the key ({@link StrictYaml}).
     */
    public static FormCatalog load(Path folder) {
        Common common = null;
        List<ClinicSpec> clinics = List.of();
        List<FormSpec> forms = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yml")).sorted().toList()) {
                switch (file.getFileName().toString()) {
                    case "common.yml" -> common = StrictYaml.read(file, Common.class);
                    case "clinics.yml" -> clinics = orEmpty(StrictYaml.read(file, Clinics.class).clinics());
                    default -> forms.add(StrictYaml.read(file, FormSpec.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the forms in " + folder, e);
        }
        if (common == null) {
            throw new ConfigFileException(folder.resolve("common.yml"), 0, "is missing: every forms folder has one");
        }
        return new FormCatalog(common.labels(), orEmpty(common.emergency().headings()),
                Set.copyOf(orEmpty(common.emergency().masks())), orEmpty(common.headings()), orEmpty(common.medicalWords()),
                orEmpty(common.footers()).stream().map(Pattern::compile).toList(), forms, clinics);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
