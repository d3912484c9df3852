package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the learners a breach notice may reach. Every query starts from the Member's own enrollments (R1, R2): a
 * learner who never enrolled with the Member cannot come out of here, whatever ids or emails are asked for.
 */
public final class RecipientRepository {
    /** Bits of {@link Candidate#holding()}: which kinds of data the learner's copy holds. */
    public static final int HOLDS_NAME = 1;
    public static final int HOLDS_EMAIL = 2;
    public static final int HOLDS_LOCATION = 4;
    public static final int HOLDS_DEMOGRAPHICS = 8;
    public static final int HOLDS_GOALS_AND_BIO = 16;
    public static final int HOLDS_MAILING_ADDRESS = 32;
    public static final int HOLDS_ACTIVITY = 64;

    private static final String SELECT = "SELECT e.learner_id, e.email, e.enrolled_at, l.status, l.country, l.region, "
            + "(CASE WHEN l.name IS NOT NULL THEN 1 ELSE 0 END)"
            + " + (CASE WHEN e.email IS NOT NULL THEN 2 ELSE 0 END)"
            + " + (CASE WHEN l.country IS NOT NULL OR l.region IS NOT NULL THEN 4 ELSE 0 END)"
            + " + (CASE WHEN l.year_of_birth IS NOT NULL OR l.gender IS NOT NULL"
            + " OR l.level_of_education IS NOT NULL THEN 8 ELSE 0 END)"
            + " + (CASE WHEN l.goals IS NOT NULL OR l.bio IS NOT NULL THEN 16 ELSE 0 END)"
            + " + (CASE WHEN l.mailing_address IS NOT NULL THEN 32 ELSE 0 END)"
            + " + (CASE WHEN e.last_activity_at IS NOT NULL THEN 64 ELSE 0 END) AS holding "
            + "FROM enrollment e JOIN learner l ON l.id = e.learner_id ";

    private final Jdbc jdbc;

    public RecipientRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** One enrollment of a possible recipient; a learner in several courses comes once per course. */
    public record Candidate(String learnerId, String email, Instant enrolledAt, boolean retired, String country,
                            String region, int holding) {
        public boolean holds(int bit) {
            return (holding & bit) != 0;
        }
    }

    private volatile Boolean postgres;

    /**
     * A number that moves whenever any enrollment is inserted, updated or deleted (V11 on H2, V13 on PostgreSQL):
     * what a resolution of breach-notice recipients was made from is unchanged while it stands.
     */
    public long enrollmentVersion() {
        if (postgres == null) {
            postgres = jdbc.inTransaction(Jdbc::isPostgres);
        }
        if (!postgres) {
            return EnrollmentChanges.version();
        }
        return jdbc.queryOne("SELECT changes FROM enrollment_change WHERE id = 1", rs -> rs.getLong(1)).orElse(-1L);
    }

    public List<String> memberCourses(String memberId) {
        return jdbc.query("SELECT id FROM course WHERE member_id = ? ORDER BY id", rs -> rs.getString(1), memberId);
    }

    /** Every enrollment of one of the Member's courses, optionally within an enrollment-date range. */
    public void scanCourse(String memberId, String courseId, Instant from, Instant to, Consumer<Candidate> sink) {
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE e.member_id = ? AND e.course_id = ?");
        List<Object> params = new ArrayList<>(List.of(memberId, courseId));
        if (from != null) {
            sql.append(" AND e.enrolled_at >= ?");
            params.add(from);
        }
        if (to != null) {
            sql.append(" AND e.enrolled_at < ?");
            params.add(to);
        }
        jdbc.forEach(sql.toString(), rs -> sink.accept(candidate(rs)), params.toArray());
    }

    /** Enrollments in the Member's {@code courses} of the learners with these ids. */
    public void byLearnerIds(String memberId, List<String> courses, List<String> ids, Consumer<Candidate> sink) {
        inBatches(memberId, courses, ids, "e.learner_id", sink);
    }

    /** Enrollments in the Member's {@code courses} whose enrollment email is one of these (lower-case). */
    public void byEmails(String memberId, List<String> courses, List<String> lowerEmails, Consumer<Candidate> sink) {
        inBatches(memberId, courses, lowerEmails, "e.email_key", sink);
    }

    private void inBatches(String memberId, List<String> courses, List<String> keys, String column,
                           Consumer<Candidate> sink) {
        for (String course : courses) {
            for (int i = 0; i < keys.size(); i += 500) {
                List<String> batch = keys.subList(i, Math.min(keys.size(), i + 500));
                String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
                List<Object> params = new ArrayList<>(List.of(memberId, course));
                params.addAll(batch);
                jdbc.forEach(SELECT + "WHERE e.member_id = ? AND e.course_id = ? AND " + column + " IN (" + marks + ")",
                        rs -> sink.accept(candidate(rs)), params.toArray());
            }
        }
    }

    /** What a letter or a message needs of a learner, read only when it is written (R5: nothing more). */
    public record Addressee(String learnerId, String username, String name, String mailingAddress, boolean retired) {
    }

    public List<Addressee> addressees(List<String> learnerIds) {
        List<Addressee> out = new ArrayList<>(learnerIds.size());
        for (int i = 0; i < learnerIds.size(); i += 500) {
            List<String> batch = learnerIds.subList(i, Math.min(learnerIds.size(), i + 500));
            String marks = String.join(", ", Collections.nCopies(batch.size(), "?"));
            out.addAll(jdbc.query("SELECT id, username, name, mailing_address, status FROM learner WHERE id IN ("
                    + marks + ")", RecipientRepository::addressee, batch.toArray()));
        }
        return out;
    }

    private static Addressee addressee(ResultSet rs) throws SQLException {
        boolean retired = "RETIRED".equals(rs.getString(5));
        return new Addressee(rs.getString(1), rs.getString(2), retired ? null : rs.getString(3),
                retired ? null : rs.getString(4), retired);
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getString(1), rs.getString(2), Jdbc.instant(rs, "enrolled_at"),
                "RETIRED".equals(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7));
    }
}
