package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.export.FhirValidation;
import org.medrec.export.ScorerView;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/** {@code medrec export fhir} as cron or the scorer runs it: a real process over the embedded store. */
@Tag("process")
class ExportCommandProcessTests {

    private static final String SHEET = "s04_harbor_immunizations.xls";

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void shouldExportOneValidBundlePerMigratedPatientAndOnePatientByMrn() throws Exception {
        // an initialised store whose server is held while the commands run: each joins it
        try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.startOrJoin(MedrecProcess.initialisedStore(home))) {
            migrateAndExport();
        }
    }

    private void migrateAndExport() throws Exception {
        Path input = work.resolve("in");
        Files.createDirectories(input);
        Files.copy(Fixtures.resource("spreadsheet/dev/" + SHEET), input.resolve(SHEET));
        MedrecProcess.Result migrated = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json");
        assertThat(migrated.exitCode()).as(migrated.stderr()).isZero();
        long loaded = Json.mapper().readTree(migrated.stdout()).at("/records/loaded").asLong();
        Path out = work.resolve("fhir/all");   // a folder that does not exist yet

        MedrecProcess.Result export = MedrecProcess.run(home, "export", "fhir", "--out", out.toString());

        assertThat(export.exitCode()).as(export.stderr()).isZero();
        assertThat(export.stdout().strip()).doesNotContain("\n");
        JsonNode summary = Json.mapper().readTree(export.stdout());
        assertThat(summary.get("patients").asLong()).isEqualTo(loaded).isPositive();
        assertThat(summary.get("out").asString()).isEqualTo(out.toAbsolutePath().toString());
        List<Path> files = files(out);
        assertThat(files).hasSize((int) loaded);
        for (Path file : files) {
            String json = Files.readString(file);
            assertThat(FhirValidation.errors(FhirValidation.validate(json))).as(file.toString()).isEmpty();
            ScorerView bundle = new ScorerView(json);
            String mrn = bundle.mrns().get(0);
            assertThat(file.getFileName().toString()).isEqualTo(mrn + ".json");
            assertThat(bundle.ofType("Immunization")).isNotEmpty();
            assertThat(bundle.filesOf(bundle.patient())).containsExactly(SHEET);
            assertThat(export.stderr()).as("logs hold no patient values").doesNotContain(mrn);
        }

        String mrn = files.get(0).getFileName().toString().replace(".json", "");
        Path one = work.resolve("fhir/one");
        MedrecProcess.Result single = MedrecProcess.run(home, "export", "fhir", "--out", one.toString(), "--mrn", mrn);
        MedrecProcess.Result unknown = MedrecProcess.run(home, "export", "fhir", "--out", one.toString(), "--mrn", "H9999999");

        assertThat(single.exitCode()).as(single.stderr()).isZero();
        assertThat(Json.mapper().readTree(single.stdout()).get("patients").asInt()).isEqualTo(1);
        assertThat(files(one)).extracting(p -> p.getFileName().toString()).containsExactly(mrn + ".json");
        assertThat(Files.readString(one.resolve(mrn + ".json"))).contains("\"value\": \"" + mrn + "\"");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(unknown.stdout()).isEmpty();
        assertThat(unknown.stderr()).contains("no patient in the store has the MRN H9999999");
    }

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
