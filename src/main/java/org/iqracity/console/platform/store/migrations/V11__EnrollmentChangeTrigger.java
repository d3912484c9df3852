package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.EnrollmentChanges;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.search.SearchSnapshots;

/**
 * H2 only: a statement trigger on the enrollment table that tells {@link SearchSnapshots} a snapshot may be out of
 * date ({@link EnrollmentChanges}). PostgreSQL counts in a row of its own instead (V13), since other programs may
 * write its server.
 */
public class V11__EnrollmentChangeTrigger extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (Jdbc.isPostgres(c)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TRIGGER enrollment_changed AFTER INSERT, UPDATE, DELETE ON enrollment FOR EACH "
                    + "STATEMENT "
                    + "CALL \"" + EnrollmentChanges.class.getName() + "\"");
        }
    }
}
