package org.medrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.store.EmbeddedPostgresServer;
import org.medrec.testing.Fixtures;
import tools.jackson.databind.JsonNode;

/**
 * The canary: a few files of the dev corpus, broken files of the external corpora and a CSV with a
 * quote that is never closed (whose parser quotes the "lost text": names, birth dates, phones) are
 * migrated with {@code --log-file}, some review items are decided, the store is exported and
 * reported; then no name, birth date, phone, street or MRN of the truth files appears in the log
 * file, on stderr, in the JSON summary, in the ledger's reasons or in the report. Patient data
 * stays in the store (and in what a person asks for: the review queue, the FHIR export).
 */
class NoPatientDataProcessTests {

    private static final List<String> BROKEN = List.of(
            "external/pdf-malformed/qpdf/bad13.pdf", "external/pdf-malformed/qpdf/xref-errors.pdf",
            "external/pdf-malformed/pdfjs/helloworld-bad.pdf", "external/pdf-malformed/qpdf/pages-loop.pdf",
            "external/poi-spreadsheet/xlsx-corrupted.xlsx", "external/poi-spreadsheet/poi-fuzz.xls",
            "external/poi-spreadsheet/clusterfuzz-testcase-minimized-POIHSSFFuzzer-6322470200934400.xls",
            "external/poi-spreadsheet/clusterfuzz-testcase-minimized-XLSX2CSVFuzzer-6594557414080512.xlsx",
            "external/poi-spreadsheet/poc-xmlbomb.xlsx");

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void shouldKeepEveryPatientValueOfTheTruthFilesOutOfLogsSummaryLedgerAndReport() throws Exception {
        Path input = Fixtures.copyTree(Fixtures.resource("canary"), work.resolve("in"));
        Path truth = input.resolve("truth");
        List<JsonNode> records = truthRecords(truth);
        Fixtures.copyTree(truth, work.resolve("truth"));
        deleteTree(truth);
        Path broken = Files.createDirectories(input.resolve("broken"));
        for (String name : BROKEN) {
            Files.copy(Fixtures.resource(name), broken.resolve(Path.of(name).getFileName()));
        }
        Files.writeString(input.resolve("sheets/patients-with-a-stray-quote.csv"), strayQuoteCsv(records));
        Set<String> canaries = canaries(records);
        assertThat(canaries).hasSizeGreaterThan(100);
        Path log = work.resolve("logs/migrate.log");
        Map<String, String> seen = new LinkedHashMap<>();

        MedrecProcess.Result migrated = MedrecProcess.run(home, "migrate", "--input", input.toString(), "--json",
                "--log-file", log.toString());
        assertThat(migrated.exitCode()).as(migrated.stderr()).isZero();
        JsonNode summary = Json.mapper().readTree(migrated.stdout());
        assertThat(summary.get("quarantine").valueStream().map(q -> q.get("file").asString()))
                .as("the broken files are quarantined, with reasons; the stray quote holds its own row only")
                .contains("broken/xlsx-corrupted.xlsx", "broken/bad13.pdf")
                .doesNotContain("sheets/patients-with-a-stray-quote.csv");
        seen.put("migrate stdout (the JSON summary)", migrated.stdout());
        seen.put("migrate stderr", migrated.stderr());
        seen.put("the log file", Files.readString(log));

        MedrecProcess.Result added = MedrecProcess.run(home, Map.of(), "a long passphrase here\n", "users", "add",
                "tech1", "--role", "technician", "--password-stdin");
        seen.put("users add stderr", added.stderr());
        MedrecProcess.Result queue = MedrecProcess.run(home, "review", "list", "--json");
        seen.put("review list stderr", queue.stderr());
        List<String> decisions = new ArrayList<>();
        JsonNode items = Json.mapper().readTree(queue.stdout());
        for (int i = 0; i < Math.min(6, items.size()); i++) {
            decisions.add("{\"id\": \"" + items.get(i).get("id").asString() + "\", \"action\": \""
                    + (i % 3 == 2 ? "reject\", \"reason\": \"not in the source\"" : "accept\"") + "}");
        }
        decisions.add("{\"id\": \"" + items.get(0).get("id").asString() + "\", \"action\": \"value\", \"value\": \"x\"}");
        Path batch = Files.writeString(work.resolve("decisions.json"), "[" + String.join(",", decisions) + "]");
        MedrecProcess.Result resolved = MedrecProcess.run(home, "review", "resolve", "--batch", batch.toString(),
                "--user", "tech1");
        assertThat(resolved.exitCode()).as(resolved.stderr()).isZero();
        seen.put("review resolve stderr", resolved.stderr());
        MedrecProcess.Result exported = MedrecProcess.run(home, "export", "fhir", "--out", work.resolve("fhir").toString());
        assertThat(exported.exitCode()).as(exported.stderr()).isZero();
        seen.put("export stdout", exported.stdout());
        seen.put("export stderr", exported.stderr());
        for (String format : List.of("text", "html")) {
            MedrecProcess.Result report = MedrecProcess.run(home, "report", "--format", format);
            assertThat(report.exitCode()).as(report.stderr()).isZero();
            seen.put("report " + format, report.stdout());
            seen.put("report " + format + " stderr", report.stderr());
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startOrJoin(home);
             var c = server.connect(); var s = c.createStatement();
             ResultSet ledger = s.executeQuery("SELECT string_agg(coalesce(reason, ''), E'\\n') FROM source_file"
                     + " UNION ALL SELECT string_agg(coalesce(message, ''), E'\\n') FROM migration_run")) {
            StringBuilder reasons = new StringBuilder();
            while (ledger.next()) {
                reasons.append(ledger.getString(1)).append('\n');
            }
            seen.put("the ledger's reasons", reasons.toString());
        }

        assertThat(Files.list(work.resolve("fhir")).count()).as("the store did get the patients").isPositive();
        assertThat(seen.get("the ledger's reasons")).contains("11 patient records (0 held for review), 1 bad rows in review,"
                + " read with the maple-hollow mapping");
        for (Map.Entry<String, String> output : seen.entrySet()) {
            List<String> found = canaries.stream().filter(value -> appears(value, output.getValue())).toList();
            assertThat(found).as("patient values in " + output.getKey() + ":\n" + output.getValue()).isEmpty();
        }
    }

