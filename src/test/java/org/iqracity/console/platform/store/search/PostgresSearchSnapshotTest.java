package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iqracity.console.platform.store.search.SearchSnapshotTest.query;
import static org.iqracity.console.platform.store.search.SearchSnapshotTest.walk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL searches answered from a course's in-memory snapshot give exactly what its indexes give, under a
 * collation whose text order is not Java's (the username and name keys are collated by ICU's English rules here,
 * which skip punctuation at first: "ann.b" sorts after "annb"), and a change made by any connection is seen at once.
 */
class PostgresSearchSnapshotTest {
    private static final String DATABASE = "search_snapshots";
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    private static String url;
    private static Database db;
    private static Jdbc jdbc;

    @BeforeAll
    static void sandbox() throws Exception {
        url = TestPostgres.freshDatabase(DATABASE, null);
        db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD);
        db.migrateTablesOnly();
        new SandboxGenerator(db, 11, 3_000, (stage, f) -> { }, new PasswordHasher()).seed();
        jdbc = new Jdbc(db.dataSource());
        // Before the indexes are built, so that they are built in that order.
        jdbc.update("ALTER TABLE enrollment ALTER COLUMN username_key TYPE VARCHAR(150) COLLATE \"en-US-x-icu\"");
        jdbc.update("ALTER TABLE enrollment ALTER COLUMN name_key TYPE VARCHAR(255) COLLATE \"en-US-x-icu\"");
        db.migrate();
        db.analyze();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theCollationOrdersUsernamesOtherwiseThanJava() {
        List<String> ordered = jdbc.query("SELECT username_key FROM enrollment WHERE course_id = ? "
                + "ORDER BY username_key, id", rs -> rs.getString(1), CS101);
        long inversions = 0;
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i - 1).compareTo(ordered.get(i)) > 0) {
                inversions++;
            }
        }
        // Without these the comparison below could not tell the database's order from Java's.
        assertThat(inversions).isGreaterThan(10);
    }

    @Test
    void snapshotPagesAndTotalsEqualTheIndexesInEverySortFilterAndCursor() {
        LearnerRepository indexes = new LearnerRepository(jdbc, true);
        LearnerRepository snapshots = new LearnerRepository(jdbc, true, SearchSnapshots.inline(jdbc, true));
        // Fewer searches and filter sets than on H2 (each page is a round trip to the server): a prefix, a surname,
        // accents, several words and a search of no word; no filter, and the grade range with inactivity.
        SearchSnapshotTest.compareEverySearch(jdbc, indexes, snapshots,
                List.of("a", "jo", "e.", "chen", "GARCÍA", "ana gar", "%"), new int[] {0, 4});
    }

    @Test
    void aPageAtAPositionIsThatStretchOfTheListPagedToByCursorsFromIndexesAndSnapshots() {
        LearnerRepository indexes = new LearnerRepository(jdbc, true);
        LearnerRepository snapshots = new LearnerRepository(jdbc, true, SearchSnapshots.inline(jdbc, true));
        SearchSnapshotTest.comparePositions(jdbc, List.of(indexes, snapshots));
    }

    @Test
    void aCursorTheSnapshotCannotPlaceIsAnsweredByTheIndexes() {
        LearnerRepository indexes = new LearnerRepository(jdbc, true);
        LearnerRepository snapshots = new LearnerRepository(jdbc, true, SearchSnapshots.inline(jdbc, true));
        long other = jdbc.queryOne("SELECT MIN(id) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1), DS200)
                .orElseThrow();
        // A username cursor whose id is another course's enrollment, and one whose value is not that row's.
        for (LearnerListQuery.Keyset after : List.of(new LearnerListQuery.Keyset("m", other),
                new LearnerListQuery.Keyset("m", Long.MAX_VALUE))) {
            for (boolean desc : new boolean[] {false, true}) {
                LearnerListQuery q = query(CS101, "m", LearnerSort.USERNAME, desc, 0, null, after);
                LearnerRepository.Read fromSnapshot = snapshots.read(q);
                LearnerRepository.Read fromIndexes = indexes.read(q);
                assertThat(fromSnapshot.rows()).isEqualTo(fromIndexes.rows());
                assertThat(fromSnapshot.total()).isEqualTo(fromIndexes.total());
            }
        }
    }

    @Test
    void aChangeMadeByAnotherConnectionIsFoundAtOnce() throws Exception {
        LearnerRepository repository = new LearnerRepository(jdbc, true, SearchSnapshots.inline(jdbc, true));
        LearnerListQuery renamed = query(DS200, "qqrenamed", LearnerSort.USERNAME, false, 0, null, null);
        SearchSnapshotTest.FirstEnrollment first = SearchSnapshotTest.FirstEnrollment.of(jdbc, DS200);
        long id = first.id();
        long word = id * SearchTokens.PER_ENROLLMENT + SearchTokens.PER_ENROLLMENT - 1;
        assertThat(repository.count(renamed)).isZero();
        assertThat(repository.read(renamed).total()).hasValue(0);
        // Another program on the same server, outside the platform's pool, writes a search word.
        try (Connection other = DriverManager.getConnection(url, TestPostgres.USER, TestPostgres.PASSWORD);
             Statement st = other.createStatement()) {
            st.executeUpdate("INSERT INTO enrollment_token (id, course_id, token) VALUES (" + word + ", '" + DS200
                    + "', 'qqrenamed')");
            assertThat(walk(repository, renamed)).containsExactly(id);
            assertThat(repository.count(renamed)).isOne();
        } finally {
            jdbc.update("DELETE FROM enrollment_token WHERE id = ?", word);
        }
        assertThat(repository.count(renamed)).isZero();
    }
}
