-- Keying (issue 13): what a technician types for a document or a row medrec could not read.

-- Every review item says what kind of question it is (shared/specs/cli.md, review list --json):
-- value: one field to confirm, correct or reject; document: a document medrec could not read or
-- classify (nothing of it is in the store until a person keys it); row: a spreadsheet row that was
-- not loaded; patient: a question about a patient ("same person?").
ALTER TABLE review_item ADD COLUMN kind text;
UPDATE review_item SET kind = CASE
    WHEN patient_link_id IS NOT NULL THEN 'patient'
    WHEN field <> '*' THEN 'value'
    WHEN row_num IS NOT NULL THEN 'row'
    ELSE 'document' END;
ALTER TABLE review_item ALTER COLUMN kind SET NOT NULL,
    ADD CONSTRAINT review_item_kind_check CHECK (kind IN ('value', 'document', 'row', 'patient'));

-- The clinic a document or row belongs to, when medrec knows it (a row's mapping, a letterhead
-- read on a page it could not classify): a keyed record is filed under it unless the technician
-- names another.
ALTER TABLE review_item ADD COLUMN identifier_system text;

-- A keyed document or row is decided with the action 'record'; its records are kept as keyed.
ALTER TABLE review_item DROP CONSTRAINT review_item_decision_check,
    ADD CONSTRAINT review_item_decision_check CHECK (decision IN ('accept', 'value', 'reject', 'record'));

-- Values a technician keyed carry the method 'keyed' (with the reviewer and the item in their provenance).
ALTER TABLE value_provenance DROP CONSTRAINT value_provenance_method_check,
    ADD CONSTRAINT value_provenance_method_check CHECK (method IN ('ocr', 'text_layer', 'spreadsheet', 'technician', 'keyed'));

-- A clinic created by a technician's explicit decision while keying (listed in the report).
ALTER TABLE identifier_system ADD COLUMN created_by text, ADD COLUMN created_at timestamptz;

-- A document that a technician keyed (from this review item).
ALTER TABLE document ADD COLUMN keyed_from uuid REFERENCES review_item (id);
