-- The provenance of the values a spreadsheet's bulk load stores in one entry (a visit, a
-- diagnosis, a charge, ...) from one sheet row: one row for the entry's values instead of one
-- row per value. Per value it keeps what value_provenance keeps (its id, from value_provenance's
-- sequence, the field, the column and the raw text of the cell, the confidence); file, document,
-- sheet and row are the entry's. The method is always 'spreadsheet' and nothing here was decided
-- by a person (a reviewed value's provenance goes to value_provenance). A million-row export wrote
-- 7.2 million value_provenance rows; this table has about 3 rows per sheet row.
-- Patient and identifier values stay in value_provenance: merges, corrections and the
-- possible-duplicate search look them up one by one.
CREATE TABLE sheet_row_provenance (
    entity         text      NOT NULL CHECK (entity IN ('coverage', 'encounter', 'diagnosis', 'vital_sign', 'medication',
                                 'allergy', 'immunization', 'appointment', 'charge', 'payment')),
    entity_id      bigint    NOT NULL,
    source_file_id bigint    NOT NULL,
    document_id    bigint,
    sheet          text      NOT NULL,
    row_num        integer   NOT NULL CHECK (row_num >= 1),
    ids            bigint[]  NOT NULL,
    fields         text[]    NOT NULL,
    cols           text[]    NOT NULL,
    raws           text[]    NOT NULL,
    confidences    numeric[] NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (cardinality(fields) >= 1 AND cardinality(ids) = cardinality(fields) AND cardinality(cols) = cardinality(fields)
           AND cardinality(raws) = cardinality(fields) AND cardinality(confidences) = cardinality(fields))
);
CREATE INDEX sheet_row_provenance_entity ON sheet_row_provenance (entity, entity_id);
CREATE INDEX sheet_row_provenance_source_file ON sheet_row_provenance (source_file_id);

-- Every stored value's provenance, one row per value, as value_provenance's columns: what readers
-- (the FHIR export, the reports, the tests) select from.
CREATE VIEW value_provenance_all AS
SELECT id, entity, entity_id, field, source_file_id, document_id, page, box, sheet, row_num, col, method, raw, confidence,
       review_item_id, reviewed_by, reviewed_at, created_at
FROM value_provenance
UNION ALL
SELECT v.id, r.entity, r.entity_id, v.field, r.source_file_id, r.document_id, NULL::integer, NULL::integer[], r.sheet,
       r.row_num, v.col, 'spreadsheet'::text, v.raw, v.confidence::numeric(4, 3), NULL::uuid, NULL::text,
       NULL::timestamptz, r.created_at
FROM sheet_row_provenance r
CROSS JOIN LATERAL unnest(r.ids, r.fields, r.cols, r.raws, r.confidences) AS v(id, field, col, raw, confidence);

-- The references of these rows are checked as value_provenance's are (V14): once per statement.
CREATE TRIGGER sheet_row_provenance_references AFTER INSERT ON sheet_row_provenance REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('source_file_id', 'source_file', 'document_id', 'document');
CREATE TRIGGER sheet_row_provenance_references_updated AFTER UPDATE ON sheet_row_provenance REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION check_references('source_file_id', 'source_file', 'document_id', 'document');
DROP TRIGGER source_file_referenced ON source_file;
CREATE TRIGGER source_file_referenced AFTER DELETE ON source_file REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('value_provenance', 'source_file_id',
                                                        'sheet_row_provenance', 'source_file_id');
DROP TRIGGER document_referenced ON document;
CREATE TRIGGER document_referenced AFTER DELETE ON document REFERENCING OLD TABLE AS gone
    FOR EACH STATEMENT EXECUTE FUNCTION check_referenced('value_provenance', 'document_id',
                                                        'sheet_row_provenance', 'document_id');
