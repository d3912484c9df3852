package org.iqracity.console.platform.store.migrations;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * PostgreSQL only: a chain's head row ({@code access_log_head}) moves the one way the platform moves it. The platform
 * inserts a head at the genesis of a chain that has no entries, and after appending an entry moves the head onto it:
 * one step on, to the entry that links to the old head. A trigger refuses every other change, for every role, and
 * deleting or truncating heads. Without it the application role could move a head back to hide the newest entries, or
 * point it at nothing and stop that Member's sign-ins. Keying an older chain ({@code AccessLog#keyChains}) sets a head
 * to the hash its own entry now has, so that is let through too. Another program on the embedded H2 database would
 * need the platform's key to open the file, and has one role anyway: nothing to do there.
 */
public class V26__ChainHeadGuard extends BaseJavaMigration {
    static final String GUARD = """
            CREATE OR REPLACE FUNCTION access_log_head_guard() RETURNS trigger
                LANGUAGE plpgsql AS $fn$
            BEGIN
                IF TG_OP = 'INSERT' THEN
                    -- A new chain starts at its genesis. When a head for the Member is there already (another node made
                    -- it a moment ago), the insert goes on, for the primary key to refuse as a duplicate.
                    IF NEW.seq = 0 AND NEW.hash = repeat('0', 64)
                            AND (NOT EXISTS (SELECT 1 FROM access_log WHERE member_id = NEW.member_id)
                                 OR EXISTS (SELECT 1 FROM access_log_head WHERE member_id = NEW.member_id)) THEN
                        RETURN NEW;
                    END IF;
                ELSIF TG_OP = 'UPDATE' THEN
                    IF NEW.member_id = OLD.member_id AND (
                            (NEW.seq = OLD.seq + 1 AND EXISTS (SELECT 1 FROM access_log WHERE member_id = NEW.member_id
                                AND seq = NEW.seq AND prev_hash = OLD.hash AND hash = NEW.hash))
                            OR (NEW.seq = OLD.seq AND EXISTS (SELECT 1 FROM access_log WHERE member_id = NEW.member_id
                                AND seq = NEW.seq AND hash = NEW.hash))) THEN
                        RETURN NEW;
                    END IF;
                END IF;
                RAISE EXCEPTION 'An access-log chain head only moves on to the entry appended after it: % refused',
                    TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $fn$""";

    @Override
    public void migrate(Context context) throws Exception {
        if (!Jdbc.isPostgres(context.getConnection())) {
            return;
        }
        try (Statement st = context.getConnection().createStatement()) {
            st.execute(GUARD);
            st.execute("DROP TRIGGER IF EXISTS access_log_head_guard ON access_log_head");
            st.execute("CREATE TRIGGER access_log_head_guard BEFORE INSERT OR UPDATE OR DELETE ON access_log_head "
                    + "FOR EACH ROW EXECUTE FUNCTION access_log_head_guard()");
            st.execute("DROP TRIGGER IF EXISTS access_log_head_no_truncate ON access_log_head");
            st.execute("CREATE TRIGGER access_log_head_no_truncate BEFORE TRUNCATE ON access_log_head "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION access_log_head_guard()");
        }
    }
}
