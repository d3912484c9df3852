package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * The learners list in username order reads its page from the roster indexes (V12) instead of the enrollments' and
 * learners' rows, which needs the enrollment's country there too. V12 now builds the index with it; a database whose
 * index was built before that gets it rebuilt here (on the 1,000,000-learner sandbox 14.5 s, once). A
 * database V12 built with the country is left as it is.
 */
public class V14__RosterIndexCountry extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = Jdbc.isPostgres(c);
        if (carriesCountry(c, postgres)) {
            return;
        }
        try (Statement st = c.createStatement()) {
            // IF EXISTS: an upgrade stopped between the two statements runs both again (H2 DDL is not transactional).
            st.execute("DROP INDEX IF EXISTS enrollment_roster");
            st.execute(V12__RosterIndexes.enrollmentIndex(postgres));
        }
    }

    private static boolean carriesCountry(Connection c, boolean postgres) throws SQLException {
        String sql = postgres
                ? "SELECT COUNT(*) FROM pg_class i JOIN pg_attribute a ON a.attrelid = i.oid "
                        + "WHERE i.relname = 'enrollment_roster' AND i.relkind = 'i' AND a.attname = 'country'"
                : "SELECT COUNT(*) FROM information_schema.index_columns "
                        + "WHERE index_name = 'ENROLLMENT_ROSTER' AND column_name = 'COUNTRY'";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}
