package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a course's roster in username order, a batch at a time, so memory stays flat whatever the course size; and
 * the roster rows of given enrollments, for a roster of a view of the course.
 */
public final class RosterRepository {
    private final Jdbc jdbc;
    private final boolean postgres;

    public RosterRepository(Jdbc jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /** Everything a roster row may show; platform-only columns are not selected (R5). */
    public record RosterRow(long enrollmentId, String usernameKey, String courseId, String learnerId, String username,
                            String name, String email, String country, String region, String language,
                            Integer yearOfBirth, String gender, String levelOfEducation, String mode,
                            Instant enrolledAt, boolean active, double progress, double grade, boolean passed,
                            boolean certificate, Instant lastActivityAt, int activeDays, boolean sponsored,
                            boolean retired) {
    }

    /** What a row shows, in {@link #map}'s order. */
    private static final String COLUMNS = "e.id, e.username_key, e.course_id, e.learner_id, l.username, l.name, "
            + "e.email, l.country, l.region, l.language, l.year_of_birth, l.gender, l.level_of_education, e.mode, "
            + "e.enrolled_at, e.active, e.progress, e.grade, e.passed, e.certificate, e.last_activity_at, "
            + "e.active_days, e.sponsor_id, l.status";

    /**
     * The rows of these enrollments of one course of one Member (R1), in the order given: a roster of a view reads
     * which enrollments, and in which order, from the learner list, and their columns here. An enrollment gone
     * meanwhile is left out. Each is one look-up by primary key (PostgreSQL reads the ids as one array).
     */
    public List<RosterRow> rows(String memberId, String courseId, List<Long> enrollmentIds) {
        if (enrollmentIds.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(memberId, courseId));
        String ids;
        if (postgres) {
            ids = "= ANY(?)";
            params.add(enrollmentIds.stream().mapToLong(Long::longValue).toArray());
        } else {
            ids = "IN (" + String.join(", ", Collections.nCopies(enrollmentIds.size(), "?")) + ")";
            params.addAll(enrollmentIds);
        }
        Map<Long, RosterRow> byId = new HashMap<>(enrollmentIds.size() * 2);
        for (RosterRow row : jdbc.query("SELECT " + COLUMNS + " FROM enrollment e JOIN learner l"
                + (postgres ? "" : " USE INDEX (learner_roster)") + " ON l.id = e.learner_id"
                + " WHERE e.member_id = ? AND e.course_id = ? AND e.id " + ids, RosterRepository::map,
                params.toArray())) {
            byId.put(row.enrollmentId(), row);
        }
        List<RosterRow> ordered = new ArrayList<>(byId.size());
        for (Long id : enrollmentIds) {
            RosterRow row = byId.get(id);
            if (row != null) {
                ordered.add(row);
            }
        }
        return ordered;
    }

    /** The next batch after ({@code afterKey}, {@code afterId}); null key for the first. */
    public List<RosterRow> batch(String memberId, String courseId, String afterKey, long afterId, int size) {
        Object[] params = afterKey == null ? new Object[] {memberId, courseId, size}
                : new Object[] {memberId, courseId, afterKey, afterKey, afterId, size};
        return jdbc.query(batchSql(postgres, afterKey != null), RosterRepository::map, params);
    }

    /**
     * One batch is one ordered range of the roster index (V12), which carries every enrollment column a row shows,
     * and one look-up per row in the learner index, which carries the learner's. H2 left to itself reads the course
     * by another index and sorts everything after the keyset for every batch (50 s a batch half-way through a
     * 500,000 course); naming the indexes, and leading the ORDER BY with the one course, lets it read the range in
     * order and stop at the batch, and keeps it from reading the wide table rows (a learner's bio and address come
     * with the rest of the row).
     */
    static String batchSql(boolean postgres, boolean keyset) {
        return "SELECT " + COLUMNS + " FROM enrollment e" + (postgres ? "" : " USE INDEX (enrollment_roster)")
                + " JOIN learner l" + (postgres ? "" : " USE INDEX (learner_roster)")
                + " ON l.id = e.learner_id WHERE e.member_id = ? AND e.course_id = ?"
                + (keyset ? " AND e.username_key >= ? AND (e.username_key > ? OR e.id > ?)" : "")
                + " ORDER BY e.course_id, e.username_key, e.id LIMIT ?";
    }

    /** By position, in {@link #batchSql}'s order: looking each column up by name cost a tenth of a roster's time. */
    private static RosterRow map(ResultSet rs) throws SQLException {
        int yob = rs.getInt(11);
        Integer yearOfBirth = rs.wasNull() ? null : yob;
        return new RosterRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), yearOfBirth,
                rs.getString(12), rs.getString(13), rs.getString(14), Jdbc.instant(rs, 15), rs.getBoolean(16),
                rs.getDouble(17), rs.getDouble(18), rs.getBoolean(19), rs.getBoolean(20), Jdbc.instant(rs, 21),
                rs.getInt(22), rs.getString(23) != null, "RETIRED".equals(rs.getString(24)));
    }
}
