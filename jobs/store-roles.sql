-- The roles medrec needs on a PostgreSQL server of your own (MEDREC_DB_URL). The embedded store
-- runs this very script too (then src/main/resources/store/secure-store.sql sets its passwords).
-- A DBA runs it once, as a superuser, in the database medrec will use:
--
--   createdb medrec
--   psql -v ON_ERROR_STOP=1 -d medrec -f jobs/store-roles.sql
--   psql -d medrec -c '\password medrec_owner'   # give each role a password (psql sends a SCRAM hash)
--   psql -d medrec -c '\password medrec'
--
-- then medrec runs with:
--   MEDREC_DB_URL=jdbc:postgresql://HOST:5432/medrec
--   MEDREC_DB_USER=medrec        MEDREC_DB_PASSWORD=...         (every command works as this role)
--   MEDREC_DB_OWNER_USER=medrec_owner  MEDREC_DB_OWNER_PASSWORD=...  (runs the schema migrations)
--
-- medrec_owner owns the schema and runs the Flyway migrations; after each migration it grants
-- medrec what it may do (db/migration/afterMigrate.sql): read and write the record store, the
-- ledger and Spring Batch's tables, and only INSERT and SELECT the audit log. medrec is no
-- superuser, owns no table, and so cannot drop or disable the audit log's triggers. migrate and
-- serve warn when they are connected as a superuser or as the tables' owner.
-- In pg_hba.conf, admit both roles with scram-sha-256 only, from medrec's hosts only.
-- Idempotent: run it again after a medrec upgrade, or on a database an earlier medrec filled as
-- another role (its tables are then given to medrec_owner). Statements are separated by an empty
-- line (the embedded store runs it in PostgreSQL's single-user mode).

DO $$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medrec_owner') THEN CREATE ROLE medrec_owner; END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'medrec') THEN CREATE ROLE medrec; END IF;
END $$;

ALTER ROLE medrec_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

ALTER ROLE medrec LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;

DO $$ BEGIN
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO medrec_owner, medrec', current_database());
END $$;

ALTER SCHEMA public OWNER TO medrec_owner;

REVOKE ALL ON SCHEMA public FROM PUBLIC;

GRANT USAGE ON SCHEMA public TO medrec;

-- Tables, sequences, views and functions an earlier medrec made as another role.
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
    FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind = 'S' AND pg_get_userbyid(c.relowner) <> 'medrec_owner' LOOP
        EXECUTE format('ALTER SEQUENCE %s OWNER TO medrec_owner', r.name);
    END LOOP;
    FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'medrec_owner' LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO medrec_owner', r.name);
    END LOOP;
END $$;

