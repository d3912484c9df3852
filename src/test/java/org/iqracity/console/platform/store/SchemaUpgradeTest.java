package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.migrations.V12__RosterIndexes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A platform that already holds data must reach the same schema and the same derived columns as a new sandbox,
 * which the bulk load fills directly: V9's copy of each learner's level of education onto the enrollment (none for
 * a retired learner, R6), V10's search indexes and V12's roster indexes must give what the loader gives.
 */
class SchemaUpgradeTest {
    private static final int LEARNERS = 400;
    private static final String COPIES = "SELECT e.id, e.level_of_education, e.country, l.status FROM enrollment e "
            + "JOIN learner l ON l.id = e.learner_id ORDER BY e.id";

    @Test
    void upgradingOldDataGivesWhatANewSandboxIsLoadedWith(@TempDir Path dir) {
        try (Database loaded = bulkLoaded(dir.resolve("new")); Database old = Database.embedded(dir.resolve("old"))) {
            old.migrateTo("8");
            new SandboxGenerator(old, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
            Jdbc jdbc = new Jdbc(old.dataSource());
            // What a platform at V8 held: no copy of the level of education on its enrollments.
            jdbc.update("ALTER TABLE enrollment DROP COLUMN level_of_education");
            old.migrate();

            List<String> upgraded = jdbc.query(COPIES, SchemaUpgradeTest::copies);
            assertThat(upgraded).hasSizeGreaterThan(LEARNERS)
                    .isEqualTo(new Jdbc(loaded.dataSource()).query(COPIES, SchemaUpgradeTest::copies));
            assertThat(upgraded).filteredOn(row -> row.endsWith("|RETIRED")).isNotEmpty()
                    .allMatch(row -> row.contains("|null|null|"));
            assertThat(upgraded).filteredOn(row -> row.endsWith("|ACTIVE"))
                    .anyMatch(row -> !row.contains("|null|"));
            assertThat(indexes(jdbc)).isEqualTo(indexes(new Jdbc(loaded.dataSource())));
        }
    }

    @Test
    void aRosterIndexBuiltWithoutTheCountryIsRebuiltWithIt(@TempDir Path dir) {
        try (Database loaded = bulkLoaded(dir.resolve("new")); Database old = Database.embedded(dir.resolve("old"))) {
            old.migrateTablesOnly();
            new SandboxGenerator(old, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
            old.migrateTo("13");
            Jdbc jdbc = new Jdbc(old.dataSource());
            // The index as V12 built it before the country was added to it.
            jdbc.update("DROP INDEX enrollment_roster");
            jdbc.update("CREATE INDEX enrollment_roster ON enrollment (course_id, username_key, id, member_id, "
                    + "learner_id, email, mode, enrolled_at, active, progress, grade, passed, certificate, "
                    + "last_activity_at, active_days, sponsor_id)");
            assertThat(indexes(jdbc)).isNotEqualTo(indexes(new Jdbc(loaded.dataSource())));

            old.migrate();

            assertThat(indexes(jdbc)).isEqualTo(indexes(new Jdbc(loaded.dataSource())))
                    .anyMatch(index -> index.startsWith("ENROLLMENT.ENROLLMENT_ROSTER(") && index.contains(",COUNTRY"));
        }
    }

    /**
     * H2 runs DDL outside transactions, and Flyway records a migration only once it is whole: an upgrade stopped
     * part-way through a migration that makes several indexes runs it again over what it had done.
     */
    @Test
    void anUpgradeStoppedPartWayThroughAnIndexMigrationFinishesWhenRunAgain(@TempDir Path dir) {
        try (Database loaded = bulkLoaded(dir.resolve("new"))) {
            List<String> whole = indexes(new Jdbc(loaded.dataSource()));
            // Stopped in V10 after its first index (and the drop of the index it replaces).
            try (Database old = seededAt(dir.resolve("v10"), "9")) {
                Jdbc jdbc = new Jdbc(old.dataSource());
                jdbc.update("CREATE INDEX enrollment_search_username ON enrollment (course_id, username_key, id, "
                        + "name_key, enrolled_at, progress, grade, activity_key, mode, active, passed, country)");
                jdbc.update("DROP INDEX enrollment_by_username");
                old.migrate();
                assertThat(indexes(jdbc)).isEqualTo(whole);
            }
            // Stopped in V12 after its first index.
            try (Database old = seededAt(dir.resolve("v12"), "11")) {
                Jdbc jdbc = new Jdbc(old.dataSource());
                jdbc.update(V12__RosterIndexes.enrollmentIndex(false));
                old.migrate();
                assertThat(indexes(jdbc)).isEqualTo(whole);
            }
            // Stopped in V14 between dropping the roster index built without the country and building it again.
            try (Database old = seededAt(dir.resolve("v14"), "13")) {
                Jdbc jdbc = new Jdbc(old.dataSource());
                jdbc.update("DROP INDEX enrollment_roster");
                old.migrate();
                assertThat(indexes(jdbc)).isEqualTo(whole);
            }
        }
    }

    private static Database seededAt(Path dir, String version) {
        Database db = Database.embedded(dir);
        db.migrateTablesOnly();
        new SandboxGenerator(db, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
        db.migrateTo(version);
        return db;
    }

    @Test
    void searchIndexesCarryEverySortAndFilterColumn(@TempDir Path dir) {
        try (Database db = bulkLoaded(dir)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            assertThat(indexes(jdbc)).map(name -> name.replaceFirst("^ENROLLMENT\\.(\\w+)\\(.*$", "$1"))
                    .contains("ENROLLMENT_SEARCH_USERNAME", "ENROLLMENT_SEARCH_NAME", "ENROLLMENT_SEARCH_EMAIL")
                    .doesNotContain("ENROLLMENT_BY_NAME", "ENROLLMENT_BY_EMAIL");
            List<String> columns = jdbc.query("SELECT column_name FROM information_schema.index_columns "
                    + "WHERE index_name = ? ORDER BY ordinal_position", rs -> rs.getString(1),
                            "ENROLLMENT_SEARCH_EMAIL");
            assertThat(columns).startsWith("COURSE_ID", "EMAIL_KEY", "ID").contains("USERNAME_KEY", "NAME_KEY",
                    "ENROLLED_AT", "PROGRESS", "GRADE", "ACTIVITY_KEY", "MODE", "ACTIVE", "PASSED", "COUNTRY");
        }
    }

    private static Database bulkLoaded(Path dir) {
        Database db = Database.embedded(dir);
        db.migrateTablesOnly();
        new SandboxGenerator(db, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
        db.migrate();
        return db;
    }

    private static String copies(ResultSet rs) throws SQLException {
        return rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4);
    }

    /**
     * The enrollment and learner tables' indexes with their columns; those H2 makes for a constraint end in a
     * generated suffix, left off.
     */
    private static List<String> indexes(Jdbc jdbc) {
        return jdbc.query("SELECT i.table_name, i.index_name, LISTAGG(c.column_name, ',') WITHIN GROUP "
                + "(ORDER BY c.ordinal_position) FROM information_schema.indexes i "
                + "JOIN information_schema.index_columns c ON c.index_schema = i.index_schema "
                + "AND c.index_name = i.index_name "
                + "WHERE i.table_name IN ('ENROLLMENT', 'LEARNER') GROUP BY i.table_name, i.index_name "
                + "ORDER BY i.table_name, i.index_name", rs -> rs.getString(1) + "." + rs.getString(2)
                .replaceFirst("_INDEX_\\w+$", "_INDEX").replaceFirst("^PRIMARY_KEY_\\w+$", "PRIMARY_KEY") + "("
                + rs.getString(3) + ")");
    }
}
