package org.medrec.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.medrec.extraction.chart.FormCatalog;
import org.medrec.matching.Nicknames;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Validates what users edit under {@code jobs/} (forms and clinics, spreadsheet mappings,
 * nicknames) without a store: the folders are where {@code application.yml} and the environment
 * say ({@code medrec.forms}, {@code medrec.mappings}, {@code medrec.matching.nicknames}), each file
 * is read strictly, and the first problem is thrown with its file, line and key.
 */
final class JobsCheck {

    /** What was checked. */
    record Checked(Path forms, int formCount, int clinics, Path mappings, int mappingCount, Path nicknames) {

        String summary() {
            return "jobs/ is valid: " + formCount + " chart forms and " + clinics + " clinics (" + forms + "), "
                    + mappingCount + " spreadsheet mappings (" + mappings + "), nicknames (" + nicknames + ")";
        }
    }

    private JobsCheck() {
    }

    static Checked run() {
        StandardEnvironment environment = new StandardEnvironment();
        try {
            new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("application.yml cannot be read", e);
        }
        Path forms = Path.of(environment.getRequiredProperty("medrec.forms"));
        Path mappings = Path.of(environment.getRequiredProperty("medrec.mappings"));
        Path nicknames = Path.of(environment.getRequiredProperty("medrec.matching.nicknames"));
        FormCatalog catalog = FormCatalog.load(forms);
        MappingCatalog systems = MappingCatalog.load(mappings);
        Nicknames.load(nicknames);
        return new Checked(forms, catalog.forms().size(), catalog.clinics().size(), mappings, systems.mappings().size(),
                nicknames);
    }
}
