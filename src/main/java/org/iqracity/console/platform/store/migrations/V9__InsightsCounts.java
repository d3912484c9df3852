package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * Course insights (R11) count a course's enrollments by month, mode, activity, progress, grade, country and level of
 * education. Two changes keep each count to one index range at 500,000 enrollments, on H2 and PostgreSQL alike:
 *
 * <ol>
 *   <li>The learner's level of education is copied beside the enrollment, as the country already is, so counting
 *       by it needs no join to {@code learner} (500,000 look-ups took H2 over a minute). A retired account (R6)
 *       keeps neither copy. Whatever later changes a learner's profile must change these copies too.</li>
 *   <li>One index holds every column the counts read, after the course id: the counts then read the index alone,
 *       never the table's rows, which lie scattered among all courses.</li>
 * </ol>
 * The copy is made in pages of enrollments by id, each committed, with the learners' levels read once into memory:
 * one UPDATE with a correlated subquery over a million enrollments ran for over twenty minutes on H2 and held every
 * change in one transaction. A new sandbox is loaded before this runs (see V1), with the column added and filled
 * by the loader, so for it only the index is built.
 */
public class V9__InsightsCounts extends BaseJavaMigration {
    private static final int PAGE = 10_000;

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (Jdbc.hasColumn(c, "enrollment", "level_of_education")) {
                // A sandbox bulk load added and filled the column already (SandboxGenerator): only the index is new.
                createIndex(c);
                return;
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE enrollment ADD COLUMN level_of_education VARCHAR(32)");
            }
            c.commit();
            Map<String, String> education = new HashMap<>();
            Set<String> retired = new HashSet<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT id, level_of_education, status FROM learner "
                         + "WHERE level_of_education IS NOT NULL OR status = 'RETIRED'")) {
                while (rs.next()) {
                    if ("RETIRED".equals(rs.getString(3))) {
                        retired.add(rs.getString(1));
                    } else {
                        education.put(rs.getString(1), rs.getString(2).intern());
                    }
                }
            }
            copy(c, education, retired);
            createIndex(c);
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void createIndex(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX IF NOT EXISTS enrollment_insights ON enrollment (course_id, enrolled_at, mode, "
                    + "activity_key, progress, grade, passed, certificate, country, level_of_education)");
        }
        c.commit();
    }

    private static void copy(Connection c, Map<String, String> education, Set<String> retired) throws Exception {
        long after = Long.MIN_VALUE;
        while (true) {
            List<Object[]> page = new ArrayList<>(PAGE);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, learner_id FROM enrollment WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
            }
            if (page.isEmpty()) {
                return;
            }
            try (PreparedStatement level = c.prepareStatement(
                    "UPDATE enrollment SET level_of_education = ? WHERE id = ?");
                 PreparedStatement placeholder = c.prepareStatement(
                    "UPDATE enrollment SET country = NULL, level_of_education = NULL WHERE id = ?")) {
                for (Object[] row : page) {
                    String learner = (String) row[1];
                    if (retired.contains(learner)) {
                        placeholder.setLong(1, (Long) row[0]);
                        placeholder.addBatch();
                    } else if (education.containsKey(learner)) {
                        level.setString(1, education.get(learner));
                        level.setLong(2, (Long) row[0]);
                        level.addBatch();
                    }
                }
                level.executeBatch();
                placeholder.executeBatch();
            }
            c.commit();
            after = (Long) page.getLast()[0];
        }
    }
}
