-- The references of the tables a spreadsheet's bulk load writes (identifiers, entries, value
-- provenance), checked once per statement instead of once per row. A million-row export is written
-- as millions of rows with one COPY per table and batch; the per-row foreign-key triggers (each a
-- query that also locks the referenced row) took about two thirds of the time of those COPYs. The
-- guarantee is the same as the foreign keys': after each INSERT, COPY or UPDATE no row names a row
-- that does not exist, and a row that is named cannot be deleted. The error is a foreign-key
-- violation (SQLSTATE 23503), as before. (Unlike a foreign key, TRUNCATE of a named table alone is
-- not refused; nothing truncates the store.)

-- A statement's new rows (transition table new_rows) checked against the tables they name.
-- Arguments: pairs of (column, referenced table); the referenced column is id.
CREATE FUNCTION check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    FOR i IN 0 .. TG_NARGS - 1 BY 2 LOOP
        EXECUTE format('SELECT n.c::text FROM (SELECT DISTINCT %1$I AS c FROM new_rows WHERE %1$I IS NOT NULL) n'
                       ' WHERE NOT EXISTS (SELECT 1 FROM %2$I r WHERE r.id = n.c) LIMIT 1', TG_ARGV[i], TG_ARGV[i + 1])
            INTO missing;
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION '%.% names % % that does not exist', TG_TABLE_NAME, TG_ARGV[i], TG_ARGV[i + 1], missing
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME, COLUMN = TG_ARGV[i];
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

-- A statement's deleted rows (transition table gone) checked against the rows that name them.
-- Arguments: pairs of (naming table, its column).
CREATE FUNCTION check_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
BEGIN
    FOR i IN 0 .. TG_NARGS - 1 BY 2 LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %1$I c JOIN gone g ON g.id = c.%2$I)', TG_ARGV[i], TG_ARGV[i + 1])
            INTO named;
        IF named THEN
            RAISE EXCEPTION 'a row of % that %.% names cannot be deleted', TG_TABLE_NAME, TG_ARGV[i], TG_ARGV[i + 1]
                USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

ALTER TABLE patient_identifier DROP CONSTRAINT patient_identifier_patient_id_fkey,
                               DROP CONSTRAINT patient_identifier_system_id_fkey;
ALTER TABLE coverage     DROP CONSTRAINT coverage_patient_id_fkey;
ALTER TABLE encounter    DROP CONSTRAINT encounter_patient_id_fkey;
ALTER TABLE diagnosis    DROP CONSTRAINT diagnosis_patient_id_fkey, DROP CONSTRAINT diagnosis_encounter_id_fkey;
ALTER TABLE vital_sign   DROP CONSTRAINT vital_sign_patient_id_fkey, DROP CONSTRAINT vital_sign_encounter_id_fkey;
ALTER TABLE medication   DROP CONSTRAINT medication_patient_id_fkey;
ALTER TABLE allergy      DROP CONSTRAINT allergy_patient_id_fkey;
ALTER TABLE immunization DROP CONSTRAINT immunization_patient_id_fkey;
ALTER TABLE appointment  DROP CONSTRAINT appointment_patient_id_fkey;
ALTER TABLE charge       DROP CONSTRAINT charge_patient_id_fkey;
ALTER TABLE payment      DROP CONSTRAINT payment_patient_id_fkey, DROP CONSTRAINT payment_charge_id_fkey;
ALTER TABLE value_provenance DROP CONSTRAINT value_provenance_source_file_id_fkey,
                             DROP CONSTRAINT value_provenance_document_id_fkey,
                             DROP CONSTRAINT value_provenance_review_item_id_fkey;

-- the naming side: after INSERT (and COPY) and after UPDATE
CREATE TRIGGER patient_identifier_references AFTER INSERT ON patient_identifier REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'system_id', 'identifier_system');
CREATE TRIGGER patient_identifier_references_updated AFTER UPDATE ON patient_identifier REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'system_id', 'identifier_system');
CREATE TRIGGER coverage_references AFTER INSERT ON coverage REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER coverage_references_updated AFTER UPDATE ON coverage REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER encounter_references AFTER INSERT ON encounter REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER encounter_references_updated AFTER UPDATE ON encounter REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER diagnosis_references AFTER INSERT ON diagnosis REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'encounter_id', 'encounter');
CREATE TRIGGER diagnosis_references_updated AFTER UPDATE ON diagnosis REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'encounter_id', 'encounter');
CREATE TRIGGER vital_sign_references AFTER INSERT ON vital_sign REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'encounter_id', 'encounter');
CREATE TRIGGER vital_sign_references_updated AFTER UPDATE ON vital_sign REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'encounter_id', 'encounter');
CREATE TRIGGER medication_references AFTER INSERT ON medication REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER medication_references_updated AFTER UPDATE ON medication REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER allergy_references AFTER INSERT ON allergy REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER allergy_references_updated AFTER UPDATE ON allergy REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER immunization_references AFTER INSERT ON immunization REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER immunization_references_updated AFTER UPDATE ON immunization REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER appointment_references AFTER INSERT ON appointment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER appointment_references_updated AFTER UPDATE ON appointment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER charge_references AFTER INSERT ON charge REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER charge_references_updated AFTER UPDATE ON charge REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient');
CREATE TRIGGER payment_references AFTER INSERT ON payment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'charge_id', 'charge');
CREATE TRIGGER payment_references_updated AFTER UPDATE ON payment REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('patient_id', 'patient', 'charge_id', 'charge');
CREATE TRIGGER value_provenance_references AFTER INSERT ON value_provenance REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('source_file_id', 'source_file', 'document_id', 'document',
                                                        'review_item_id', 'review_item');
CREATE TRIGGER value_provenance_references_updated AFTER UPDATE ON value_provenance REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('source_file_id', 'source_file', 'document_id', 'document',
                                                        'review_item_id', 'review_item');

-- the named side: after DELETE (ids are never updated)
CREATE TRIGGER patient_referenced AFTER DELETE ON patient REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('patient_identifier', 'patient_id', 'coverage', 'patient_id',
        'encounter', 'patient_id', 'diagnosis', 'patient_id', 'vital_sign', 'patient_id', 'medication', 'patient_id',
        'allergy', 'patient_id', 'immunization', 'patient_id', 'appointment', 'patient_id', 'charge', 'patient_id',
        'payment', 'patient_id');
CREATE TRIGGER identifier_system_referenced AFTER DELETE ON identifier_system REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('patient_identifier', 'system_id');
CREATE TRIGGER encounter_referenced AFTER DELETE ON encounter REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('diagnosis', 'encounter_id', 'vital_sign', 'encounter_id');
CREATE TRIGGER charge_referenced AFTER DELETE ON charge REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('payment', 'charge_id');
CREATE TRIGGER source_file_referenced AFTER DELETE ON source_file REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('value_provenance', 'source_file_id');
CREATE TRIGGER document_referenced AFTER DELETE ON document REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('value_provenance', 'document_id');
CREATE TRIGGER review_item_referenced AFTER DELETE ON review_item REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('value_provenance', 'review_item_id');
