package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL: a roster index built before it carried the enrollment's country (V12 as it was) is rebuilt with it by
 * V14, and the learners list in username order reads the same rows either way.
 */
class PostgresRosterIndexUpgradeTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";

    @Test
    void anOldRosterIndexGainsTheCountry() throws Exception {
        String url = TestPostgres.freshDatabase("roster_index_upgrade", null);
        try (Database db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            db.migrateTablesOnly();
            new SandboxGenerator(db, 5, 600, (stage, f) -> { }, new PasswordHasher()).seed();
            db.migrateTo("13");
            Jdbc jdbc = new Jdbc(db.dataSource());
            jdbc.update("DROP INDEX enrollment_roster");
            jdbc.update("CREATE INDEX enrollment_roster ON enrollment (course_id, username_key, id) INCLUDE "
                    + "(member_id, "
                    + "learner_id, email, mode, enrolled_at, active, progress, grade, passed, certificate, "
                    + "last_activity_at, active_days, sponsor_id)");
            List<String> before = firstPage(jdbc);
            assertThat(rosterColumns(jdbc)).doesNotContain("country");

            db.migrate();

            assertThat(rosterColumns(jdbc)).startsWith("course_id", "username_key", "id").contains("country");
            assertThat(firstPage(jdbc)).hasSize(50).isEqualTo(before);
        }
    }

    private static List<String> rosterColumns(Jdbc jdbc) {
        return jdbc.query("SELECT a.attname FROM pg_class i JOIN pg_attribute a ON a.attrelid = i.oid "
                + "WHERE i.relname = 'enrollment_roster' ORDER BY a.attnum", rs -> rs.getString(1));
    }

    private static List<String> firstPage(Jdbc jdbc) {
        return jdbc.query("SELECT e.id, e.country FROM enrollment e WHERE e.course_id = ? "
                + "ORDER BY e.username_key, e.id LIMIT 50", rs -> rs.getLong(1) + "|" + rs.getString(2), CS101);
    }
}
