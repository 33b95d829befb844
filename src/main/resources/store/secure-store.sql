-- The embedded store's roles, run by EmbeddedPostgresServer in PostgreSQL's single-user mode (no
-- server listening, no login) before the server starts, whenever the credentials file changed or the
-- data directory was made by an earlier medrec (trust authentication, everything owned by postgres).
-- Idempotent. Statements end with a semicolon and an empty line (postgres --single -j).
-- jobs/store-roles.sql does the same for a server of your own.

-- medrec_owner owns the schema and runs the migrations; medrec is the role every command works as.
DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medrec_owner') THEN CREATE ROLE medrec_owner; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medrec') THEN CREATE ROLE medrec; END IF;
END $$;

ALTER ROLE medrec_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${ownerPassword}';

ALTER ROLE medrec LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD '${appPassword}';

-- The superuser cannot log in at all (no password; pg_hba.conf admits only the two roles above).
ALTER ROLE postgres PASSWORD NULL;

REVOKE ALL ON DATABASE postgres FROM PUBLIC;

GRANT CONNECT, TEMPORARY ON DATABASE postgres TO medrec_owner, medrec;

ALTER SCHEMA public OWNER TO medrec_owner;

REVOKE ALL ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO medrec;

-- A store made by an earlier medrec: its tables, sequences, views and functions belong to postgres.
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
               AND pg_get_userbyid(c.relowner) <> 'medrec_owner' LOOP
        EXECUTE format('ALTER %s %s OWNER TO medrec_owner',
                       CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
    END LOOP;
    -- sequences of a serial column moved with their table; these are the stand-alone ones (Spring Batch's)
    FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> 'medrec_owner' LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO medrec_owner', r.name);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'medrec_owner' LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO medrec_owner', r.name);
    END LOOP;
END $$;

