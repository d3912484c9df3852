package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.EnrollmentChanges;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.search.SearchText;
import org.iqracity.console.platform.store.search.SearchTokens;

/**
 * People search and name order (issue 27): the search words of every enrollment ({@link SearchTokens}), an index
 * that finds a course's words by prefix, and name keys in the human order of {@link SearchText#nameKey} (they were
 * the name in lower case, which put retired accounts first and "Łukasz" after "Z").
 *
 * <p>A new sandbox is loaded with both already written (the loader makes the table), so for it only the index and
 * the triggers are made. An older database gets its enrollments' words and keys here, in pages by id, each
 * committed: a stopped upgrade goes on after the last enrollment that has words (every enrollment has at least its
 * username's). The word table's changes are counted as the enrollment table's are (V11, V13), so a search snapshot
 * never outlives a change of words either.
 */
public class V23__PeopleSearch extends BaseJavaMigration {
    private static final int PAGE = 10_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = Jdbc.isPostgres(c);
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            SearchTokens.createTable(c);
            c.commit();
            for (long last = SearchTokens.fill(c, lastWithWords(c), PAGE); last >= 0;
                 last = SearchTokens.fill(c, last, PAGE)) {
                c.commit();
            }
            c.commit();
            try (Statement st = c.createStatement()) {
                st.execute("CREATE INDEX IF NOT EXISTS enrollment_token_search ON " + SearchTokens.TABLE
                        + " (course_id, token, id)");
                if (postgres) {
                    st.execute("CREATE OR REPLACE TRIGGER enrollment_token_changed AFTER INSERT OR UPDATE OR DELETE "
                            + "OR TRUNCATE ON " + SearchTokens.TABLE + " FOR EACH STATEMENT EXECUTE FUNCTION "
                            + "enrollment_changed()");
                } else {
                    st.execute("CREATE TRIGGER IF NOT EXISTS enrollment_token_changed AFTER INSERT, UPDATE, DELETE ON "
                            + SearchTokens.TABLE + " FOR EACH STATEMENT CALL \"" + EnrollmentChanges.class.getName()
                            + "\"");
                }
            }
            c.commit();
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** The highest enrollment id that has words, or -1. */
    private static long lastWithWords(Connection c) throws Exception {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT MAX(id) FROM " + SearchTokens.TABLE)) {
            rs.next();
            long max = rs.getLong(1);
            return rs.wasNull() ? -1 : SearchTokens.enrollmentOf(max);
        }
    }
}
