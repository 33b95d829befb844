-- The record store: the record model of shared/specs/record-model.md, with the provenance of
-- every stored value, the documents values come from, and the review queue.

-- A clinic's identifier system: the same MRN at two clinics is two identifiers.
CREATE TABLE identifier_system (
    id     bigserial PRIMARY KEY,
    system text NOT NULL UNIQUE,   -- e.g. urn:medrec:clinic:northgate (configurable per clinic)
    name   text NOT NULL
);

CREATE TABLE patient (
    id           bigserial PRIMARY KEY,
    family       text,
    given        text[]      NOT NULL DEFAULT '{}',
    suffix       text,
    birth_date   date        CHECK (birth_date >= DATE '1900-01-01'),
    sex          text        CHECK (sex IN ('female', 'male', 'other', 'unknown')),
    address_line text[]      NOT NULL DEFAULT '{}',
    city         text,
    state        char(2)     CHECK (state ~ '^[A-Z]{2}$'),
    postal_code  text        CHECK (postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'),
    phone        text,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE patient_identifier (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    system_id  bigint NOT NULL REFERENCES identifier_system (id),
    value      text   NOT NULL CHECK (value <> ''),
    UNIQUE (system_id, value)
);
CREATE INDEX patient_identifier_patient ON patient_identifier (patient_id);

-- A document: the pages of one source file that make one chart document (or one sheet).
CREATE TABLE document (
    id             bigserial PRIMARY KEY,
    source_file_id bigint      NOT NULL REFERENCES source_file (id),
    doc_type       text        NOT NULL,
    first_page     integer     CHECK (first_page >= 1),
    last_page      integer     CHECK (last_page >= first_page),
    sheet          text,
    status         text        NOT NULL CHECK (status IN ('held', 'loaded', 'quarantined')),
    confidence     numeric(4, 3) CHECK (confidence BETWEEN 0 AND 1),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_source_file ON document (source_file_id);

CREATE TABLE coverage (
    id           bigserial PRIMARY KEY,
    patient_id   bigint NOT NULL REFERENCES patient (id),
    payer        text,
    member_id    text,
    group_number text
);

CREATE TABLE encounter (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    date       date,
    provider   text,
    npi        char(10) CHECK (npi ~ '^[0-9]{10}$'),
    reason     text
);
CREATE INDEX encounter_patient ON encounter (patient_id);

-- A diagnosis of an encounter, or (encounter_id null) an entry of the problem list.
CREATE TABLE diagnosis (
    id           bigserial PRIMARY KEY,
    patient_id   bigint NOT NULL REFERENCES patient (id),
    encounter_id bigint REFERENCES encounter (id),
    code         text   CHECK (code ~ '^[A-TV-Z][0-9][0-9AB](\.[0-9A-TV-Z]{1,4})?$'),
    display      text,
    CHECK (code IS NOT NULL OR display IS NOT NULL)
);
CREATE INDEX diagnosis_patient ON diagnosis (patient_id);

CREATE TABLE vital_sign (
    id           bigserial PRIMARY KEY,
    patient_id   bigint  NOT NULL REFERENCES patient (id),
    encounter_id bigint  REFERENCES encounter (id),
    kind         text    NOT NULL CHECK (kind IN ('bp_systolic', 'bp_diastolic', 'pulse', 'resp_rate',
                                                  'temp_f', 'weight_lb', 'height_in', 'spo2')),
    value        numeric NOT NULL,
    unit         text    NOT NULL
);
CREATE INDEX vital_sign_encounter ON vital_sign (encounter_id);

CREATE TABLE medication (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    name       text   NOT NULL,
    dose       text,
    route      text,
    frequency  text
);
CREATE INDEX medication_patient ON medication (patient_id);

CREATE TABLE allergy (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    substance  text   NOT NULL,
    reaction   text
);
CREATE INDEX allergy_patient ON allergy (patient_id);

CREATE TABLE immunization (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    vaccine    text,
    cvx        text   CHECK (cvx ~ '^[0-9]{1,3}$'),
    date       date,
    lot        text
);
CREATE INDEX immunization_patient ON immunization (patient_id);

CREATE TABLE appointment (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    date       date,
    time       time,
    provider   text,
    status     text   CHECK (status IN ('proposed', 'pending', 'booked', 'arrived', 'fulfilled',
                                        'cancelled', 'noshow', 'entered-in-error', 'checked-in', 'waitlist'))
);
CREATE INDEX appointment_patient ON appointment (patient_id);

-- A billing ledger line; `payment` is everything credited to it, `balance` the running balance.
CREATE TABLE charge (
    id          bigserial PRIMARY KEY,
    patient_id  bigint NOT NULL REFERENCES patient (id),
    date        date,
    cpt         text   CHECK (cpt ~ '^([0-9]{4}[0-9FTU]|[A-V][0-9]{4})$'),
    description text,
    charge      numeric(12, 2),
    payment     numeric(12, 2),
    balance     numeric(12, 2)
);
CREATE INDEX charge_patient ON charge (patient_id);

-- Individual payments, where the source lists them (applied to a charge when it says which).
CREATE TABLE payment (
    id         bigserial PRIMARY KEY,
    patient_id bigint NOT NULL REFERENCES patient (id),
    charge_id  bigint REFERENCES charge (id),
    date       date,
    amount     numeric(12, 2) NOT NULL,
    payer      text
);
CREATE INDEX payment_patient ON payment (patient_id);

-- The review queue: values a technician must see before they are loaded.
CREATE TABLE review_item (
    id               uuid PRIMARY KEY,
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
    run_id           uuid        REFERENCES migration_run (id),
    source_file_id   bigint      NOT NULL REFERENCES source_file (id),
    document_id      bigint      REFERENCES document (id),
    path             text        NOT NULL,   -- the file's path relative to the run's --input
    page             integer     CHECK (page >= 1),
    box              integer[]   CHECK (box IS NULL OR cardinality(box) = 4),   -- x, y, width, height in page pixels
    sheet            text,
    row_num          integer     CHECK (row_num >= 1),
    col              text,
    mrn              text,
    field            text        NOT NULL,   -- a record-model path, or '*' for a whole file, row or patient
    raw              text,
    proposed_value   text,
    confidence       numeric(4, 3) CHECK (confidence BETWEEN 0 AND 1),
    reason           text        NOT NULL,
    decision         text        CHECK (decision IN ('accept', 'value', 'reject')),
    decided_value    text,
    reject_reason    text,
    decided_by       text,
    decided_at       timestamptz,
    claimed_by       text,
    claim_expires_at timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'open') = (decision IS NULL))
);
CREATE INDEX review_item_open ON review_item (created_at, id) WHERE status = 'open';
CREATE INDEX review_item_document ON review_item (document_id);

-- Where every stored value came from: one row per (entity row, field, source).
-- A value confirmed by two sources has two rows.
CREATE TABLE value_provenance (
    id             bigserial PRIMARY KEY,
    entity         text        NOT NULL CHECK (entity IN ('patient', 'patient_identifier', 'coverage', 'encounter',
                                  'diagnosis', 'vital_sign', 'medication', 'allergy', 'immunization',
                                  'appointment', 'charge', 'payment')),
    entity_id      bigint      NOT NULL,
    field          text        NOT NULL,
    source_file_id bigint      NOT NULL REFERENCES source_file (id),
    document_id    bigint      REFERENCES document (id),
    page           integer     CHECK (page >= 1),
    box            integer[]   CHECK (box IS NULL OR cardinality(box) = 4),
    sheet          text,
    row_num        integer     CHECK (row_num >= 1),
    col            text,
    method         text        NOT NULL CHECK (method IN ('ocr', 'text_layer', 'spreadsheet', 'technician')),
    raw            text,
    confidence     numeric(4, 3) CHECK (confidence BETWEEN 0 AND 1),
    review_item_id uuid        REFERENCES review_item (id),
    reviewed_by    text,
    reviewed_at    timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CHECK (page IS NOT NULL OR row_num IS NOT NULL),
    CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);
CREATE INDEX value_provenance_entity ON value_provenance (entity, entity_id);
CREATE INDEX value_provenance_source_file ON value_provenance (source_file_id);
