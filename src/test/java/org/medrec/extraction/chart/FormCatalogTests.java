package org.medrec.extraction.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.config.ConfigFileException;

/** The forms of jobs/forms are read strictly: a key medrec does not know is an error, never ignored. */
class FormCatalogTests {

    @TempDir
    Path forms;

    private void copyProjectForms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("jobs/forms"))) {
            for (Path file : files.toList()) {
                Files.copy(file, forms.resolve(file.getFileName()));
            }
        }
    }

    @Test
    void shouldReadTheProjectsForms() {
        FormCatalog catalog = FormCatalog.load(Path.of("jobs/forms"));

        assertThat(catalog.forms()).extracting(FormSpec::docType)
                .contains("intake", "immunization", "note", "medlist", "ledger", "appointments", "cms1500");
        assertThat(catalog.clinics()).isNotEmpty();
    }

    @Test
    void shouldRefuseAMisspeltKeyWithTheFileTheLineTheKeyAndTheKeysThatExist() throws IOException {
        copyProjectForms();
        Path intake = forms.resolve("intake.yml");
        Files.writeString(intake, Files.readString(intake).replace("\ntitles:", "\ntitels:"));

        assertThatThrownBy(() -> FormCatalog.load(forms)).isInstanceOf(ConfigFileException.class)
                .hasMessageStartingWith(intake + ", line 3: unknown key 'titels'")
                .hasMessageContaining("the keys there are:").hasMessageContaining("titles").hasMessageContaining("doc-type");
    }

    @Test
    void shouldRefuseAMisspeltKeyInsideATableNamingWhereItStands() throws IOException {
        copyProjectForms();
        Path intake = forms.resolve("intake.yml");
        Files.writeString(intake, Files.readString(intake).replaceFirst("\n    columns:", "\n    colums:"));

        assertThatThrownBy(() -> FormCatalog.load(forms)).hasMessageContaining("unknown key 'colums' (in tables[0])")
                .hasMessageContaining("columns");
    }

    @Test
    void shouldRefuseAClinicWithDatesNeitherMonthNorDayFirst() throws IOException {
        copyProjectForms();
        Path clinics = forms.resolve("clinics.yml");
        Files.writeString(clinics, Files.readString(clinics).replaceFirst("(\n    mrn: [^\n]*)", "$1\n    dates: year-first"));

        assertThatThrownBy(() -> FormCatalog.load(forms)).hasMessageStartingWith(clinics + ", line ")
                .hasMessageContaining("dates must be month-first or day-first, not year-first");
    }
}
