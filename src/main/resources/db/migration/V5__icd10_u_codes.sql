-- ICD-10-CM adopted U codes (U07.0, U07.1, U09.9): the structural check admits every letter;
-- the validators decide which codes exist.
ALTER TABLE diagnosis DROP CONSTRAINT diagnosis_code_check;
ALTER TABLE diagnosis ADD CONSTRAINT diagnosis_code_check CHECK (code ~ '^[A-Z][0-9][0-9AB](\.[0-9A-Z]{1,4})?$');
