package org.iqracity.console.platform.store;

import java.time.Instant;
import java.util.List;
import org.iqracity.console.api.RosterCanon;

/**
 * A sponsor release as versions before V18 stored it: R7's columns plus {@code sponsor_reference} in second place,
 * rows ordered by the name on the sponsorship, a retired account's row (no name, R6) among them where its hidden
 * name sorted. For tests that an old release neither stays so nor is served so.
 */
public final class OldSponsorRelease {
    public static final List<String> COLUMNS = List.of("learner_name", "sponsor_reference", "course_id",
            "enrollment_status", "enrolled_at", "last_activity_at", "active_days", "progress", "completed", "passed",
            "certificate");

    private OldSponsorRelease() {
    }

    /** The stored rows, each a list of values in {@link #COLUMNS}' order. */
    public static List<List<String>> rows(Jdbc jdbc, String sponsorId, String courseId) {
        return jdbc.query("SELECT e.sponsored_name, e.sponsor_reference, e.course_id, e.active, e.enrolled_at, "
                + "e.last_activity_at, e.active_days, e.progress, e.passed, e.certificate, l.status "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE e.sponsor_id = ? AND e.course_id = ? "
                + "ORDER BY e.sponsored_name, e.id", rs -> {
                    Instant last = Jdbc.instant(rs, "last_activity_at");
                    double progress = rs.getDouble("progress");
                    return List.of("RETIRED".equals(rs.getString("status")) ? "" : rs.getString("sponsored_name"),
                            rs.getString("sponsor_reference"), rs.getString("course_id"),
                            rs.getBoolean("active") ? "ENROLLED" : "UNENROLLED",
                            Jdbc.instant(rs, "enrolled_at").toString(), last == null ? "" : last.toString(),
                            Integer.toString(rs.getInt("active_days")), Double.toString(progress),
                            Boolean.toString(progress >= 0.999), Boolean.toString(rs.getBoolean("passed")),
                            Boolean.toString(rs.getBoolean("certificate")));
                }, sponsorId, courseId);
    }

    /** Stores a release of these rows as an old version did, released thirty days before {@code now}. */
    public static void insert(Jdbc jdbc, String releaseId, String memberId, String sponsorId, String courseId,
                              List<List<String>> rows, Instant now) {
        StringBuilder content = new StringBuilder(RosterCanon.csvLine(COLUMNS));
        rows.forEach(r -> content.append(RosterCanon.csvLine(r)));
        String staff = jdbc.queryOne("SELECT id FROM staff WHERE member_id = ? ORDER BY id", rs -> rs.getString(1),
                memberId).orElseThrow();
        jdbc.update("INSERT INTO sponsor_release (id, member_id, sponsor_id, course_id, released_at, released_by_id, "
                + "released_by_name, idempotency_key, row_count, content) VALUES (?, ?, ?, ?, ?, ?, 'An "
                        + "administrator', "
                + "?, ?, ?)", releaseId, memberId, sponsorId, courseId, now.minusSeconds(30L * 24 * 3600), staff,
                "old-" + releaseId, rows.size(), content.toString());
    }
}
