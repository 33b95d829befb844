package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medrec.record.ExtractedRecord;
import org.medrec.spreadsheet.mapping.MappingCatalog;
import org.medrec.spreadsheet.mapping.SheetImport;
import org.medrec.testing.TestRun;
import org.medrec.testing.Fixtures;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bulk load stores exactly what the row-by-row load stores: every dev-corpus export's records
 * are loaded both ways (under two identifier systems) and the two stores are compared row by row:
 * patients, entries with their links, and the provenance of every value down to the cell.
 */
@StoreTest
class BulkLoadIntegrationTests {

    private static final String ROW_BY_ROW = "urn:medrec:test:row-by-row";
    private static final String BULK = "urn:medrec:test:bulk";
    private static final List<String> ENTRY_TABLES = List.of("coverage", "encounter", "diagnosis", "vital_sign",
            "medication", "allergy", "immunization", "appointment", "charge");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RecordWriter writer;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private long sourceFileId;

    @BeforeEach
    void sourceFile() {
        sourceFileId = TestRun.begin(jdbc).file("sheets/export", "XLSX");
    }

    @ParameterizedTest
    @ValueSource(strings = {"s01_medmgr_export.xlsx", "s02_ng_patients.csv", "s03_chc_billing.csv",
            "s04_harbor_immunizations.xls", "s05_VISITS.tsv", "s06_practicepro_billing.xlsx", "s07_visit_export.csv",
            "s08_northgate_full.xlsx"})
    void shouldStoreInBulkExactlyWhatTheRowByRowLoadStores(String name) throws Exception {
        Path file = Fixtures.resource("spreadsheet/dev/" + name);
        boolean delimited = name.endsWith(".csv") || name.endsWith(".tsv");
        List<ExtractedRecord> records = new SheetImport(MappingCatalog.load(Path.of("jobs/mappings")))
                .read(file, delimited, sourceFileId, "sheets/" + name, LocalDate.of(2024, 6, 28)).records().stream()
                .filter(r -> !r.needsReview()).toList();
        assertThat(records).as("records to load").isNotEmpty();

        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(t -> records.forEach(r -> writer.load(under(ROW_BY_ROW, r), null, Map.of())));
        transactions.executeWithoutResult(t -> {
            BulkLoad bulk = new BulkLoad(jdbc, dataSource);
            assertThat(bulk.known(BULK, records.stream().map(ExtractedRecord::mrn).toList())).isEmpty();
            for (ExtractedRecord r : records) {
                assertThat(bulk.load(under(BULK, r), null).conflicts()).isEmpty();
            }
            bulk.flush();
        });

        List<String> rowByRow = dump(ROW_BY_ROW);
        List<String> bulk = dump(BULK);
        assertThat(rowByRow).as("the row-by-row store").anyMatch(s -> s.startsWith("provenance"));
        assertThat(bulk).containsExactlyElementsOf(rowByRow);
        System.out.println(name + ": " + records.size() + " records, " + rowByRow.size() + " stored rows compared");
    }

    private static ExtractedRecord under(String system, ExtractedRecord record) {
        return new ExtractedRecord(system, record.mrn(), record.docType(), record.fields());
    }

    /** Everything stored for the patients of one identifier system, without ids: links as "mrn/table#n". */
    private List<String> dump(String system) {
        List<String> out = new ArrayList<>();
        Map<String, String> names = new HashMap<>();   // table|id -> mrn/table#n
        List<Map<String, Object>> patients = jdbc.sql("""
                SELECT pi.value AS mrn, pi.id AS identifier_id, p.* FROM patient p
                JOIN patient_identifier pi ON pi.patient_id = p.id JOIN identifier_system s ON s.id = pi.system_id
                WHERE s.system = ? ORDER BY pi.value""").param(system).query().listOfRows();
        for (Map<String, Object> p : patients) {
            names.put("patient|" + p.get("id"), p.get("mrn") + "/patient");
            names.put("patient_identifier|" + p.get("identifier_id"), p.get("mrn") + "/identifier");
            out.add("patient " + p.get("mrn") + " " + RowText.values(p, "id", "identifier_id", "created_at"));
        }
        for (String table : ENTRY_TABLES) {
            List<Map<String, Object>> rows = jdbc.sql("SELECT pi.value AS mrn, t.* FROM " + table + " t"
                    + " JOIN patient_identifier pi ON pi.patient_id = t.patient_id JOIN identifier_system s ON s.id = pi.system_id"
                    + " WHERE s.system = ? ORDER BY pi.value, t.id").param(system).query().listOfRows();
            Map<Object, Integer> counts = new HashMap<>();
            for (Map<String, Object> r : rows) {
                int n = counts.merge(r.get("mrn"), 1, Integer::sum);
                names.put(table + "|" + r.get("id"), r.get("mrn") + "/" + table + "#" + n);
            }
            for (Map<String, Object> r : rows) {
                Object encounter = r.get("encounter_id") == null ? null : names.get("encounter|" + r.get("encounter_id"));
                out.add(names.get(table + "|" + r.get("id")) + " encounter=" + encounter + " "
                        + RowText.values(r, "id", "patient_id", "encounter_id", "mrn"));
            }
        }
        List<String> provenance = new ArrayList<>();
        for (Map<String, Object> v : jdbc.sql("SELECT * FROM value_provenance_all ORDER BY id").query().listOfRows()) {
            String entity = names.get(v.get("entity") + "|" + v.get("entity_id"));
            if (entity != null) {
                provenance.add("provenance " + entity + " " + RowText.values(v, "id", "entity", "entity_id", "document_id", "created_at"));
            }
        }
        provenance.sort(null);
        out.addAll(provenance);
        return out;
    }
}
