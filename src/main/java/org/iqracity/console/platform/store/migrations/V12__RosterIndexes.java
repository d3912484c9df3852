package org.iqracity.console.platform.store.migrations;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.iqracity.console.platform.store.Jdbc;

/**
 * The roster stream (R14) reads a whole course in username order and joins each enrollment to its learner. Through
 * the username search index (V10) every row cost a look-up of the enrollment's row and of the learner's row, which
 * H2 reads whole, bio and mailing address included: on the 1,000,000-learner sandbox the 792,175 rows of one Member
 * took 19-32 s warm (44-49 s cold) in-process, 19-23 s over HTTP. These two indexes carry exactly what a roster row
 * shows (RosterRepository names them), so the enrollment side is one ordered index range and each learner one
 * look-up in a narrow index: 10-13 s warm (18-25 s cold) in-process, 9-10 s over HTTP on a quiet machine. Building
 * them on that sandbox takes ~45 s.
 *
 * <ul>
 *   <li>H2 has no {@code INCLUDE}: the carried columns follow the key. The learner index leads with the id alone,
 *       so it answers {@code l.id = e.learner_id} like the primary key; H2's primary key on a text id is itself an
 *       index pointing at the row, two look-ups instead of one.</li>
 *   <li>PostgreSQL: the same keys with the rest as {@code INCLUDE} columns, read without the table once VACUUM has
 *       marked the pages all-visible (the platform runs it after a bulk load).</li>
 * </ul>
 * The enrollment index carries the Member's id so that the tenant check of every batch (R1) is read from it too,
 * and the country so that a page of the learners list in username order is read from these two indexes alone (the
 * list's default order; see {@code LearnerRepository}). Databases whose index was built without the country get it
 * from V14.
 */
public class V12__RosterIndexes extends BaseJavaMigration {
    /** Enrollment columns a roster row shows or checks, after {@code course_id, username_key, id}. */
    static final List<String> ENROLLMENT_CARRIED = List.of("member_id", "learner_id", "email", "mode", "enrolled_at",
            "active", "progress", "grade", "passed", "certificate", "last_activity_at", "active_days", "sponsor_id",
            "country");
    /** Learner columns a roster row shows, after {@code id}: profile fields only (R5), and the status (R6). */
    static final List<String> LEARNER_CARRIED = List.of("username", "name", "country", "region", "language",
            "year_of_birth", "gender", "level_of_education", "status");

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = Jdbc.isPostgres(c);
        try (Statement st = c.createStatement()) {
            st.execute(enrollmentIndex(postgres));
            st.execute(index("learner_roster", "learner", "id", LEARNER_CARRIED, postgres));
        }
    }

    public static String enrollmentIndex(boolean postgres) {
        return index("enrollment_roster", "enrollment", "course_id, username_key, id", ENROLLMENT_CARRIED, postgres);
    }

    private static String index(String name, String table, String key, List<String> carried, boolean postgres) {
        String rest = String.join(", ", carried);
        return "CREATE INDEX IF NOT EXISTS " + name + " ON " + table + " (" + key
                + (postgres ? ") INCLUDE (" + rest + ")" : ", " + rest + ")");
    }
}
