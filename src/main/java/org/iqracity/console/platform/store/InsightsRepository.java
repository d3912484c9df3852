package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The counts behind a course's insights, each a GROUP BY in the database over the course's enrollments: a few
 * thousand rows come back at most, whatever the size of the course. Nothing here decides what may be shown: the
 * counts are raw and go to the service, which suppresses small cells (R11).
 *
 * <p>Every count reads only the columns of the index {@code enrollment_insights} (V9), and the profile counts use
 * the copies of country and level of education kept on the enrollment, so no count visits a table row or joins.
 * Enrollments are grouped by UTC day; last activity by ISO week, by integer arithmetic on {@code activity_key} (its
 * epoch seconds, 0 when none; 1970-01-05 was a Monday).
 */
public final class InsightsRepository {
    /** Ten buckets of 10 points; comparisons as doubles, as the columns are. */
    public static final int BUCKETS = 10;
    private static final long FIRST_MONDAY = 4 * 86_400L;
    private static final long WEEK = 7 * 86_400L;

    private final Jdbc jdbc;
    /** H2 is told which index to read; PostgreSQL picks the index-only scan by itself. */
    private final String from;
    /**
     * The UTC date of enrollment. H2 keeps the offset each value was written with, always UTC here, and takes the
     * date in it; PostgreSQL would use the session's time zone, so it is told. (EXTRACT(EPOCH ...) in H2 computes
     * in decimals and made these counts several times slower.)
     */
    private final String utcDate;

    public InsightsRepository(Jdbc jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.from = postgres ? " FROM enrollment " : " FROM enrollment USE INDEX (enrollment_insights) ";
        this.utcDate = postgres ? "CAST(enrolled_at AT TIME ZONE 'UTC' AS DATE)" : "CAST(enrolled_at AS DATE)";
    }

    /** Enrollments made on one UTC day (days since 1970-01-01) in one mode. */
    public record DayMode(long day, String mode, long count) {
    }

    /** Learners whose activity spans from the week of enrollment to the week of their last activity (ISO weeks). */
    public record WeekSpan(long firstWeek, long lastWeek, long count) {
    }

    /** Learners in one progress bucket, grade bucket and furthest funnel stage (0 never active ... 4 certificate). */
    public record Performance(int progressBucket, int gradeBucket, int stage, long count) {
    }

    /** Learners by country and level of education; null when not given, and for a retired account (R6, V9). */
    public record Profile(String country, String education, long count) {
    }

    public record Counts(List<DayMode> enrollments, List<WeekSpan> activity, List<Performance> performance,
                         List<Profile> profiles) {
    }

    public Counts counts(String courseId) {
        return new Counts(enrollments(courseId), activity(courseId), performance(courseId), profiles(courseId));
    }

    private List<DayMode> enrollments(String courseId) {
        return jdbc.query("SELECT d, mode, COUNT(*) AS n FROM (SELECT " + utcDate + " AS d, mode" + from
                + "WHERE course_id = ?) t GROUP BY d, mode",
                rs -> new DayMode(day(rs, "d"), rs.getString("mode"), rs.getLong("n")), courseId);
    }

    /** By day of enrollment and week of last activity: at most a few thousand pairs for a course of a year. */
    private List<WeekSpan> activity(String courseId) {
        return jdbc.query("SELECT d, e, COUNT(*) AS n FROM (SELECT " + utcDate + " AS d, "
                + "(activity_key - " + FIRST_MONDAY + ") / " + WEEK + " AS e" + from + "WHERE course_id = ? "
                + "AND activity_key > 0) t GROUP BY d, e",
                rs -> new WeekSpan(Math.floorDiv(day(rs, "d") - FIRST_MONDAY / 86_400L, 7), rs.getLong("e"),
                        rs.getLong("n")), courseId);
    }

    private static long day(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class).toEpochDay();
    }

    private List<Performance> performance(String courseId) {
        String stage = "CASE WHEN activity_key = 0 AND progress <= 0 THEN 0 "
                + "WHEN progress < " + fraction(5) + " THEN 1 WHEN NOT passed THEN 2 WHEN NOT certificate THEN 3 "
                + "ELSE 4 END";
        return jdbc.query("SELECT p, g, s, COUNT(*) AS n FROM (SELECT " + bucket("progress") + " AS p, "
                + bucket("grade") + " AS g, " + stage + " AS s" + from + "WHERE course_id = ?) t "
                + "GROUP BY p, g, s",
                rs -> new Performance(rs.getInt("p"), rs.getInt("g"), rs.getInt("s"), rs.getLong("n")), courseId);
    }

    private List<Profile> profiles(String courseId) {
        return jdbc.query("SELECT country, level_of_education, COUNT(*) AS n" + from
                + "WHERE course_id = ? GROUP BY country, level_of_education",
                rs -> new Profile(rs.getString("country"), rs.getString("level_of_education"), rs.getLong("n")),
                courseId);
    }

    /** 0 for [0, 0.1), 1 for [0.1, 0.2) ... 9 for [0.9, 1]. */
    static String bucket(String column) {
        List<String> whens = new ArrayList<>();
        for (int b = BUCKETS - 1; b >= 1; b--) {
            whens.add("WHEN " + column + " >= " + fraction(b) + " THEN " + b);
        }
        return "CASE " + String.join(" ", whens) + " ELSE 0 END";
    }

    /** b tenths as a double, so the comparison is the one Java makes with {@code b / 10.0}. */
    private static String fraction(int tenths) {
        return "CAST(" + (tenths / 10.0) + " AS DOUBLE PRECISION)";
    }

    /** The Monday of an ISO week number as {@link #week} counts them, in days since 1970-01-01. */
    public static long mondayOfWeek(long week) {
        return (FIRST_MONDAY + week * WEEK) / 86_400L;
    }
}
