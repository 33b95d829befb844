package org.medrec.testing;

/** Empties the ledger and the record store between tests that count what a run did (as the superuser: medrec may not). */
public final class StoreTables {

    private StoreTables() {
    }

    public static void wipeMigrations() {
        TestStore.superuser().sql("""
                TRUNCATE value_provenance, sheet_row_provenance, review_item, payment, charge, appointment, immunization, allergy,
                         medication, vital_sign, diagnosis, encounter, coverage, document, patient_identifier,
                         patient, identifier_system, run_file, source_file, migration_run CASCADE""").update();
    }
}
