package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medrec.audit.AuditLog;
import org.medrec.testing.StoreTest;
import org.medrec.testing.TestStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@StoreTest
class RecordStoreSchemaIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Test
    void shouldLetFlywayOwnTheBatchTablesAndTheRecordModel() {
        var tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")
                .query(String.class).set();

        assertThat(tables).contains("batch_job_execution", "batch_step_execution_context", "migration_run",
                "source_file", "run_file", "patient", "patient_identifier", "identifier_system", "coverage",
                "encounter", "diagnosis", "vital_sign", "medication", "allergy", "immunization", "appointment",
                "charge", "payment", "document", "review_item", "value_provenance", "audit_log", "app_user");
    }

    @Test
    void shouldRefuseToUpdateOrDeleteTheAuditLogEvenToItsOwner() {
        String actor = "tester-" + UUID.randomUUID();
        audit.append(actor, AuditLog.Origin.CLI, "test.append", null, null, null, "x");
        JdbcClient owner = JdbcClient.create(new DriverManagerDataSource(TestStore.url(), "medrec_owner", TestStore.PASSWORD));

        for (JdbcClient client : List.of(jdbc, owner)) {   // medrec may not; its owner may, and the triggers refuse
            assertThatThrownBy(() -> client.sql("UPDATE audit_log SET new_value = 'y' WHERE actor = ?").param(actor).update())
                    .isInstanceOf(DataAccessException.class).rootCause().hasMessageMatching("(?s).*(append-only|permission denied).*");
            assertThatThrownBy(() -> client.sql("DELETE FROM audit_log WHERE actor = ?").param(actor).update())
                    .rootCause().hasMessageMatching("(?s).*(append-only|permission denied).*");
            assertThatThrownBy(() -> client.sql("TRUNCATE audit_log").update())
                    .rootCause().hasMessageMatching("(?s).*(append-only|permission denied).*");
        }
        assertThatThrownBy(() -> owner.sql("DELETE FROM audit_log WHERE actor = ?").param(actor).update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = ?").param(actor).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldKeepTheSameMrnAtTwoClinicsAsTwoIdentifiers() {
        long northgate = system("urn:medrec:test:northgate-" + UUID.randomUUID());
        long lakeside = system("urn:medrec:test:lakeside-" + UUID.randomUUID());
        long first = patient();
        long second = patient();

        identifier(first, northgate, "00012345");
        identifier(second, lakeside, "00012345");

        assertThatThrownBy(() -> identifier(second, northgate, "00012345"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void shouldRefuseValuesOutsideTheRecordModelsNormalForms() {
        long patient = patient();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO encounter (patient_id, npi) VALUES (?, '12345')")
                .param(patient).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO diagnosis (patient_id, code) VALUES (?, 'E119')")
                .param(patient).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE patient SET sex = 'F' WHERE id = ?").param(patient).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE patient SET birth_date = '1899-12-31' WHERE id = ?").param(patient)
                .update()).isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("INSERT INTO diagnosis (patient_id, code, display) VALUES (?, 'E11.9', 'Type 2 diabetes')")
                .param(patient).update();
    }

    @Test
    void shouldKeepProvenanceOfAValueFromTwoSources() {
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, '/in')").param(run).update();
        long card = sourceFile(run, "a".repeat(64), "PNG");
        long sheet = sourceFile(run, "b".repeat(64), "XLSX");
        long patient = patient();
        long shot = jdbc.sql("INSERT INTO immunization (patient_id, vaccine, cvx, date) VALUES (?, 'Tdap', '115', '2019-05-02') RETURNING id")
                .param(patient).query(Long.class).single();

        jdbc.sql("""
                INSERT INTO value_provenance (entity, entity_id, field, source_file_id, page, box, method, raw, confidence)
                VALUES ('immunization', ?, 'date', ?, 1, '{100,200,80,20}', 'ocr', '05/02/2019', 0.93)""")
                .params(shot, card).update();
        jdbc.sql("""
                INSERT INTO value_provenance (entity, entity_id, field, source_file_id, sheet, row_num, col, method, raw,
                                              reviewed_by, reviewed_at)
                VALUES ('immunization', ?, 'date', ?, 'Immunizations', 7, 'D', 'spreadsheet', '43587', 'tech1', now())""")
                .params(shot, sheet).update();

        assertThat(jdbc.sql("SELECT count(*) FROM value_provenance WHERE entity = 'immunization' AND entity_id = ?")
                .param(shot).query(Long.class).single()).isEqualTo(2);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO value_provenance (entity, entity_id, field, source_file_id, method)
                VALUES ('immunization', ?, 'lot', ?, 'ocr')""").params(shot, card).update())
                .as("a value without page or row has no place in its source")
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void shouldRefuseProvenanceNamingAMissingDocumentOrFileAndKeepADocumentThatProvenanceNames() {
        UUID run = UUID.randomUUID();
        jdbc.sql("INSERT INTO migration_run (id, input_dir) VALUES (?, '/in')").param(run).update();
        long sheet = sourceFile(run, "c".repeat(64), "CSV");
        long document = jdbc.sql("INSERT INTO document (source_file_id, doc_type, status) VALUES (?, 'encounters', 'loaded') RETURNING id")
                .param(sheet).query(Long.class).single();
        long spare = jdbc.sql("INSERT INTO document (source_file_id, doc_type, status) VALUES (?, 'encounters', 'loaded') RETURNING id")
                .param(sheet).query(Long.class).single();
        long visit = jdbc.sql("INSERT INTO encounter (patient_id, reason) VALUES (?, 'cough') RETURNING id")
                .param(patient()).query(Long.class).single();
        String insert = """
                INSERT INTO value_provenance (entity, entity_id, field, source_file_id, document_id, sheet, row_num, col, method, raw)
                VALUES ('encounter', ?, 'reason', ?, ?, 'encounters', 2, 'E', 'spreadsheet', 'cough')""";

        jdbc.sql(insert).params(visit, sheet, document).update();

        assertThatThrownBy(() -> jdbc.sql(insert).params(visit, sheet, document + 1000).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("document " + (document + 1000));
        assertThatThrownBy(() -> jdbc.sql(insert).params(visit, sheet + 1000, document).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("source_file " + (sheet + 1000));
        assertThatThrownBy(() -> jdbc.sql("UPDATE value_provenance SET document_id = ? WHERE document_id = ?")
                .params(document + 1000, document).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM document WHERE id = ?").param(document).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("cannot be deleted");
        assertThat(jdbc.sql("DELETE FROM document WHERE id = ?").param(spare).update()).as("a document no value names").isEqualTo(1);
    }

    @Test
    void shouldRefuseAnEntryOfAMissingPatientOrEncounterAndKeepAnEncounterThatADiagnosisNames() {
        long patient = patient();
        long visit = jdbc.sql("INSERT INTO encounter (patient_id, reason) VALUES (?, 'cough') RETURNING id")
                .param(patient).query(Long.class).single();
        jdbc.sql("INSERT INTO diagnosis (patient_id, encounter_id, code) VALUES (?, ?, 'J06.9')").params(patient, visit).update();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO charge (patient_id, cpt) VALUES (?, '99213')").param(patient + 1000).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("charge.patient_id names patient");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO diagnosis (patient_id, encounter_id, code) VALUES (?, ?, 'I10')")
                .params(patient, visit + 1000).update()).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("UPDATE encounter SET patient_id = ? WHERE id = ?").params(patient + 1000, visit).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM encounter WHERE id = ?").param(visit).update())
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("diagnosis.encounter_id");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM patient WHERE id = ?").param(patient).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private long system(String uri) {
        return jdbc.sql("INSERT INTO identifier_system (system, name) VALUES (?, 'test clinic') RETURNING id")
                .param(uri).query(Long.class).single();
    }

    private long patient() {
        return jdbc.sql("INSERT INTO patient (family) VALUES ('Testperson') RETURNING id").query(Long.class).single();
    }

    private void identifier(long patient, long system, String value) {
        jdbc.sql("INSERT INTO patient_identifier (patient_id, system_id, value) VALUES (?, ?, ?)")
                .params(patient, system, value).update();
    }

    private long sourceFile(UUID run, String sha, String format) {
        return jdbc.sql("""
                INSERT INTO source_file (sha256, size_bytes, first_path, first_run_id, format, outcome)
                VALUES (?, 10, 'x', ?, ?, 'loaded') ON CONFLICT (sha256) DO UPDATE SET size_bytes = 10 RETURNING id""")
                .params(sha, run, format).query(Long.class).single();
    }
}
