-- Migration runs, the source-file ledger, accounts and the append-only audit log.

-- One row per `medrec migrate` run (restarts of a failed run keep the same row).
CREATE TABLE migration_run (
    id               uuid PRIMARY KEY,
    input_dir        text        NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now(),
    ended_at         timestamptz,
    status           text        NOT NULL DEFAULT 'STARTED'
                     CHECK (status IN ('STARTED', 'COMPLETED', 'FAILED', 'STOPPED')),
    job_execution_id bigint,
    message          text
);

-- One row per distinct file content (SHA-256): what it is and how it ended.
CREATE TABLE source_file (
    id           bigserial PRIMARY KEY,
    -- null only for a file that could not be read at all (then it is quarantined)
    sha256       char(64)    UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes   bigint      NOT NULL CHECK (size_bytes >= 0),
    first_path   text        NOT NULL,
    first_run_id uuid        NOT NULL REFERENCES migration_run (id),
    format       text        NOT NULL
                 CHECK (format IN ('PDF', 'TIFF', 'PNG', 'JPEG', 'XLSX', 'XLS', 'CSV', 'TSV', 'EMPTY', 'OTHER')),
    pages        integer     CHECK (pages >= 0),
    -- received: intake accepted it and later stages have not finished with it yet
    outcome      text        NOT NULL
                 CHECK (outcome IN ('received', 'loaded', 'held_for_review', 'quarantined')),
    reason       text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CHECK (outcome <> 'quarantined' OR reason IS NOT NULL),
    CHECK (sha256 IS NOT NULL OR outcome = 'quarantined')
);

-- The ledger: every path seen by every run, and what the run did with it.
CREATE TABLE run_file (
    run_id         uuid        NOT NULL REFERENCES migration_run (id),
    path           text        NOT NULL,
    source_file_id bigint      NOT NULL REFERENCES source_file (id),
    disposition    text        NOT NULL CHECK (disposition IN ('new', 'already_migrated')),
    seen_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, path)
);
CREATE INDEX run_file_source_file ON run_file (source_file_id);

-- Accounts for the technicians' web UI; passwords as bcrypt hashes.
CREATE TABLE app_user (
    id            bigserial PRIMARY KEY,
    username      text        NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{1,64}$'),
    password_hash text        NOT NULL CHECK (password_hash LIKE '$2%'),
    role          text        NOT NULL CHECK (role IN ('technician', 'viewer', 'admin')),
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- Who did what, when, from where. Append-only: the database refuses UPDATE, DELETE and TRUNCATE.
CREATE TABLE audit_log (
    id          bigserial PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT now(),
    actor       text        NOT NULL,
    origin      text        NOT NULL CHECK (origin IN ('cli', 'web', 'job')),
    action      text        NOT NULL,
    entity      text,
    entity_id   text,
    old_value   text,
    new_value   text,
    detail      jsonb
);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
