-- The printed checkboxes OCR found on a page, and whether each is ticked: [{"b": [x, y, w, h], "x": true|false,
-- "c": confidence}], boxes in pixels of the original page image, as the words' boxes. Pages stored before
-- checkboxes were looked for, and text-layer or blank pages, have none.
ALTER TABLE page ADD COLUMN checkboxes jsonb NOT NULL DEFAULT '[]';
