package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.LearnerSort;

/**
 * Enrolled learners of one course. Every query names its columns: the platform-only columns of {@code learner}
 * are never selected (R5), and a learner is reached only through an enrollment of the asking Member (R1, R2).
 */
public final class LearnerRepository {
    private static final String ROW_COLUMNS = "e.id AS eid, e.learner_id, l.username, l.name, e.email, e.country, "
            + "e.enrolled_at, e.mode, e.active, e.progress, e.grade, e.passed, e.last_activity_at, e.sponsor_id, "
            + "l.status";

    private final Jdbc jdbc;

    public LearnerRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<LearnerRow> page(LearnerListQuery q) {
        String column = sortColumn(q.sort());
        String dir = q.descending() ? "DESC" : "ASC";
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(ROW_COLUMNS).append(", e.").append(column)
                .append(" AS sort_value FROM ");
        if (q.prefix() != null) {
            // The three prefix matches are found through their own indexes first; the page is cut from those.
            sql.append('(').append(prefixUnion(q, params)).append(") m JOIN enrollment e ON e.id = m.id ");
        } else {
            sql.append("enrollment e ");
        }
        sql.append("JOIN learner l ON l.id = e.learner_id WHERE e.course_id = ?");
        params.add(q.courseId());
        appendFilters(q, sql, params);
        if (q.after() != null) {
            String cmp = q.descending() ? "<" : ">";
            String cmpEq = q.descending() ? "<=" : ">=";
            sql.append(" AND e.").append(column).append(' ').append(cmpEq).append(" ? AND (e.").append(column)
                    .append(' ').append(cmp).append(" ? OR e.id ").append(cmp).append(" ?)");
            params.add(q.after().value());
            params.add(q.after().value());
            params.add(q.after().id());
        }
        sql.append(" ORDER BY e.").append(column).append(' ').append(dir).append(", e.id ").append(dir)
                .append(" LIMIT ?");
        params.add(q.limit());
        return jdbc.query(sql.toString(), rs -> mapRow(rs, q.sort()), params.toArray());
    }

    /** How many rows match the filters and search (without the cursor). */
    public long count(LearnerListQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM ");
        if (q.prefix() != null) {
            sql.append('(').append(prefixUnion(q, params)).append(") m JOIN enrollment e ON e.id = m.id ");
        } else {
            sql.append("enrollment e ");
        }
        sql.append("WHERE e.course_id = ?");
        params.add(q.courseId());
        appendFilters(q, sql, params);
        return jdbc.queryOne(sql.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    private static String prefixUnion(LearnerListQuery q, List<Object> params) {
        String like = escapeLike(q.prefix()) + "%";
        StringBuilder sb = new StringBuilder();
        String[] keys = {"username_key", "name_key", "email_key"};
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(" UNION ");
            }
            sb.append("SELECT id FROM enrollment WHERE course_id = ? AND ").append(keys[i])
                    .append(" LIKE ? ESCAPE '\\'");
            params.add(q.courseId());
            params.add(like);
        }
        return sb.toString();
    }

