package org.medrec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medrec.record.ExtractedRecord;
import org.medrec.record.FieldValue;
import org.medrec.record.SourceRef;
import org.medrec.record.FileOutcome;
import org.medrec.testing.TestRun;
import org.medrec.testing.StoreTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two registrations of one person merged: every kind of entry kept once, with the provenance of both. */
@StoreTest
class PatientMergeIntegrationTests {

    private static final String CLINIC = "urn:medrec:test:larkspur";

    @Autowired
    RecordWriter writer;

    @Autowired
    PatientMerge merge;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    private long first;
    private long second;

    @BeforeEach
    void files() {
        TestRun run = TestRun.begin(jdbc);
        first = run.file("f7.csv", "CSV", FileOutcome.LOADED, null);
        second = run.file("f8.csv", "CSV", FileOutcome.LOADED, null);
    }

    private long load(long file, String mrn, String... pathsAndValues) {
        return writer.load(record(file, mrn, pathsAndValues), null, Map.of()).patientId();
    }

    private static ExtractedRecord record(long file, String mrn, String... pathsAndValues) {
        List<FieldValue> fields = new ArrayList<>();
        fields.add(value(file, "mrn", mrn));
        for (int i = 0; i < pathsAndValues.length; i += 2) {
            fields.add(value(file, pathsAndValues[i], pathsAndValues[i + 1]));
        }
        return new ExtractedRecord(CLINIC, mrn, "export", fields);
    }

    private static FieldValue value(long file, String path, String value) {
        return new FieldValue(path, value, value, 1.0, SourceRef.inSheet(file, "f" + file + ".csv", "s", 2, "A"), null);
    }

