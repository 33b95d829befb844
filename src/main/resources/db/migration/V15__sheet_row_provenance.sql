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
CREATE FUNCTION sheet_row_provenance_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    SELECT 'source_file ' || n.source_file_id INTO missing
    FROM (SELECT DISTINCT source_file_id FROM provenance_rows) n
    WHERE NOT EXISTS (SELECT 1 FROM source_file s WHERE s.id = n.source_file_id) LIMIT 1;
    IF missing IS NULL THEN
        SELECT 'document ' || n.document_id INTO missing
        FROM (SELECT DISTINCT document_id FROM provenance_rows WHERE document_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT 1 FROM document d WHERE d.id = n.document_id) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'sheet_row_provenance names % that does not exist', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'sheet_row_provenance';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sheet_row_provenance_references_on_insert AFTER INSERT ON sheet_row_provenance
    REFERENCING NEW TABLE AS provenance_rows FOR EACH STATEMENT EXECUTE FUNCTION sheet_row_provenance_references();
CREATE TRIGGER sheet_row_provenance_references_on_update AFTER UPDATE ON sheet_row_provenance
    REFERENCING NEW TABLE AS provenance_rows FOR EACH STATEMENT EXECUTE FUNCTION sheet_row_provenance_references();

CREATE OR REPLACE FUNCTION value_provenance_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
BEGIN
    IF TG_TABLE_NAME = 'source_file' THEN
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.source_file_id)
            OR EXISTS (SELECT 1 FROM sheet_row_provenance sp JOIN gone g ON g.id = sp.source_file_id) INTO named;
    ELSIF TG_TABLE_NAME = 'document' THEN
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.document_id)
            OR EXISTS (SELECT 1 FROM sheet_row_provenance sp JOIN gone g ON g.id = sp.document_id) INTO named;
    ELSE
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.review_item_id) INTO named;
    END IF;
    IF named THEN
        RAISE EXCEPTION 'a % that value_provenance names cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;
