-- A document's extracted records wait here while any of their values is in review; when the
-- last item is resolved the records are loaded (and this copy kept for the audit trail).
ALTER TABLE document ADD COLUMN run_id uuid REFERENCES migration_run (id);
ALTER TABLE document ADD COLUMN records jsonb;
ALTER TABLE document ADD COLUMN reason text;
CREATE INDEX document_status ON document (status);

ALTER TABLE review_item ADD COLUMN record_index integer CHECK (record_index >= 0);
