-- The source system's own id of a visit (Synthea's encounter Id), and on the entries recorded at a
-- visit the id they name it by. Rows of different files of one export link by it, whatever order
-- the files are loaded in: encounter.source_id = medication.encounter_source_id, same patient.
ALTER TABLE encounter ADD COLUMN source_id text CHECK (source_id <> '');
ALTER TABLE diagnosis ADD COLUMN encounter_source_id text CHECK (encounter_source_id <> '');
ALTER TABLE medication ADD COLUMN encounter_source_id text CHECK (encounter_source_id <> '');
ALTER TABLE allergy ADD COLUMN encounter_source_id text CHECK (encounter_source_id <> '');
ALTER TABLE immunization ADD COLUMN encounter_source_id text CHECK (encounter_source_id <> '');