    private long count(String table, long patient) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE patient_id = ?").param(patient).query(Long.class).single();
    }

    @Test
    void shouldKeepEveryKindOfSharedEntryOnceWithTheProvenanceOfBothRegistrations() {
        long keep = load(first, "L-100", "patient.family", "Ashgrove", "patient.birth_date", "1961-02-03",
                "encounters[0].date", "2022-04-05", "encounters[0].npi", "1234567893", "encounters[0].diagnoses[0].code", "I10",
                "encounters[0].vitals.pulse", "70", "medications[0].name", "Lisinopril", "allergies[0].substance", "Penicillin",
                "immunizations[0].cvx", "115", "immunizations[0].date", "2019-05-02", "appointments[0].date", "2024-01-02",
                "appointments[0].time", "09:30", "charges[0].date", "2022-04-05", "charges[0].cpt", "99213",
                "patient.insurance[0].member_id", "W123");
        long other = load(second, "L-900", "patient.family", "Ashgrave", "patient.sex", "female",
                "encounters[0].date", "2022-04-05", "encounters[0].npi", "1234567893", "encounters[0].reason", "Follow-up",
                "encounters[0].diagnoses[0].code", "I10", "encounters[0].diagnoses[1].code", "E11.9",
                "encounters[0].vitals.pulse", "70", "encounters[0].vitals.temp_f", "98.6",
                "medications[0].name", "LISINOPRIL", "medications[0].dose", "10 mg", "medications[1].name", "Metformin",
                "allergies[0].substance", "penicillin", "immunizations[0].cvx", "115", "immunizations[0].date", "2019-05-02",
                "immunizations[0].lot", "AC52B031AA", "appointments[0].date", "2024-01-02", "appointments[0].time", "09:30",
                "charges[0].date", "2022-04-05", "charges[0].cpt", "99213", "charges[0].charge", "125.00",
                "patient.insurance[0].member_id", "W123", "patient.insurance[0].payer", "Aetna");

        List<Disagreement> differences = merge.merge(keep, other);

        assertThat(differences).extracting(Disagreement::path, Disagreement::kept,
                Disagreement::other).containsExactly(org.assertj.core.groups.Tuple.tuple("patient.family", "Ashgrove",
                "Ashgrave"));
        assertThat(jdbc.sql("SELECT sex || ' ' || merged_into FROM patient WHERE id = ?").param(other).query(String.class)
                .single()).isEqualTo("female " + keep);
        assertThat(jdbc.sql("SELECT sex FROM patient WHERE id = ?").param(keep).query(String.class).single()).isEqualTo("female");
        assertThat(jdbc.sql("SELECT value FROM patient_identifier WHERE patient_id = ? ORDER BY id").param(keep)
                .query(String.class).list()).containsExactly("L-100", "L-900");
        assertThat(List.of(count("encounter", keep), count("diagnosis", keep), count("vital_sign", keep),
                count("medication", keep), count("allergy", keep), count("immunization", keep), count("appointment", keep),
                count("charge", keep), count("coverage", keep))).containsExactly(1L, 2L, 2L, 2L, 1L, 1L, 1L, 1L, 1L);
        for (String table : List.of("encounter", "diagnosis", "vital_sign", "medication", "allergy", "immunization",
                "appointment", "charge", "coverage", "patient_identifier")) {
            assertThat(count(table, other)).as(table + " left on the merged patient").isZero();
        }
        assertThat(jdbc.sql("SELECT reason || ' ' || (SELECT count(*) FROM diagnosis d WHERE d.encounter_id = e.id)"
                + " FROM encounter e WHERE patient_id = ?").param(keep).query(String.class).single()).isEqualTo("Follow-up 2");
        assertThat(jdbc.sql("SELECT lot FROM immunization WHERE patient_id = ?").param(keep).query(String.class).single())
                .isEqualTo("AC52B031AA");
        assertThat(jdbc.sql("SELECT charge::text FROM charge WHERE patient_id = ?").param(keep).query(String.class).single())
                .isEqualTo("125.00");
        assertProvenanceFollowedTheEntries(keep);
    }

    @Test
    void shouldMoveTheSheetRowProvenanceOfABulkLoadedRegistrationToTheKeptEntries() {
        long keep = load(first, "L-100", "patient.family", "Ashgrove", "encounters[0].date", "2022-04-05",
                "encounters[0].npi", "1234567893", "immunizations[0].cvx", "115", "immunizations[0].date", "2019-05-02");
        long other = new TransactionTemplate(transactions).execute(tx -> {
            BulkLoad bulk = new BulkLoad(jdbc, dataSource);
            long patient = bulk.load(record(second, "L-900", "patient.family", "Ashgrove", "encounters[0].date", "2022-04-05",
                    "encounters[0].npi", "1234567893", "encounters[0].reason", "Follow-up", "immunizations[0].cvx", "115",
                    "immunizations[0].date", "2019-05-02", "immunizations[0].lot", "AC52B031AA"), null).patientId();
            bulk.flush();
            return patient;
        });
        assertThat(jdbc.sql("SELECT count(*) FROM sheet_row_provenance").query(Long.class).single())
                .as("the bulk-loaded visit and immunization").isEqualTo(2);

        merge.merge(keep, other);

        assertThat(jdbc.sql("SELECT reason FROM encounter WHERE patient_id = ?").param(keep).query(String.class).single())
                .isEqualTo("Follow-up");
        assertProvenanceFollowedTheEntries(keep);
    }

    private void assertProvenanceFollowedTheEntries(long keep) {
        assertThat(jdbc.sql("""
                SELECT count(DISTINCT vp.source_file_id) FROM value_provenance_all vp JOIN immunization i
                ON vp.entity = 'immunization' AND vp.entity_id = i.id WHERE i.patient_id = ?""").param(keep)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM value_provenance_all vp WHERE vp.entity NOT IN ('patient', 'patient_identifier')
                AND NOT EXISTS (SELECT 1 FROM encounter WHERE vp.entity = 'encounter' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM diagnosis WHERE vp.entity = 'diagnosis' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM vital_sign WHERE vp.entity = 'vital_sign' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM medication WHERE vp.entity = 'medication' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM allergy WHERE vp.entity = 'allergy' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM immunization WHERE vp.entity = 'immunization' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM appointment WHERE vp.entity = 'appointment' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM charge WHERE vp.entity = 'charge' AND id = vp.entity_id)
                AND NOT EXISTS (SELECT 1 FROM coverage WHERE vp.entity = 'coverage' AND id = vp.entity_id)""")
                .query(Long.class).single()).as("provenance pointing at a removed twin").isZero();
    }
}
