-- The embedded store's passwords, run by EmbeddedPostgresServer (StoreAccess) in PostgreSQL's
-- single-user mode (no server listening) before the server starts, after jobs/store-roles.sql (the
-- roles, the same as on a server of one's own), whenever credentials.properties changed or the data
-- directory was made by an earlier medrec (trust authentication, everything owned by postgres).
-- Statements end with a semicolon and an empty line (postgres --single -j).

ALTER ROLE medrec_owner PASSWORD '${ownerPassword}';

ALTER ROLE medrec PASSWORD '${appPassword}';

-- The superuser cannot log in at all (no password; pg_hba.conf admits only the two roles above).
ALTER ROLE postgres PASSWORD NULL;

