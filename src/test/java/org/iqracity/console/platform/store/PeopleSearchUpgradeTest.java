package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.search.SearchText;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V23 gives a database made before people search what a new sandbox is loaded with: the same search words and name
 * keys, an index over the words, and nothing of a retired learner (R6) but the username, even where an enrollment
 * still holds the address and name it had before the account was deleted.
 */
class PeopleSearchUpgradeTest {
    private static final int LEARNERS = 400;
    private static final String WORDS = "SELECT id, course_id, token FROM enrollment_token ORDER BY id";
    private static final String KEYS = "SELECT id, name_key FROM enrollment ORDER BY id";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void anOlderDatabaseGetsTheWordsAndNameKeysANewSandboxIsLoadedWith(String kind) throws Exception {
        try (Database loaded = open(kind, "people_search_new"); Database old = open(kind, "people_search_old")) {
            loaded.migrateTablesOnly();
            new SandboxGenerator(loaded, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
            loaded.migrate();

            old.migrateTablesOnly();
            new SandboxGenerator(old, 7, LEARNERS, (stage, f) -> { }, new PasswordHasher()).seed();
            Jdbc jdbc = new Jdbc(old.dataSource());
            // What a database held before V23: no words, the name in lower case as its key ("" for none).
            jdbc.update("DROP TABLE enrollment_token");
            jdbc.update("UPDATE enrollment SET name_key = COALESCE((SELECT LOWER(l.name) FROM learner l "
                    + "WHERE l.id = enrollment.learner_id), '')");
            // A retired learner whose enrollment kept what the account showed before it was deleted.
            long stale = jdbc.queryOne("SELECT e.id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                    + "WHERE l.status = 'RETIRED' ORDER BY e.id", rs -> rs.getLong(1)).orElseThrow();
            String course = jdbc.queryOne("SELECT course_id FROM enrollment WHERE id = ?", rs -> rs.getString(1),
                    stale).orElseThrow();
            jdbc.update("UPDATE enrollment SET email = 'wilhelmina.formerly@example.com', email_key = "
                    + "'wilhelmina.formerly@example.com', name_key = 'wilhelmina formerly' WHERE id = ?", stale);

            old.migrate();

            Jdbc reference = new Jdbc(loaded.dataSource());
            assertThat(jdbc.query(WORDS, PeopleSearchUpgradeTest::row)).hasSizeGreaterThan(LEARNERS)
                    .isEqualTo(reference.query(WORDS, PeopleSearchUpgradeTest::row));
            assertThat(jdbc.query(KEYS, PeopleSearchUpgradeTest::row))
                    .isEqualTo(reference.query(KEYS, PeopleSearchUpgradeTest::row));
            LearnerRepository learners = new LearnerRepository(jdbc, old.isPostgres());
            for (String q : List.of("wilhelmina", "formerly", "wilhelmina.formerly@example.com")) {
                assertThat(learners.count(query(course, q))).as(q).isZero();
            }
            assertThat(learners.count(query(course, "retired_user"))).isPositive();
        }
    }

    private Database open(String kind, String name) throws Exception {
        if (kind.equals("h2")) {
            return Database.embedded(dir.resolve(name));
        }
        return Database.server(TestPostgres.freshDatabase(name, null), TestPostgres.USER, TestPostgres.PASSWORD);
    }

    private static LearnerListQuery query(String course, String search) {
        return new LearnerListQuery(course, SearchText.terms(search), null, null, null, List.of(), null, null, null,
                null, null, LearnerSort.USERNAME, false, null, 50);
    }

    private static String row(ResultSet rs) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            sb.append(i > 1 ? "|" : "").append(rs.getString(i));
        }
        return sb.toString();
    }
}
