-- The review UI's queue at scale (100,000 open items): open items by field and by run, oldest
-- first, for the filtered list and "next item"; and the open items someone holds a claim on,
-- so that a technician's own claim is found without reading the whole queue.
CREATE INDEX review_item_open_field ON review_item (field, created_at, id) WHERE status = 'open';
CREATE INDEX review_item_open_run ON review_item (run_id, created_at, id) WHERE status = 'open';
CREATE INDEX review_item_open_claimed ON review_item (claimed_by) WHERE status = 'open' AND claimed_by IS NOT NULL;
