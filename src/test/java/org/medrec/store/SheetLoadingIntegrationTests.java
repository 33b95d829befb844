package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medrec.record.ExtractedRecord;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.medrec.spreadsheet.mapping.SheetImport;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.medrec.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A spreadsheet large enough to be staged, fetched and written in several batches (12,000 rows,
 * each patient's rows spread over the whole file) is loaded as the in-memory reading of the same
 * file says it should be: every good row's values with their provenance, each patient once, the
 * doubtful ones held, every bad row in review; and a failure while loading leaves nothing behind.
 */
@StoreTest
class SheetLoadingIntegrationTests {

    private static final LocalDate REFERENCE = LocalDate.of(2024, 6, 28);
    private static final int ROWS = 12_000;
    private static final int PATIENTS = 1_200;

    @Autowired
    SheetLoading loading;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private UUID run;
    private long sourceFileId;

    @BeforeEach
    void sourceFile() {
        TestRun testRun = TestRun.begin(jdbc);
        run = testRun.id();
        sourceFileId = testRun.file("encounters.csv", "CSV");
    }

    @Test
    void shouldLoadALargeSheetInBatchesAsItsReadingSays() throws Exception {
        Path file = encounters(dir.resolve("encounters.csv"));
        SheetImport.Result expected = new SheetImport(MappingCatalog.load(Path.of("jobs/mappings")))
                .read(file, true, sourceFileId, "encounters.csv", REFERENCE);
        List<ExtractedRecord> loadable = expected.records().stream().filter(r -> !r.needsReview()).toList();
        long held = expected.records().size() - loadable.size();
        long doubtful = expected.records().stream().mapToLong(r -> r.fields().stream().filter(f -> f.needsReview()).count()).sum();
        long values = loadable.stream().mapToLong(r -> r.fields().stream().filter(f -> f.value() != null).count()).sum();
        long encounters = loadable.stream().mapToLong(r -> r.fields().stream()
                .map(f -> f.path().replaceAll("^(encounters\\[\\d+]).*", "$1")).filter(p -> p.startsWith("encounters["))
                .distinct().count()).sum();
        assertThat(held).as("doubtful records in the file").isPositive();
        assertThat(expected.badRows()).as("bad rows in the file").hasSize(12);

        loading.load(run, sourceFileId, file, "encounters.csv", true, REFERENCE);

        assertThat(count("document WHERE status = 'loaded'")).isEqualTo(loadable.size());
        assertThat(count("document WHERE status = 'held'")).isEqualTo(held);
        assertThat(count("patient")).isEqualTo(loadable.size());
        assertThat(count("encounter")).isEqualTo(encounters);
        assertThat(count("value_provenance_all WHERE source_file_id = " + sourceFileId)).isEqualTo(values);
        assertThat(count("value_provenance_all WHERE document_id IS NULL OR sheet IS NULL OR row_num IS NULL OR col IS NULL"))
                .as("provenance without its document or cell").isZero();
        assertThat(count("review_item WHERE reason LIKE 'bad row %'")).isEqualTo(expected.badRows().size());
        assertThat(count("review_item WHERE document_id IS NOT NULL")).as("items of held records").isEqualTo(doubtful);
        assertThat(jdbc.sql("SELECT outcome || ': ' || reason FROM source_file WHERE id = ?").param(sourceFileId)
                .query(String.class).single()).isEqualTo("loaded: " + expected.records().size() + " patient records ("
                + held + " held for review), 12 bad rows in review, read with the northgate mapping");
    }

    @Test
    void shouldLeaveNothingOfAFileWhoseLoadBrokeAStoreRule() throws Exception {
        Path file = encounters(dir.resolve("encounters.csv"));
        TestStore.superuser().sql("ALTER TABLE encounter ADD CONSTRAINT test_no_2015_visits CHECK (date IS NULL OR date < DATE '2015-06-01')")
                .update();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> loading.load(run, sourceFileId, file, "encounters.csv", true, REFERENCE))
                    .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        } finally {
            TestStore.superuser().sql("ALTER TABLE encounter DROP CONSTRAINT test_no_2015_visits").update();
        }
        for (String table : List.of("document", "patient", "encounter", "value_provenance", "sheet_row_provenance", "review_item")) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(jdbc.sql("SELECT outcome FROM source_file WHERE id = ?").param(sourceFileId).query(String.class).single())
                .isEqualTo("received");
    }

    private long count(String tableAndCondition) {
        return jdbc.sql("SELECT count(*) FROM " + tableAndCondition).query(Long.class).single();
    }

    /**
     * A Northgate encounters export: patient {@code i % 1200}, so each patient's ten rows are
     * spread over the file; every 1000th row has an impossible date (bad), every 997th a two-digit
     * year (doubtful: the patient is held).
     */
    private static Path encounters(Path file) throws IOException {
        String[] dx = {"I10", "E11.9", "J06.9;I10", "M54.5"};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("mrn,encounter_date,provider_name,provider_npi,reason,dx_codes,cpt\n");
            for (int i = 0; i < ROWS; i++) {
                String date = LocalDate.of(1990, 1, 1).plusDays(i).toString();   // one visit a day: none merged
                if (i % 1000 == 7) {
                    date = "2019-02-30";
                } else if (i % 997 == 3) {
                    date = "3/14/62";
                }
                out.write(String.format("%06d,%s,\"Kim, Sarah J MD\",1234567893,visit %d,%s,99213%n",
                        100000 + i % PATIENTS, date, i, dx[i % dx.length]));
            }
        }
        return file;
    }
}