    private static void appendFilters(LearnerListQuery q, StringBuilder sql, List<Object> params) {
        if (q.mode() != null) {
            sql.append(" AND e.mode = ?");
            params.add(q.mode().name());
        }
        if (q.active() != null) {
            sql.append(" AND e.active = ?");
            params.add(q.active());
        }
        if (q.passed() != null) {
            sql.append(" AND e.passed = ?");
            params.add(q.passed());
        }
        if (q.country() != null) {
            sql.append(" AND e.country = ?");
            params.add(q.country());
        }
        if (q.minProgress() != null) {
            sql.append(" AND e.progress >= ?");
            params.add(q.minProgress());
        }
        if (q.maxProgress() != null) {
            sql.append(" AND e.progress <= ?");
            params.add(q.maxProgress());
        }
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static String sortColumn(LearnerSort sort) {
        return switch (sort) {
            case USERNAME -> "username_key";
            case NAME -> "name_key";
            case ENROLLED_AT -> "enrolled_at";
            case PROGRESS -> "progress";
            case GRADE -> "grade";
            case LAST_ACTIVITY_AT -> "activity_key";
        };
    }

    private static LearnerRow mapRow(ResultSet rs, LearnerSort sort) throws SQLException {
        Object sortValue = switch (sort) {
            case USERNAME, NAME -> rs.getString("sort_value");
            case ENROLLED_AT -> Jdbc.instant(rs, "sort_value");
            case PROGRESS, GRADE -> rs.getDouble("sort_value");
            case LAST_ACTIVITY_AT -> rs.getLong("sort_value");
        };
        return new LearnerRow(rs.getLong("eid"), sortValue, rs.getString("learner_id"), rs.getString("username"),
                rs.getString("name"), rs.getString("email"), rs.getString("country"), Jdbc.instant(rs, "enrolled_at"),
                rs.getString("mode"), rs.getBoolean("active"), rs.getDouble("progress"), rs.getDouble("grade"),
                rs.getBoolean("passed"), Jdbc.instant(rs, "last_activity_at"), rs.getString("sponsor_id") != null,
                "RETIRED".equals(rs.getString("status")));
    }

    /** Everything the detail view may show, for one learner enrolled in one course of one Member. */
    public record DetailRow(String learnerId, String username, boolean retired, String name, String accountEmail,
                            String country, String region, String language, Integer yearOfBirth, String gender,
                            String levelOfEducation, String goals, String bio, String mailingAddress,
                            String profileVisibility, String sharedFields, boolean idVerified, String courseId,
                            String mode, Instant enrolledAt, Instant unenrolledAt, boolean active,
                            String enrollmentEmail, double grade, double progress, boolean passed, boolean certificate,
                            String gradeBreakdown, Instant lastActivityAt, int activeDays, int videosWatched,
                            int problemsAttempted, int forumPosts, String sponsorId, String sponsorName,
                            String sponsorKind, String sponsoredName, String sponsorReference) {
    }

    public Optional<DetailRow> detail(String memberId, String courseId, String learnerId) {
        return jdbc.queryOne("SELECT l.id, l.username, l.status, l.name, l.email AS account_email, l.country, l.region, "
                + "l.language, l.year_of_birth, l.gender, l.level_of_education, l.goals, l.bio, l.mailing_address, "
                + "l.profile_visibility, l.shared_fields, l.id_verified, e.course_id, e.mode, e.enrolled_at, "
                + "e.unenrolled_at, e.active, e.email AS enrollment_email, e.grade, e.progress, e.passed, "
                + "e.certificate, e.grade_breakdown, e.last_activity_at, e.active_days, e.videos_watched, "
                + "e.problems_attempted, e.forum_posts, e.sponsor_id, sp.name AS sponsor_name, sp.kind AS sponsor_kind, "
                + "e.sponsored_name, e.sponsor_reference FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "LEFT JOIN sponsor sp ON sp.id = e.sponsor_id "
                + "WHERE e.member_id = ? AND e.course_id = ? AND e.learner_id = ?", rs -> {
                    int yob = rs.getInt("year_of_birth");
                    Integer yearOfBirth = rs.wasNull() ? null : yob;
                    return new DetailRow(rs.getString("id"), rs.getString("username"),
                            "RETIRED".equals(rs.getString("status")), rs.getString("name"),
                            rs.getString("account_email"), rs.getString("country"), rs.getString("region"),
                            rs.getString("language"), yearOfBirth, rs.getString("gender"),
                            rs.getString("level_of_education"), rs.getString("goals"), rs.getString("bio"),
                            rs.getString("mailing_address"), rs.getString("profile_visibility"),
                            rs.getString("shared_fields"), rs.getBoolean("id_verified"), rs.getString("course_id"),
                            rs.getString("mode"), Jdbc.instant(rs, "enrolled_at"), Jdbc.instant(rs, "unenrolled_at"),
                            rs.getBoolean("active"), rs.getString("enrollment_email"), rs.getDouble("grade"),
                            rs.getDouble("progress"), rs.getBoolean("passed"), rs.getBoolean("certificate"),
                            rs.getString("grade_breakdown"), Jdbc.instant(rs, "last_activity_at"),
                            rs.getInt("active_days"), rs.getInt("videos_watched"), rs.getInt("problems_attempted"),
                            rs.getInt("forum_posts"), rs.getString("sponsor_id"), rs.getString("sponsor_name"),
                            rs.getString("sponsor_kind"), rs.getString("sponsored_name"),
                            rs.getString("sponsor_reference"));
                }, memberId, courseId, learnerId);
    }
}
