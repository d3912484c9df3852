package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a research export reads: a course's enrollments with the learner's quasi-identifiers and the course
 * performance, and the Member's kept pseudonym key. Name, username, email and free text are never selected (R11),
 * so they cannot leak into an export by mistake further up.
 */
public final class ResearchRepository {
    private final Jdbc jdbc;
    private final SecretBox box;

    public ResearchRepository(Jdbc jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** One enrollment; the profile columns are null for a retired learner (R6). */
    public record Enrollment(String learnerId, Integer yearOfBirth, String country, String gender,
                             String levelOfEducation, String mode, Instant enrolledAt, boolean active,
                             Instant lastActivityAt, double progress, double grade, boolean passed,
                             boolean certificate, int activeDays, int videosWatched, int problemsAttempted,
                             int forumPosts) {
    }

    /** Hands every enrollment of the course to {@code sink}, read in one consistent query a batch at a time. */
    public void forEachEnrollment(String memberId, String courseId, Consumer<Enrollment> sink) {
        jdbc.forEach("SELECT e.learner_id, l.status, l.year_of_birth, l.country, l.gender, l.level_of_education, "
                + "e.mode, e.enrolled_at, e.active, e.last_activity_at, e.progress, e.grade, e.passed, e.certificate, "
                + "e.active_days, e.videos_watched, e.problems_attempted, e.forum_posts "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.member_id = ? AND e.course_id = ?", rs -> sink.accept(map(rs)), memberId, courseId);
    }

    private static Enrollment map(ResultSet rs) throws SQLException {
        boolean retired = "RETIRED".equals(rs.getString("status"));
        int yob = rs.getInt("year_of_birth");
        Integer yearOfBirth = rs.wasNull() || retired ? null : yob;
        return new Enrollment(rs.getString("learner_id"), yearOfBirth, retired ? null : rs.getString("country"),
                retired ? null : rs.getString("gender"), retired ? null : rs.getString("level_of_education"),
                rs.getString("mode"), Jdbc.instant(rs, "enrolled_at"), rs.getBoolean("active"),
                Jdbc.instant(rs, "last_activity_at"), rs.getDouble("progress"), rs.getDouble("grade"),
                rs.getBoolean("passed"), rs.getBoolean("certificate"), rs.getInt("active_days"),
                rs.getInt("videos_watched"), rs.getInt("problems_attempted"), rs.getInt("forum_posts"));
    }

    /** The Member's kept key (base64), if one was made; the database keeps it sealed. */
    public Optional<String> stableKey(String memberId) {
        return jdbc.queryOne("SELECT secret FROM research_key WHERE member_id = ?", rs -> rs.getString(1), memberId)
                .map(sealed -> box.open(place(memberId), sealed));
    }

    /** Where a Member's research key is sealed. */
    public static String place(String memberId) {
        return "research_key.secret:" + memberId;
    }

    /**
     * Stores {@code secret} as the Member's key unless another export stored one first; answers the key in force.
     */
    public String storeStableKey(String memberId, String secret, Instant at) {
        try {
            jdbc.update("INSERT INTO research_key (member_id, secret, created_at) VALUES (?, ?, ?)", memberId,
                    box.seal(place(memberId), secret), at);
        } catch (DataAccessException raced) {
            // a concurrent first export stored its key: both use that one
        }
        return stableKey(memberId).orElseThrow(() -> new DataAccessException(
                new java.sql.SQLException("the research key could not be stored")));
    }
}
