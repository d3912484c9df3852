package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On H2, a search page reads every enrollment whose username, name or e-mail starts with the typed prefix (a common
 * first name: 8,000 of a 500,000 course) to sort them by the page's sort column and test the filters. With V2's
 * indexes ({@code course_id, key, id}) each match cost a look-up of its whole row (300-900 ms a search cold). These
 * indexes carry every column a search sorts or filters on, so H2 answers a search from the three index ranges alone.
 * They also serve the username and name sorts, so the narrower V2 indexes go, unless a constraint was built on one.
 *
 * <p>PostgreSQL plans prefix searches on its own indexes (V3) and is left as it is.
 */
public class V10__CoveringSearchIndexes extends BaseJavaMigration {
    /** Columns a search sorts or filters on, carried after {@code course_id, key, id}. */
    private static final List<String> CARRIED = List.of("username_key", "name_key", "enrolled_at", "progress", "grade",
            "activity_key", "mode", "active", "passed", "country");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement st = c.createStatement()) {
            for (String key : new String[] {"username", "name", "email"}) {
                String column = key + "_key";
                List<String> carried = CARRIED.stream().filter(name -> !name.equals(column)).toList();
                st.execute("CREATE INDEX enrollment_search_" + key + " ON enrollment (course_id, " + column + ", id, "
                        + String.join(", ", carried) + ")");
                if (!backsConstraint(c, "ENROLLMENT_BY_" + key.toUpperCase(Locale.ROOT))) {
                    st.execute("DROP INDEX enrollment_by_" + key);
                }
            }
        }
    }

    private static boolean backsConstraint(Connection c, String index) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM information_schema.table_constraints WHERE index_name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }
}
