package org.iqracity.console.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a research export reads: a course's enrollments with the learner's quasi-identifiers and the course
 * performance, the Member's kept pseudonym key, and what the Member's stable-key exports released before. Name,
 * username, email and free text are never selected (R11), so they cannot leak into an export by mistake further up.
 */
public final class ResearchRepository {
    private static final int BATCH = 1_000;

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
                new SQLException("the research key could not be stored")));
    }

    /**
     * What the Member's stable-key exports released before.
     *
     * @param exports  the number of the Member's last stable-key export (0: none yet)
     * @param digests  pseudonym to digest, for the pseudonyms asked about that have one
     * @param sharedBy digest to how many of the Member's pseudonyms have it
     */
    public record JoinHistoryRows(int exports, Map<String, String> digests, Map<String, Integer> sharedBy) {
    }

    /**
     * The number of the Member's last stable-key export, then the digests. In this order: an export recorded in
     * between took the number after the one read, so recording this one with that number fails and it is made again.
     */
    public JoinHistoryRows joinHistory(String memberId, Set<String> pseudonyms) {
        int exports = jdbc.queryOne("SELECT COALESCE(MAX(export_no), 0) FROM research_stable_export "
                + "WHERE member_id = ?", rs -> rs.getInt(1), memberId).orElse(0);
        Map<String, String> digests = new HashMap<>();
        Map<String, Integer> sharedBy = new HashMap<>();
        jdbc.forEach("SELECT pseudonym, digest FROM research_join_history WHERE member_id = ?", rs -> {
            String digest = rs.getString(2);
            sharedBy.merge(digest, 1, Integer::sum);
            String pseudonym = rs.getString(1);
            if (pseudonyms.contains(pseudonym)) {
                digests.put(pseudonym, digest);
            }
        }, memberId);
        return new JoinHistoryRows(exports, digests, sharedBy);
    }

    /**
     * Records stable-key export number {@code exportNo} and the digests it leaves its released pseudonyms, inside
     * the caller's transaction. Throws a duplicate-key failure when another export took that number first.
     *
     * @param next   pseudonym to its digest after this export, for every released row
     * @param before the digests read before ({@link #joinHistory}): these rows are updated, the others inserted
     */
    public void recordStableExport(Connection c, String memberId, int exportNo, String courseId, int k, Instant at,
                                   Map<String, String> next, Map<String, String> before) throws SQLException {
        Jdbc.update(c, "INSERT INTO research_stable_export (member_id, export_no, course_id, k, released, exported_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", memberId, exportNo, courseId, k, next.size(), at);
        try (PreparedStatement update = c.prepareStatement("UPDATE research_join_history SET digest = ?, export_no = ? "
                + "WHERE member_id = ? AND pseudonym = ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO research_join_history "
                     + "(member_id, pseudonym, digest, export_no) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<String, String> e : next.entrySet()) {
                if (before.containsKey(e.getKey())) {
                    Jdbc.bind(update, e.getValue(), exportNo, memberId, e.getKey());
                    update.addBatch();
                } else {
                    Jdbc.bind(insert, memberId, e.getKey(), e.getValue(), exportNo);
                    insert.addBatch();
                }
                if (++pending == BATCH) {
                    update.executeBatch();
                    insert.executeBatch();
                    pending = 0;
                }
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }
}
