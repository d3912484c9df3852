package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.LearnerRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2 searches answered from a course's in-memory snapshot give exactly what the word index and the tables give: the
 * same pages in every sort, direction, filter and cursor, the same totals, for one word, a surname, accents and
 * several words; and changed search words are seen at once.
 */
// The warming test closes its snapshots while they may still be reading the next course, and H2 closes a file
// channel whose reading thread is interrupted: it runs last (by name), so no other test meets the closed channel.
@TestMethodOrder(MethodOrderer.MethodName.class)
class SearchSnapshotTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    @TempDir
    static Path dir;
    private static Database db;
    private static Jdbc jdbc;

    @BeforeAll
    static void sandbox() {
        db = Database.embedded(dir);
        db.migrateTablesOnly();
        new SandboxGenerator(db, 11, 3_000, (stage, f) -> { }, new PasswordHasher()).seed();
        db.migrate();
        jdbc = new Jdbc(db.dataSource());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void snapshotPagesAndTotalsEqualTheIndexesInEverySortFilterAndCursor() {
        LearnerRepository indexes = new LearnerRepository(jdbc, false);
        LearnerRepository snapshots = new LearnerRepository(jdbc, false, SearchSnapshots.inline(jdbc, false));
        compareEverySearch(jdbc, indexes, snapshots, SEARCHES, new int[] {0, 1, 2, 3, 4});
    }

    /** Searches: prefixes of usernames and e-mails, surnames, accents and strokes, several words, nothing. */
    static final List<String> SEARCHES = List.of("a", "ma", "jo", "s", "e.", "zq", "k", "chen", "GARCÍA", "lukasz",
            "lef", "ana gar", "okafor am", "o'brien", "%", "nguyễn tr");

    /**
     * Walks the searches in two courses, every sort, both directions and the given filter sets page by page, and
     * requires the same ids, counts and totals from both repositories. The comparison is only worth something if
     * the searches found learners, filtered or not: at least 5,000 of them.
     */
    static void compareEverySearch(Jdbc jdbc, LearnerRepository indexes, LearnerRepository snapshots,
                                   List<String> searches, int[] filters) {
        String country = jdbc.queryOne("SELECT country FROM enrollment WHERE course_id = ? AND country IS NOT NULL "
                + "GROUP BY country ORDER BY COUNT(*) DESC LIMIT 1", rs -> rs.getString(1), CS101).orElseThrow();
        int compared = 0;
        long matched = 0;
        for (String course : List.of(CS101, DS200)) {
            for (String prefix : searches) {
                for (LearnerSort sort : LearnerSort.values()) {
                    for (boolean desc : new boolean[] {false, true}) {
                        for (int filter : filters) {
                            LearnerListQuery q = query(course, prefix, sort, desc, filter, country, null);
                            List<Long> fromIndexes = walk(indexes, q);
                            assertThat(walk(snapshots, q)).as(q.toString()).isEqualTo(fromIndexes);
                            assertThat(snapshots.count(q)).as(q.toString()).isEqualTo(indexes.count(q))
                                    .isEqualTo(fromIndexes.size());
                            assertThat(snapshots.read(q).total()).as(q.toString()).hasValue(fromIndexes.size());
                            matched += fromIndexes.size();
                            compared++;
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(2 * searches.size() * LearnerSort.values().length * 2 * filters.length);
        assertThat(matched).isGreaterThan(5_000);
    }

    @Test
    void aPageAtAPositionIsThatStretchOfTheListPagedToByCursorsFromIndexesAndSnapshots() {
        LearnerRepository indexes = new LearnerRepository(jdbc, false);
        LearnerRepository snapshots = new LearnerRepository(jdbc, false, SearchSnapshots.inline(jdbc, false));
        comparePositions(jdbc, List.of(indexes, snapshots));
    }

    /**
     * Pages at positions (the first row, inside the first page, the middle, the last rows, the end and past it) of
     * whole courses and of searches, in every sort, direction and filter set, from each repository: each is the
     * stretch of the same list walked by cursors from its start. Unfiltered whole lists are where the snapshot answers
     * by arithmetic, and descending name order is where the unnamed rows come last.
     */
    static void comparePositions(Jdbc jdbc, List<LearnerRepository> repositories) {
        String country = jdbc.queryOne("SELECT country FROM enrollment WHERE course_id = ? AND country IS NOT NULL "
                + "GROUP BY country ORDER BY COUNT(*) DESC LIMIT 1", rs -> rs.getString(1), CS101).orElseThrow();
        int compared = 0;
        for (String search : Arrays.asList(null, "ma", "chen")) {
            for (LearnerSort sort : LearnerSort.values()) {
                for (boolean desc : new boolean[] {false, true}) {
                    for (int filter : new int[] {0, 1, 3, 4}) {
                        LearnerListQuery q = query(CS101, search, sort, desc, filter, country, null);
                        List<Long> whole = walk(repositories.getFirst(), q);
                        for (int position : positions(whole.size())) {
                            List<Long> expected = whole.subList(Math.min(position, whole.size()),
                                    Math.min(position + q.limit(), whole.size()));
                            for (LearnerRepository repository : repositories) {
                                List<Long> page = repository.read(at(q, position)).rows().stream()
                                        .map(LearnerRow::enrollmentId).toList();
                                assertThat(page).as(q + " at " + position).isEqualTo(expected);
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(compared).isEqualTo(3 * LearnerSort.values().length * 2 * 4 * 9 * repositories.size());
    }

    private static int[] positions(int size) {
        return new int[] {1, 3, 7, 8, size / 3, size / 2, Math.max(1, size - 3), Math.max(1, size), size + 5};
    }

    /** The query's page that starts at {@code position}. */
    private static LearnerListQuery at(LearnerListQuery q, int position) {
        return new LearnerListQuery(q.courseId(), q.terms(), q.mode(), q.active(), q.passed(), q.countries(),
                q.minProgress(), q.maxProgress(), q.minGrade(), q.maxGrade(), q.inactiveBefore(), q.sort(),
                q.descending(), null, q.limit(), position);
    }

    @Test
    void aRenamedLearnerIsFoundAtOnceNotTheSnapshotTakenBeforeIt() throws Exception {
        LearnerRepository repository = new LearnerRepository(jdbc, false, SearchSnapshots.inline(jdbc, false));
        LearnerListQuery renamed = query(DS200, "qqrenamed", LearnerSort.USERNAME, false, 0, null, null);
        FirstEnrollment first = FirstEnrollment.of(jdbc, DS200);
        assertThat(repository.count(renamed)).isZero();
        try {
            rename(first.learnerId(), "Ada Qqrenamed");
            assertThat(walk(repository, renamed)).containsExactly(first.id());
        } finally {
            rename(first.learnerId(), first.name());
        }
        assertThat(repository.count(renamed)).isZero();
    }

    /** Renames a learner as the platform would: the row, then their search words and name keys. */
    private static void rename(String learnerId, String name) {
        jdbc.inTransaction(c -> {
            Jdbc.update(c, "UPDATE learner SET name = ? WHERE id = ?", name, learnerId);
            SearchTokens.learnerChanged(c, learnerId);
            return null;
        });
    }

    @Test
    void warmingReadsTheLargestCoursesBeforeAnyoneOpensThemWithinHalfTheBudget() throws Exception {
        long cs101 = enrollments(CS101);
        long ds200 = enrollments(DS200);
        assertThat(cs101).isGreaterThan(ds200);
        SearchSnapshots snapshots = SearchSnapshots.background(jdbc, false, ds200);
        try {
            snapshots.warm();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!snapshots.holds(CS101) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(snapshots.holds(CS101)).as("read without being asked for").isTrue();
            assertThat(snapshots.current(CS101, cs101)).isNotNull();
        } finally {
            snapshots.close();
        }
    }

    private static long enrollments(String course) {
        return jdbc.queryOne("SELECT enrollment_count FROM course WHERE id = ?", rs -> rs.getLong(1), course)
                .orElseThrow();
    }

    @Test
    void smallCoursesAndClosedSnapshotsLeaveSearchesToTheIndexes() {
        SearchSnapshots background = SearchSnapshots.background(jdbc, false, 1_000_000);
        assertThat(background.current(CS101, 1_500)).isNull();
        background.close();
        SearchSnapshots closed = SearchSnapshots.inline(jdbc, false);
        closed.close();
        assertThat(closed.current(CS101, 1_500)).isNull();
        assertThat(SearchSnapshots.inline(jdbc, false).current(CS101, 1_500)).isNotNull();
    }

    /** A course's named enrollment of the lowest id, and its learner, for tests that rename them and put it back. */
    record FirstEnrollment(long id, String learnerId, String name) {
        static FirstEnrollment of(Jdbc jdbc, String course) {
            return jdbc.queryOne("SELECT e.id, l.id, l.name FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                    + "WHERE e.course_id = ? AND l.name IS NOT NULL ORDER BY e.id LIMIT 1",
                    rs -> new FirstEnrollment(rs.getLong(1), rs.getString(2), rs.getString(3)), course).orElseThrow();
        }
    }

    /**
     * A search as the service asks for it. Filter sets: 0 none, 1 mode and least progress, 2 inactive and most
     * progress, 3 passed and a country, 4 a grade range and no activity since 2026-09-01 (never active included).
     */
    static LearnerListQuery query(String course, String search, LearnerSort sort, boolean desc, int filter,
                                          String country, LearnerListQuery.Keyset after) {
        return new LearnerListQuery(course, search == null ? null : SearchText.terms(search),
                filter == 1 ? EnrollmentMode.VERIFIED : null,
                filter == 2 ? Boolean.FALSE : null,
                filter == 3 ? Boolean.TRUE : null,
                filter == 3 && country != null ? List.of(country) : List.of(),
                filter == 1 ? 0.2 : null,
                filter == 2 ? 0.9 : null,
                filter == 4 ? 0.2 : null,
                filter == 4 ? 0.8 : null,
                filter == 4 ? Instant.parse("2026-09-01T00:00:00Z").getEpochSecond() : null,
                sort, desc, after, 7);
    }

    /** Every page of the query, following cursors, as enrollment ids in the order shown. */
    static List<Long> walk(LearnerRepository repository, LearnerListQuery first) {
        List<Long> ids = new ArrayList<>();
        LearnerListQuery q = first;
        while (true) {
            List<LearnerRow> page = repository.read(q).rows();
            page.forEach(r -> ids.add(r.enrollmentId()));
            if (page.size() < q.limit()) {
                return ids;
            }
            LearnerRow last = page.getLast();
            q = q.after(new LearnerListQuery.Keyset(last.sortValue(), last.enrollmentId()));
        }
    }
}
