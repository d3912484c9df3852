package org.iqracity.console.platform.sandbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.DataAccessException;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.SecretBox;
import org.iqracity.console.platform.store.StaffRepository;
import org.iqracity.console.platform.store.search.SearchText;
import org.iqracity.console.platform.store.search.SearchTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds the deterministic sandbox: the same seed and size always give the same learners, ids and scores.
 * Rows go in with batched inserts; half of all learners take the large course (500,000 of 1,000,000).
 */
public final class SandboxGenerator {
    private static final Logger LOGGER = LoggerFactory.getLogger(SandboxGenerator.class);
    private static final int BATCH = 2_000;
    private static final int COMMIT_EVERY = 20_000;
    static final Instant EPOCH = Instant.parse("2026-11-01T00:00:00Z");

    private final Database database;
    private final long seed;
    private final int learnerCount;
    private final StartupListener listener;
    private final PasswordHasher hasher;
    private final LearnerFactory factory;

    public SandboxGenerator(Database database, long seed, int learnerCount, StartupListener listener,
                            PasswordHasher hasher) {
        this.database = database;
        this.seed = seed;
        this.learnerCount = learnerCount;
        this.listener = listener;
        this.hasher = hasher;
        this.factory = new LearnerFactory(seed, learnerCount);
    }

    /** Whether the database already holds Members (then nothing is seeded). */
    public static boolean isSeeded(Database database) {
        return !new Jdbc(database.dataSource()).query("SELECT id FROM member", rs -> rs.getString(1)).isEmpty();
    }

    /**
     * Gives the sandbox's staff what needs the whole schema (a bulk load seeds the first tables before the later
     * migrations run): their email addresses, and their second-factor secrets sealed with the master key. A sandbox
     * made by an older version gets what it lacks.
     */
    public static void finishStaff(Database database, SecretBox box) {
        new Jdbc(database.dataSource()).inTransaction(c -> {
            for (var s : SandboxCatalog.STAFF) {
                Jdbc.update(c, "UPDATE staff SET email = ? WHERE username = ? AND member_id = ? AND email IS NULL",
                        s.email(), s.username(), s.memberId());
                if (s.totpSecret() == null) {
                    continue;
                }
                for (String id : Jdbc.query(c, "SELECT id FROM staff WHERE username = ? AND member_id = ? AND "
                        + "totp_secret IS NULL", rs -> rs.getString(1), s.username(), s.memberId())) {
                    Jdbc.update(c, "UPDATE staff SET totp_secret = ? WHERE id = ?",
                            box.seal(StaffRepository.totpPlace(id), s.totpSecret()), id);
                }
            }
            return null;
        });
    }

