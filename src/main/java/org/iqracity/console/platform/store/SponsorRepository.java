package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iqracity.console.api.SponsorReportRowDto;

/**
 * Sponsored enrollments of a Member's courses and the released snapshots. Only R7's columns are selected: the
 * sponsor's reference for a learner stays in its column (R5).
 */
public final class SponsorRepository {
    private final Jdbc jdbc;

    public SponsorRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public record SponsorCourse(String sponsorId, String name, String kind, String courseId, String title,
                                long learners) {
    }

    public List<SponsorCourse> summary(String memberId) {
        return jdbc.query("SELECT s.id, s.name, s.kind, c.id, c.title, COUNT(*) FROM enrollment e "
                + "JOIN sponsor s ON s.id = e.sponsor_id JOIN course c ON c.id = e.course_id "
                + "WHERE e.member_id = ? GROUP BY s.id, s.name, s.kind, c.id, c.title ORDER BY s.name, c.id",
                rs -> new SponsorCourse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getLong(6)), memberId);
    }

    public record Sponsor(String id, String name, String kind) {
    }

    public Optional<Sponsor> sponsor(String sponsorId) {
        return jdbc.queryOne("SELECT id, name, kind FROM sponsor WHERE id = ?",
                rs -> new Sponsor(rs.getString(1), rs.getString(2), rs.getString(3)), sponsorId);
    }

    /**
     * The report's rows. Retired accounts (R6) come after the named learners, in order of enrollment: sorted among
     * the others by the name they no longer show, their place would tell the sponsor how that name began.
     */
    public List<SponsorReportRowDto> rows(String memberId, String sponsorId, String courseId) {
        return jdbc.query("SELECT e.sponsored_name, e.course_id, e.active, e.enrolled_at, "
                + "e.last_activity_at, e.active_days, e.progress, e.passed, e.certificate, l.status "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.member_id = ? AND e.sponsor_id = ? AND e.course_id = ? "
                + "ORDER BY CASE WHEN l.status = 'RETIRED' THEN 1 ELSE 0 END, "
                + "CASE WHEN l.status = 'RETIRED' THEN NULL ELSE e.sponsored_name END, "
                + "CASE WHEN l.status = 'RETIRED' THEN e.enrolled_at END, e.id",
                rs -> {
                    boolean retired = "RETIRED".equals(rs.getString("status"));
                    double progress = rs.getDouble("progress");
                    return new SponsorReportRowDto(retired ? null : rs.getString("sponsored_name"),
                            rs.getString("course_id"),
                            rs.getBoolean("active") ? "ENROLLED" : "UNENROLLED", Jdbc.instant(rs, "enrolled_at"),
                            Jdbc.instant(rs, "last_activity_at"), rs.getInt("active_days"), progress,
                            progress >= 0.999, rs.getBoolean("passed"), rs.getBoolean("certificate"));
                }, memberId, sponsorId, courseId);
    }

    public record Release(String id, String sponsorId, String courseId, Instant releasedAt, String releasedBy,
                          long rowCount, String content) {
    }

    /** Stores a release; false when this Member already used the key (the first release stands). */
    public boolean insertRelease(String memberId, Release r, String actorId, String idempotencyKey) {
        try {
            jdbc.update("INSERT INTO sponsor_release (id, member_id, sponsor_id, course_id, released_at, "
                    + "released_by_id, released_by_name, idempotency_key, row_count, content) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), memberId, r.sponsorId(), r.courseId(),
                    r.releasedAt(), actorId, r.releasedBy(), idempotencyKey, r.rowCount(), r.content());
            return true;
        } catch (DataAccessException e) {
            if (e.getCause() instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    private static final String RELEASE = "SELECT id, sponsor_id, course_id, released_at, released_by_name, "
            + "row_count, content FROM sponsor_release ";

    public Optional<Release> releaseByKey(String memberId, String idempotencyKey) {
        return jdbc.queryOne(RELEASE + "WHERE member_id = ? AND idempotency_key = ?", SponsorRepository::release,
                memberId, idempotencyKey);
    }

    public Optional<Release> release(String memberId, String sponsorId, String releaseId) {
        return jdbc.queryOne(RELEASE + "WHERE member_id = ? AND sponsor_id = ? AND id = ?", SponsorRepository::release,
                memberId, sponsorId, releaseId);
    }

    public List<Release> releases(String memberId, String sponsorId) {
        return jdbc.query(RELEASE + "WHERE member_id = ? AND sponsor_id = ? ORDER BY released_at DESC",
                SponsorRepository::release, memberId, sponsorId);
    }

    /** The newest release of each sponsor and course of the Member, keyed by {@link #pair}. */
    public Map<String, Release> latestReleases(String memberId) {
        Map<String, Release> latest = new HashMap<>();
        for (Release r : jdbc.query(RELEASE + "WHERE member_id = ? ORDER BY released_at DESC",
                SponsorRepository::release, memberId)) {
            latest.putIfAbsent(pair(r.sponsorId(), r.courseId()), r);
        }
        return latest;
    }

    public static String pair(String sponsorId, String courseId) {
        return sponsorId + '\n' + courseId;
    }

    /** A stored release, its text read through R7's columns only, whichever version wrote it. */
    private static Release release(ResultSet rs) throws SQLException {
        return new Release(rs.getString(1), rs.getString(2), rs.getString(3), Jdbc.instant(rs, "released_at"),
                rs.getString(5), rs.getLong(6), ReleaseSnapshot.r7(rs.getString(7)));
    }
}
