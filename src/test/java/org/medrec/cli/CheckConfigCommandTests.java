package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medrec check-config}, and {@code migrate}'s same check, on the project's jobs/ and on a copy with a misspelt key. */
class CheckConfigCommandTests {

    @TempDir
    Path work;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void projectForms() {
        System.clearProperty("medrec.forms");
    }

    private int medrec(String... args) {
        return Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path formsWithAMisspeltKey() throws IOException {
        Path forms = Files.createDirectories(work.resolve("forms"));
        try (Stream<Path> files = Files.list(Path.of("jobs/forms"))) {
            for (Path file : files.toList()) {
                Files.copy(file, forms.resolve(file.getFileName()));
            }
        }
        Path intake = forms.resolve("intake.yml");
        Files.writeString(intake, Files.readString(intake).replace("\nkeywords:", "\nkeyword:"));
        System.setProperty("medrec.forms", forms.toString());
        return intake;
    }

    @Test
    void shouldSayWhatItReadAndExit0OnTheProjectsJobs() {
        assertThat(medrec("check-config")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("jobs/ is valid: 7 chart forms and ").contains("spreadsheet mappings");
    }

    @Test
    void shouldExit1WithTheFileTheLineAndTheKeyOfAMisspeltKey() throws IOException {
        Path intake = formsWithAMisspeltKey();

        assertThat(medrec("check-config")).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).startsWith("medrec: error: " + intake + ", line 6: unknown key 'keyword'")
                .contains("keywords");
    }

    @Test
    void shouldStopAMigrationBeforeItReadsAnythingWhenAKeyIsMisspelt() throws IOException {
        Path intake = formsWithAMisspeltKey();
        Path input = Files.createDirectories(work.resolve("in"));

        assertThat(medrec("migrate", "--input", input.toString())).isEqualTo(ExitCode.FAILED);
        assertThat(err.toString()).contains(intake + ", line 6: unknown key 'keyword'");
        assertThat(out.toString()).isEmpty();
    }
}
