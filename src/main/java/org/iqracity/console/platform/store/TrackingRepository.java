package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Versions of course tracking settings: inserted, never updated. */
public final class TrackingRepository {
    private static final String SELECT = "SELECT course_id, version, created_at, actor_id, actor_name, reverted_from, "
            + "document FROM tracking_version ";

    private final Jdbc jdbc;

    public TrackingRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record VersionRow(String courseId, long version, Instant createdAt, String actorId, String actorName,
                             Long revertedFrom, String document) {
    }

    public Optional<VersionRow> latest(String courseId) {
        return jdbc.queryOne(SELECT + "WHERE course_id = ? ORDER BY version DESC LIMIT 1", TrackingRepository::map,
                courseId);
    }

    public Optional<VersionRow> version(String courseId, long version) {
        return jdbc.queryOne(SELECT + "WHERE course_id = ? AND version = ?", TrackingRepository::map, courseId,
                version);
    }

    public List<VersionRow> history(String courseId) {
        return jdbc.query(SELECT + "WHERE course_id = ? ORDER BY version DESC", TrackingRepository::map, courseId);
    }

    /**
     * Adds a version. Two writers racing for the same number meet the primary key: the loser gets false and
     * nothing is written.
     */
    public boolean insert(VersionRow row) {
        try {
            jdbc.update("INSERT INTO tracking_version (course_id, version, created_at, actor_id, actor_name, "
                    + "reverted_from, document) VALUES (?, ?, ?, ?, ?, ?, ?)", row.courseId(), row.version(),
                    row.createdAt(), row.actorId(), row.actorName(), row.revertedFrom(), row.document());
            return true;
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    public boolean isEmpty() {
        return jdbc.queryOne("SELECT COUNT(*) FROM tracking_version", rs -> rs.getLong(1)).orElse(0L) == 0;
    }

    /** Learners of a course who allow each category; active enrollments of active accounts only. */
    public record Coverage(long learners, long analytics, long functional, long marketing, long gpc) {
    }

    public Coverage coverage(String courseId) {
        return jdbc.queryOne("SELECT COUNT(*), "
                + "SUM(CASE WHEN l.cookie_analytics THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN l.cookie_functional THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN l.cookie_marketing THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN l.global_privacy_control THEN 1 ELSE 0 END) "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND e.active = TRUE AND l.status = 'ACTIVE'",
                rs -> new Coverage(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                courseId).orElseThrow();
    }

    private static VersionRow map(ResultSet rs) throws SQLException {
        long reverted = rs.getLong("reverted_from");
        Long revertedFrom = rs.wasNull() ? null : reverted;
        return new VersionRow(rs.getString("course_id"), rs.getLong("version"), Jdbc.instant(rs, "created_at"),
                rs.getString("actor_id"), rs.getString("actor_name"), revertedFrom, rs.getString("document"));
    }
}
