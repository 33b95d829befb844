-- After every migration, run by the owner of the schema: what the application role (${appRole})
-- may do. It reads and writes the record store, the ledger and Spring Batch's job repository, and
-- may only add to and read the audit log: no UPDATE, DELETE or TRUNCATE there (besides the
-- triggers that refuse them), and, owning nothing, it cannot drop or disable those triggers.
-- Nothing is done when no separate application role is configured (an empty ${appRole}).
DO $$
DECLARE
    app text := '${appRole}';
BEGIN
    IF app = '' OR app = current_user OR NOT EXISTS (SELECT FROM pg_roles WHERE rolname = app) THEN
        RETURN;
    END IF;
    PERFORM pg_advisory_xact_lock(125779785511524);   -- two commands starting at once grant one after the other
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app);
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', app);
    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log FROM %I', app);
    EXECUTE format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON flyway_schema_history FROM %I', app);
END $$;
