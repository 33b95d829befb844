-- Possible duplicate patients (issue 6): the blocks patients are compared in, the pairs a person
-- must decide ("same person?"), and the links people confirmed. A link merges the second patient
-- into the first (the one recorded first keeps the record, with both MRNs); the second row stays,
-- marked merged_into, with the values it disagreed on and their provenance.
ALTER TABLE patient ADD COLUMN merged_into bigint REFERENCES patient (id) CHECK (merged_into <> id);

-- Blocking keys of a patient within one identifier system (birth year, Soundex of the family name
-- with the given initial, phone digits): a patient is compared only with those that share a key.
CREATE TABLE patient_block_key (
    system_id  bigint NOT NULL REFERENCES identifier_system (id),
    key        text   NOT NULL,
    patient_id bigint NOT NULL REFERENCES patient (id),
    PRIMARY KEY (system_id, key, patient_id)
);
CREATE INDEX patient_block_key_patient ON patient_block_key (patient_id);

-- A pair of patients of one identifier system that may be one person, and what a person decided.
CREATE TABLE patient_link (
    id                  bigserial PRIMARY KEY,
    patient_id          bigint      NOT NULL REFERENCES patient (id),   -- recorded first: keeps the record
    other_patient_id    bigint      NOT NULL REFERENCES patient (id),
    identifier_id       bigint      NOT NULL REFERENCES patient_identifier (id),   -- each side's MRN
    other_identifier_id bigint      NOT NULL REFERENCES patient_identifier (id),
    weight              numeric(6, 1) NOT NULL,   -- the Fellegi-Sunter match weight when last compared
    agreement           text        NOT NULL,     -- each field's agreement level, for the reviewer
    status              text        NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'linked', 'distinct')),
    decided_by          text,
    decided_at          timestamptz,
    review_item_id      uuid        REFERENCES review_item (id),
    reason              text,                     -- why they are different people
    created_at          timestamptz NOT NULL DEFAULT now(),
    CHECK (patient_id < other_patient_id),
    UNIQUE (patient_id, other_patient_id),
    CHECK ((status = 'candidate') = (decided_at IS NULL))
);

-- A "same person?" item names its pair; one item per source file of either patient.
ALTER TABLE review_item ADD COLUMN patient_link_id bigint REFERENCES patient_link (id);
CREATE INDEX review_item_patient_link ON review_item (patient_link_id);
