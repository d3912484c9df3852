package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * A search reads every enrollment whose username, name or e-mail starts with the typed prefix (a common first name:
 * 8,000 of a 500,000 course) to sort them by the page's sort column, test the filters and count them. With indexes
 * of {@code course_id, key, id} alone each match cost a look-up of its whole row (on H2 300-900 ms a search cold).
 * These indexes carry every column a search sorts or filters on, so both databases answer a search from the three
 * index ranges alone.
 *
 * <p>Each statement may find its work done: H2 runs DDL outside transactions, so an upgrade stopped part-way
 * through this migration runs it again from the start.
 *
 * <ul>
 *   <li>H2: they could also serve the username and name sorts, so V2's narrower indexes go, unless a constraint was
 *       built on one. (The username sort now reads the roster index, which holds a whole row: V12, V14.)</li>
 *   <li>PostgreSQL: the key is indexed with {@code text_pattern_ops}, which a {@code LIKE 'abc%'} range needs (V3's
 *       indexes, replaced here), and the rest is carried as {@code INCLUDE} columns. Index-only reads need the
 *       visibility map, which VACUUM keeps (the platform runs it after a bulk load; autovacuum after that).</li>
 * </ul>
 */
public class V10__CoveringSearchIndexes extends BaseJavaMigration {
    /** Columns a search sorts or filters on, carried after {@code course_id, key, id}. */
    private static final List<String> CARRIED = List.of("username_key", "name_key", "enrolled_at", "progress", "grade",
            "activity_key", "mode", "active", "passed", "country");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = Jdbc.isPostgres(c);
        try (Statement st = c.createStatement()) {
            for (String key : new String[] {"username", "name", "email"}) {
                String column = key + "_key";
                String carried = String.join(", ", CARRIED.stream().filter(name -> !name.equals(column)).toList());
                if (postgres) {
                    st.execute("CREATE INDEX IF NOT EXISTS enrollment_search_" + key + " ON enrollment (course_id, "
                            + column + " text_pattern_ops, id) INCLUDE (" + carried + ")");
                    st.execute("DROP INDEX IF EXISTS enrollment_prefix_" + column);
                } else {
                    st.execute("CREATE INDEX IF NOT EXISTS enrollment_search_" + key + " ON enrollment (course_id, "
                            + column + ", id, " + carried + ")");
                    if (!backsConstraint(c, "ENROLLMENT_BY_" + key.toUpperCase(Locale.ROOT))) {
                        st.execute("DROP INDEX IF EXISTS enrollment_by_" + key);
                    }
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
