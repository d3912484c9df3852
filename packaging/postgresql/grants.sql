-- Member Console platform: privileges of the application role on PostgreSQL.
--
-- Two roles: an OWNER that owns the schema and runs the migrations (`member-console platform --db ... --migrate-only`
-- with the owner's credentials, once per new version), and an APPLICATION role the platform runs as day to day.
-- This script, run by the owner after the migrations, gives the application role what it needs and no more: it
-- reads and writes the platform's tables, but it may only READ and APPEND the access log (R12), never UPDATE, DELETE
-- or TRUNCATE it, only make and move on its chain heads, and may not change the migration history.
--
-- Before:   sudo -u postgres psql -c "CREATE ROLE iqracity_app LOGIN PASSWORD '...'"   -- or any role with CREATEROLE
--           (the owner role, e.g. iqracity_owner, owns the database and its schema)
-- Run:      psql -v ON_ERROR_STOP=1 -h localhost -U iqracity_owner -d iqracity -f grants.sql
-- Another name for the application role:  PGOPTIONS='-c iqracity.app_role=my_app_role' psql ... -f grants.sql
-- Run it again after every upgrade: it is idempotent and covers tables the new version added (for instance the nodes'
-- leases and the limits every node shares: platform_node, login_failure, heavy_call, refusal_count, whose rows the
-- application role writes and deletes like any other table's).
--
-- On top of the privileges, triggers refuse for every role, the owner included: UPDATE, DELETE and TRUNCATE of the
-- access log (this script makes them), and any change to a chain's head row but the step on that the platform makes
-- when it appends (the migrations make that one, V26). Only the tables' owner or a superuser can switch them off,
-- with an ALTER TABLE ... DISABLE TRIGGER that the database can log (log_statement = 'ddl'). Whatever happens at
-- that level, the platform's chain verification (GET /api/v1/access-log/verify) names the first entry changed or
-- removed.

DO $grants$
DECLARE
    app    text := coalesce(nullif(current_setting('iqracity.app_role', true), ''), 'iqracity_app');
    schema text := current_schema();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'Role % does not exist: create it first (CREATE ROLE % LOGIN PASSWORD ...)', app, app;
    END IF;
    IF to_regclass(format('%I.access_log', schema)) IS NULL THEN
        RAISE EXCEPTION 'No access_log table in schema %: start the platform once as the owner to migrate', schema;
    END IF;
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = app) THEN
        RAISE EXCEPTION 'Role % is a superuser: no privilege can be withheld from it', app;
    END IF;

    -- Nobody but the owner creates objects in the schema (a trigger or function of the app's own, for instance).
    EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', schema);
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', schema, app);

    -- Everything the platform reads and writes, for the tables of today and of later migrations by this owner.
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', schema, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                   schema, app);
    EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I', schema, app);
    EXECUTE format('REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA %I FROM %I', schema, app);

    -- The access log: read and append only.
    EXECUTE format('REVOKE ALL ON %I.access_log FROM %I', schema, app);
    EXECUTE format('GRANT SELECT, INSERT ON %I.access_log TO %I', schema, app);
    -- Its head rows (the last entry of each Member's chain) are made and moved on, never deleted. The migrations' own
    -- trigger (V26) lets a head move only onto the entry appended after it, for every role.
    EXECUTE format('REVOKE ALL ON %I.access_log_head FROM %I', schema, app);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON %I.access_log_head TO %I', schema, app);

    -- The migration history is the owner's: the platform only reads it to check the schema is up to date.
    IF to_regclass(format('%I.flyway_schema_history', schema)) IS NOT NULL THEN
        EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM %I', schema, app);
        EXECUTE format('GRANT SELECT ON %I.flyway_schema_history TO %I', schema, app);
    END IF;
END
$grants$;

CREATE OR REPLACE FUNCTION access_log_append_only() RETURNS trigger
    LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION 'The access log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$fn$;

DROP TRIGGER IF EXISTS access_log_no_update_or_delete ON access_log;
CREATE TRIGGER access_log_no_update_or_delete
    BEFORE UPDATE OR DELETE ON access_log
    FOR EACH ROW EXECUTE FUNCTION access_log_append_only();

DROP TRIGGER IF EXISTS access_log_no_truncate ON access_log;
CREATE TRIGGER access_log_no_truncate
    BEFORE TRUNCATE ON access_log
    FOR EACH STATEMENT EXECUTE FUNCTION access_log_append_only();