    public void seed() {
        long started = System.nanoTime();
        Jdbc jdbc = new Jdbc(database.dataSource());
        jdbc.inTransaction(c -> {
            seedCatalog(c);
            return null;
        });
        Map<String, long[]> counts = seedLearners();
        jdbc.inTransaction(c -> {
            for (var e : counts.entrySet()) {
                Jdbc.update(c, "UPDATE course SET enrollment_count = ?, active_count = ? WHERE id = ?",
                        e.getValue()[0], e.getValue()[1], e.getKey());
            }
            return null;
        });
        LOGGER.info("Sandbox of {} learners seeded in {} ms", learnerCount,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private void seedCatalog(Connection c) throws SQLException {
        Instant now = EPOCH;
        for (var m : SandboxCatalog.MEMBERS) {
            Jdbc.update(c, "INSERT INTO member (id, name, created_at) VALUES (?, ?, ?)", m.id(), m.name(), now);
        }
        for (var course : SandboxCatalog.COURSES) {
            String org = org(course.memberId());
            boolean earlier = course.run().startsWith("2025");
            Instant start = earlier ? Instant.parse("2025-06-01T00:00:00Z") : Instant.parse("2026-01-15T00:00:00Z");
            Jdbc.update(c, "INSERT INTO course (id, member_id, org, number, run, title, starts_at, ends_at, "
                            + "grading_policy) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    course.id(org), course.memberId(), org, course.number(), course.run(), course.title(), start,
                    start.plus(Duration.ofDays(330)), course.gradingPolicy());
        }
        for (var s : SandboxCatalog.SPONSORS) {
            Jdbc.update(c, "INSERT INTO sponsor (id, name, kind) VALUES (?, ?, ?)", s.id(), s.name(), s.kind());
        }
        for (var s : SandboxCatalog.STAFF) {
            String id = Tokens.newId().substring(0, 20);
            // The second-factor secret is written sealed once the schema is whole (finishStaff): it never lies in
            // the file in plain text.
            Jdbc.update(c, "INSERT INTO staff (id, member_id, username, display_name, password_hash, "
                            + "all_courses, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVE', ?)",
                    id, s.memberId(), s.username(), s.displayName(), hasher.hash(SandboxCatalog.PASSWORD),
                    s.allCourses(), now);
            for (String role : s.roles()) {
                Jdbc.update(c, "INSERT INTO staff_role (staff_id, role) VALUES (?, ?)", id, role);
            }
            for (String number : s.courseNumbers()) {
                Jdbc.update(c, "INSERT INTO staff_course (staff_id, course_id) VALUES (?, ?)", id,
                        courseId(s.memberId(), number));
            }
        }
    }

    private Map<String, long[]> seedLearners() {
        Map<String, long[]> counts = new HashMap<>();
        List<EnrollmentPlanner.CourseRef> courses = new ArrayList<>();
        for (var course : SandboxCatalog.COURSES) {
            courses.add(new EnrollmentPlanner.CourseRef(course.id(org(course.memberId())), course.memberId(),
                    course.gradingPolicy().split("\\|").length, course.run().startsWith("2025")));
        }
        EnrollmentPlanner planner = new EnrollmentPlanner(courses, SandboxCatalog.BIG_COURSE);
        try (Connection c = database.connection()) {
            addEducationCopy(c);
            // Made by V23 on a migrated database; a bulk load comes before it and writes the words with the rows.
            SearchTokens.createTable(c);
            c.setAutoCommit(false);
            relaxCommits(c);
            // Beside its own keys, a table written on another connection would make the enrollments wait on learners
            // that connection has not committed yet, and it on them: with the keys in place, one connection writes all.
            boolean keysInPlace = !database.holdsTablesOnly();
            try (RowSink learners = sink(c, keysInPlace, "learner", LearnerFactory.LEARNER_COLUMNS, "sandbox-learners");
                 RowSink words = sink(c, keysInPlace, SearchTokens.TABLE, SearchTokens.COLUMNS,
                         "sandbox-search-words");
                 RowSink enrollments = RowSink.open(c, database.isPostgres(), "enrollment",
                         LearnerFactory.ENROLLMENT_COLUMNS)) {
                long enrollmentId = 0;
                for (int i = 0; i < learnerCount; i++) {
                    SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + i);
                    LearnerFactory.Learner learner = factory.learner(i, rng);
                    Object[] learnerRow = factory.learnerRow(learner);
                    learners.add(learnerRow);
                    String education = (String) learnerRow[LearnerFactory.EDUCATION_COLUMN];
                    for (EnrollmentPlanner.CourseRef course : planner.coursesFor(i, rng)) {
                        enrollmentId++;
                        Object[] row = factory.enrollmentRow(enrollmentId, learner, education, course, rng);
                        enrollments.add(row);
                        for (Object[] word : SearchTokens.rows(enrollmentId, course.id(), SearchText.words(
                                learner.name(), learner.username(), (String) row[LearnerFactory.EMAIL_COLUMN],
                                learner.retired()))) {
                            words.add(word);
                        }
                        long[] n = counts.computeIfAbsent(course.id(), k -> new long[2]);
                        n[0]++;
                        if ((Boolean) row[LearnerFactory.ACTIVE_COLUMN]) {
                            n[1]++;
                        }
                    }
                    if ((i + 1) % BATCH == 0 || i == learnerCount - 1) {
                        learners.flush();
                        words.flush();
                        enrollments.flush();
                    }
                    if ((i + 1) % COMMIT_EVERY == 0) {
                        c.commit();
                        listener.progress("Creating sandbox learners", (double) (i + 1) / learnerCount);
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
        return counts;
    }

    /**
     * Where one table's rows go: on a connection and thread of its own while the tables stand without keys (a bulk
     * load), else on the caller's connection, in its transaction, in the order it writes them.
     */
    private RowSink sink(Connection c, boolean keysInPlace, String table, String[] columns, String thread)
            throws SQLException {
        if (keysInPlace) {
            return RowSink.open(c, database.isPostgres(), table, columns);
        }
        return new RowSink.Background(database.connection(), side -> {
            relaxCommits(side);
            return RowSink.open(side, database.isPostgres(), table, columns);
        }, thread);
    }

    /** A bulk load need not wait for each commit to reach the disk on PostgreSQL: it is redone if it fails. */
    private void relaxCommits(Connection c) throws SQLException {
        if (database.isPostgres()) {
            try (var st = c.createStatement()) {
                st.execute("SET synchronous_commit TO off");
            }
        }
    }

    /**
     * A new database is loaded with its tables alone (V1), before the migration that copies each learner's level of
     * education onto the enrollment (V9) has added that column. Copying afterwards rewrote every enrollment (minutes
     * at a million learners on H2), so the column is added here, to the empty table, and filled as rows are written;
     * V9 then sees it and only builds its index.
     */
    private static void addEducationCopy(Connection c) throws SQLException {
        if (!Jdbc.hasColumn(c, "enrollment", "level_of_education")) {
            try (var st = c.createStatement()) {
                st.execute("ALTER TABLE enrollment ADD COLUMN level_of_education VARCHAR(32)");
            }
        }
    }

    static String org(String memberId) {
        return SandboxCatalog.MEMBERS.stream().filter(m -> m.id().equals(memberId)).findFirst().orElseThrow().org();
    }

    static String courseId(String memberId, String number) {
        return SandboxCatalog.COURSES.stream()
                .filter(c -> c.memberId().equals(memberId) && c.number().equals(number))
                .findFirst().orElseThrow().id(org(memberId));
    }
}