    /** Every record of the truth files. */
    private static List<JsonNode> truthRecords(Path truth) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(truth)) {
            for (Path f : files.sorted().toList()) {
                Json.mapper().readTree(Files.readString(f)).path("records").forEach(records::add);
            }
        }
        return records;
    }

    /** Names (three letters or more), birth dates, phones, streets and MRNs of the records. */
    private static Set<String> canaries(List<JsonNode> records) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode r : records) {
            values.add(r.path("mrn").asString(""));
            JsonNode p = r.path("patient");
            values.add(p.path("family").asString(""));
            p.path("given").forEach(g -> values.add(g.asString("")));
            values.add(p.path("birth_date").asString(""));
            values.add(p.path("phone").asString(""));
            values.add(p.path("mobile").asString(""));
            p.path("address").path("line").forEach(l -> values.add(l.asString("")));
        }
        values.removeIf(v -> v.length() < 3);
        return values;
    }

    private static boolean appears(String value, String text) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(value) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    /**
     * A patients export whose third record opens a quote it never closes: a CSV parser takes the
     * rest of the file for that one field, and its message quotes it.
     */
    private static String strayQuoteCsv(List<JsonNode> records) {
        StringBuilder csv = new StringBuilder("MRN,Last Name,First Name,DOB,Phone,Address\n");
        int n = 0;
        for (JsonNode r : records) {
            JsonNode p = r.path("patient");
            if (p.path("birth_date").isMissingNode() || p.path("phone").isMissingNode() || n == 12) {
                continue;
            }
            csv.append(r.path("mrn").asString()).append(',').append(n == 2 ? "\"" : "").append(p.path("family").asString())
                    .append(',').append(p.path("given").path(0).asString()).append(',')
                    .append(p.path("birth_date").asString()).append(',').append(p.path("phone").asString()).append(',')
                    .append(p.path("address").path("line").path(0).asString()).append('\n');
            n++;
        }
        return csv.toString();
    }

    private static void deleteTree(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
