-- The pages of chart files as read: by OCR (words with confidence and box, in pixels of the
-- original page image), from a PDF text layer, or found blank. Extraction reads them from here,
-- and the review UI draws boxes on the page from them.
CREATE TABLE page (
    id              bigserial PRIMARY KEY,
    source_file_id  bigint      NOT NULL REFERENCES source_file (id),
    number          integer     NOT NULL CHECK (number >= 1),
    width           integer     NOT NULL CHECK (width > 0),
    height          integer     NOT NULL CHECK (height > 0),
    dpi             integer     NOT NULL CHECK (dpi > 0),
    source          text        NOT NULL CHECK (source IN ('ocr', 'text_layer', 'blank')),
    rotation        integer     NOT NULL DEFAULT 0 CHECK (rotation IN (0, 90, 180, 270)),
    skew_degrees    numeric(5, 2),
    mean_confidence numeric(4, 3) CHECK (mean_confidence BETWEEN 0 AND 1),
    words           jsonb       NOT NULL,   -- [{"t": text, "c": confidence, "b": [x, y, w, h], "l": line}]
    ocr_millis      integer,
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (source_file_id, number)
);
