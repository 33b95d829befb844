-- value_provenance's references (source_file, document, review_item), checked once per statement
-- instead of once per row: a spreadsheet's bulk load writes about seven provenance rows per sheet
-- row, and the per-row foreign-key triggers took more than half of the time of their COPY. The
-- guarantee is the same: no provenance row names a file, document or review item that does not
-- exist (checked after each INSERT, COPY and UPDATE), and none of those can be deleted while a
-- provenance row names it. The error is a foreign-key violation (SQLSTATE 23503), as before.
ALTER TABLE value_provenance
    DROP CONSTRAINT value_provenance_source_file_id_fkey,
    DROP CONSTRAINT value_provenance_document_id_fkey,
    DROP CONSTRAINT value_provenance_review_item_id_fkey;

CREATE FUNCTION value_provenance_references() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF missing IS NULL THEN
        SELECT 'review_item ' || n.review_item_id INTO missing
        FROM (SELECT DISTINCT review_item_id FROM provenance_rows WHERE review_item_id IS NOT NULL) n
        WHERE NOT EXISTS (SELECT 1 FROM review_item r WHERE r.id = n.review_item_id) LIMIT 1;
    END IF;
    IF missing IS NOT NULL THEN
        RAISE EXCEPTION 'value_provenance names % that does not exist', missing
            USING ERRCODE = 'foreign_key_violation', TABLE = 'value_provenance';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER value_provenance_references_on_insert AFTER INSERT ON value_provenance
    REFERENCING NEW TABLE AS provenance_rows FOR EACH STATEMENT EXECUTE FUNCTION value_provenance_references();
CREATE TRIGGER value_provenance_references_on_update AFTER UPDATE ON value_provenance
    REFERENCING NEW TABLE AS provenance_rows FOR EACH STATEMENT EXECUTE FUNCTION value_provenance_references();

-- The other side: a file, document or review item that provenance names stays.
CREATE FUNCTION value_provenance_referenced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    named boolean;
BEGIN
    IF TG_TABLE_NAME = 'source_file' THEN
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.source_file_id) INTO named;
    ELSIF TG_TABLE_NAME = 'document' THEN
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.document_id) INTO named;
    ELSE
        SELECT EXISTS (SELECT 1 FROM value_provenance vp JOIN gone g ON g.id = vp.review_item_id) INTO named;
    END IF;
    IF named THEN
        RAISE EXCEPTION 'a % that value_provenance names cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'foreign_key_violation', TABLE = TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER source_file_named_by_provenance AFTER DELETE ON source_file
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION value_provenance_referenced();
CREATE TRIGGER document_named_by_provenance AFTER DELETE ON document
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION value_provenance_referenced();
CREATE TRIGGER review_item_named_by_provenance AFTER DELETE ON review_item
    REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION value_provenance_referenced();
