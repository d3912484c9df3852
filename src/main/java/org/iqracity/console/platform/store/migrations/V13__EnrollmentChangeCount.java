package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.search.SearchSnapshots;

/**
 * PostgreSQL: a count of the statements that changed enrollments, kept in one row by a statement trigger, so that
 * {@link SearchSnapshots} can hold a large course's search columns in memory there too and tell at once when they are
 * out of date, whoever wrote the table (another platform instance, a script, a restore). The row is updated in the
 * writer's own transaction: the count moves when the change becomes visible, not before. Writers of enrollments
 * queue on that row for the rest of their transaction; enrollments are written in bulk (loads, migrations), not by
 * the API's requests. H2 counts in the JVM instead (V11).
 */
public class V13__EnrollmentChangeCount extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!Jdbc.isPostgres(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE enrollment_change (id INTEGER PRIMARY KEY, changes BIGINT NOT NULL)");
            st.execute("INSERT INTO enrollment_change (id, changes) VALUES (1, 0)");
            st.execute("CREATE FUNCTION enrollment_changed() RETURNS trigger LANGUAGE plpgsql AS "
                    + "'BEGIN UPDATE enrollment_change SET changes = changes + 1 WHERE id = 1; RETURN NULL; END'");
            st.execute("CREATE TRIGGER enrollment_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrollment "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION enrollment_changed()");
        }
    }
}
