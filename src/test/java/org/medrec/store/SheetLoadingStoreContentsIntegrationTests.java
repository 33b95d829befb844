package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.testing.StoreTest;
import org.medrec.testing.TestRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a sheet import leaves in the store does not change when its loading is made faster: a
 * Northgate export of 3,000 rows (bad rows, a doubtful date, a value of a look-up-free column
 * with a tab and a backslash in it) is loaded through {@link SheetLoading}, and the store's
 * contents without ids (counts per table, every patient, entry, document, review item and value
 * provenance) are compared with those the loading stored before it was reworked:
 * {@code spreadsheet/store/northgate-3000.store.txt} holds the counts, every 97th line and the
 * SHA-256 of all lines. Set {@code -Dmedrec.test.record-store-contents=true} to write it again
 * (only after a change meant to change what is stored).
 */
@StoreTest
class SheetLoadingStoreContentsIntegrationTests {

    private static final LocalDate REFERENCE = LocalDate.of(2024, 6, 28);
    private static final Path EXPECTED = Path.of("src/test/resources/spreadsheet/store/northgate-3000.store.txt");
    private static final List<String> TABLES = List.of("document", "patient", "patient_identifier", "encounter",
            "diagnosis", "charge", "vital_sign", "value_provenance", "sheet_row_provenance", "review_item");

    @Autowired
    SheetLoading loading;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void shouldStoreTheSameContentsAsTheLoadingBeforeItWasMadeFaster() throws Exception {
        TestRun run = TestRun.begin(jdbc);
        UUID runId = run.id();
        long sourceFileId = run.file("encounters.csv", "CSV");
        Path file = encounters(dir.resolve("encounters.csv"));

        loading.load(runId, sourceFileId, file, "encounters.csv", true, REFERENCE);

        List<String> contents = contents();
        List<String> summary = new ArrayList<>();
        for (String table : TABLES) {
            summary.add("count " + table + " " + jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        for (int i = 0; i < contents.size(); i += 97) {
            summary.add("line " + i + " " + contents.get(i));
        }
        summary.add("lines " + contents.size());
        summary.add("sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", contents).getBytes(StandardCharsets.UTF_8))));
        if (Boolean.getBoolean("medrec.test.record-store-contents")) {
            Files.write(EXPECTED, summary, StandardCharsets.UTF_8);
        }
        assertThat(summary).as("the store's contents").containsExactlyElementsOf(Files.readAllLines(EXPECTED));
        assertThat(contents).as("values of every kind stored").anyMatch(s -> s.startsWith("provenance"))
                .anyMatch(s -> s.startsWith("review")).anyMatch(s -> s.contains("/diagnosis#"));
    }

    /** Everything stored, without ids or times: links named "mrn/table#n". */
    private List<String> contents() {
        List<String> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        for (Map<String, Object> p : jdbc.sql("""
                SELECT pi.value AS mrn, pi.id AS identifier_id, p.* FROM patient p
                JOIN patient_identifier pi ON pi.patient_id = p.id ORDER BY pi.value""").query().listOfRows()) {
            names.put("patient|" + p.get("id"), p.get("mrn") + "/patient");
            names.put("patient_identifier|" + p.get("identifier_id"), p.get("mrn") + "/identifier");
            out.add("patient " + p.get("mrn") + " " + RowText.values(p, "id", "identifier_id", "created_at", "updated_at"));
        }
        for (String table : List.of("encounter", "diagnosis", "charge", "vital_sign")) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT pi.value AS mrn, t.* FROM " + table + " t"
                    + " JOIN patient_identifier pi ON pi.patient_id = t.patient_id ORDER BY pi.value, t.id").query().listOfRows();
            Map<Object, Integer> counts = new HashMap<>();
            for (Map<String, Object> r : rows) {
                names.put(table + "|" + r.get("id"), r.get("mrn") + "/" + table + "#" + counts.merge(r.get("mrn"), 1, Integer::sum));
            }
            for (Map<String, Object> r : rows) {
                Object encounter = r.get("encounter_id") == null ? null : names.get("encounter|" + r.get("encounter_id"));
                out.add(names.get(table + "|" + r.get("id")) + " encounter=" + encounter + " "
                        + RowText.values(r, "id", "patient_id", "encounter_id", "mrn", "created_at"));
            }
        }
        Map<Object, String> documents = new HashMap<>();
        List<String> documentLines = new ArrayList<>();
        for (Map<String, Object> d : jdbc.sql("SELECT * FROM document").query().listOfRows()) {
            String line = "document " + RowText.values(d, "id", "run_id", "source_file_id", "created_at")
                    .replaceAll("\"sourceFileId\": \\d+", "\"sourceFileId\": \"the file\"");   // an id, as the others
            documents.put(d.get("id"), line);
            documentLines.add(line);
        }
        documentLines.sort(null);
        out.addAll(documentLines);
        List<String> provenance = new ArrayList<>();
        for (Map<String, Object> v : jdbc.sql("SELECT * FROM value_provenance_all").query().listOfRows()) {
            provenance.add("provenance " + names.get(v.get("entity") + "|" + v.get("entity_id")) + " "
                    + RowText.values(v, "id", "entity", "entity_id", "document_id", "source_file_id", "created_at"));
        }
        provenance.sort(null);
        out.addAll(provenance);
        List<String> items = new ArrayList<>();
        for (Map<String, Object> i : jdbc.sql("SELECT * FROM review_item").query().listOfRows()) {
            String document = i.get("document_id") == null ? null : documents.get(i.get("document_id"));
            items.add("review " + RowText.values(i, "id", "run_id", "source_file_id", "document_id", "created_at", "updated_at")
                    + " of " + (document == null ? null : Integer.toHexString(document.hashCode())));
        }
        items.sort(null);
        out.addAll(items);
        return out;
    }

    /**
     * 3,000 rows of 300 patients spread over the file; every 250th row an impossible date (bad),
     * every 499th a two-digit year (doubtful), every 7th a reason with a tab, a backslash, quotes
     * and a no-break space in it, every 11th spaced codes.
     */
    private static Path encounters(Path file) throws IOException {
        String[] dx = {"I10", "E11.9", "J06.9;I10", "M54.5", " e11.9 ;  i10 "};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("mrn,encounter_date,provider_name,provider_npi,reason,dx_codes,cpt\n");
            for (int i = 0; i < 3000; i++) {
                String date = LocalDate.of(2001, 1, 1).plusDays(i * 3L).toString();
                if (i % 250 == 7) {
                    date = "2019-02-30";
                } else if (i % 499 == 3) {
                    date = "3/14/62";
                }
                String reason = i % 7 == 0 ? "\"follow-up\tC:\\\\visits \"\"bp\"\"\u00a0check  " + i + "\"" : "visit " + i;
                out.write(String.format("%06d,%s,\"Kim, Sarah J MD\",1234567893,%s,%s,99213%n",
                        100000 + (i * 7) % 300, date, reason, i % 11 == 0 ? dx[4] : dx[i % 4]));
            }
        }
        return file;
    }
}
