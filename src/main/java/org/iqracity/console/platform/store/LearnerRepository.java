package org.iqracity.console.platform.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.search.PrefixMatches;
import org.iqracity.console.platform.store.search.SearchSnapshot;
import org.iqracity.console.platform.store.search.SearchSnapshots;
import org.iqracity.console.platform.store.search.SearchText;
import org.iqracity.console.platform.store.search.WordMatches;

/**
 * Enrolled learners of one course. Every query names its columns: the platform-only columns of {@code learner}
 * are never selected (R5), and a learner is reached only through an enrollment of the asking Member (R1, R2).
 */
public final class LearnerRepository {
    /** Index entries read at a time while a search walks a sort's index ({@link #walk}). */
    private static final int WALK_BATCH = 2_000;
    private static final String ROW_COLUMNS = "e.id AS eid, e.learner_id, l.username, l.name, e.email, e.country, "
            + "e.enrolled_at, e.mode, e.active, e.progress, e.grade, e.passed, e.last_activity_at, e.sponsor_id, "
            + "l.status";

    private final Jdbc jdbc;
    private final boolean postgres;
    /** In-memory copies of large courses' search columns, or null to always read the indexes. */
    private final SearchSnapshots snapshots;

    public LearnerRepository(Jdbc jdbc, boolean postgres) {
        this(jdbc, postgres, null);
    }

    public LearnerRepository(Jdbc jdbc, boolean postgres, SearchSnapshots snapshots) {
        this.jdbc = jdbc;
        this.postgres = postgres;
        this.snapshots = snapshots;
    }

    /** One page of rows, and the total of the query when reading the page gave it at no extra cost. */
    public record Read(List<LearnerRow> rows, OptionalLong total) {
    }

    public List<LearnerRow> page(LearnerListQuery q) {
        return read(q).rows();
    }

    /** Whether {@link #read} gives a search page's total with it (H2), so that no separate count is needed. */
    public boolean searchGivesTotal() {
        return !postgres;
    }

    /**
     * A page. A search page comes with its total on H2, and on PostgreSQL when a snapshot or the count of its matches
     * gives it (see {@link WordMatches}).
     */
    public Read read(LearnerListQuery q) {
        if (!q.searched()) {
            if (q.skip() > 0) {
                return readAt(q);
            }
            if (snapshots != null && q.after() == null) {
                // Someone opened the course: its searches will want the snapshot soon.
                snapshots.prepare(q.courseId(), enrollments(q.courseId()));
            }
            return new Read(scan(q), OptionalLong.empty());
        }
        if (q.terms().isEmpty()) {
            return new Read(List.of(), OptionalLong.of(0));
        }
        // A page at a position is the page of the first skip + limit matches, less the ones passed over: the matches
        // are ids until then, and only the page's rows are read.
        LearnerListQuery span = q.skip() > 0 ? q.fromStart(q.skip() + q.limit()) : q;
        SearchSnapshot snapshot = snapshot(q.courseId());
        SearchSnapshot.Result result = snapshot == null ? null : snapshot.search(span);
        if (result != null) {
            return new Read(rowsOf(passedOver(result.page(), q), q), OptionalLong.of(result.total()));
        }
        WordMatches words = new WordMatches(jdbc, postgres);
        long[] matched = words.enrollments(q);
        if (matched.length == 0) {
            return new Read(List.of(), OptionalLong.of(0));
        }
        long enrollments = enrollments(q.courseId());
        List<Long> walked = WordMatches.walkable(span, matched.length, enrollments)
                ? walk(span, matched, enrollments) : null;
        if (walked != null) {
            return new Read(rowsOf(passedOver(walked, q), q), OptionalLong.of(matched.length));
        }
        if (postgres) {
            return new Read(rowsOf(passedOver(search(span, matched), q), q), OptionalLong.empty());
        }
        PrefixMatches matches = words.values(q, matched);
        return new Read(rowsOf(passedOver(matches.page(span.after(), span.order(), span.limit()), q), q),
                OptionalLong.of(matches.total()));
    }

    /** The ids of a span read from the list's start, without the {@code q.skip()} rows passed over. */
    private static List<Long> passedOver(List<Long> ids, LearnerListQuery q) {
        return q.skip() == 0 ? ids : ids.subList(Math.min(q.skip(), ids.size()), ids.size());
    }

    /**
     * A page of the whole list (no search) that starts at a position: someone jumped to the middle or the end of a
     * course. A course held in a snapshot answers from memory; otherwise the row before the page is found in the sort
     * index (its entries counted, not its rows read), and the page is read after it as a keyset page is.
     */
    private Read readAt(LearnerListQuery q) {
        SearchSnapshot snapshot = snapshot(q.courseId());
        SearchSnapshot.Result result = snapshot == null ? null : snapshot.search(q);
        if (result != null) {
            return new Read(rowsOf(result.page(), q), OptionalLong.of(result.total()));
        }
        LearnerListQuery.Keyset before = keysetAt(q, q.skip() - 1);
        if (before == null) {
            return new Read(List.of(), OptionalLong.empty());
        }
        return new Read(scan(q.after(before)), OptionalLong.empty());
    }

    /**
     * The sort value and id of the row at {@code position} of the list (filters applied, no search), or null past its
     * end. In descending name order the named rows come first, backwards, then the unnamed ones ({@link ListOrder}).
     */
    private LearnerListQuery.Keyset keysetAt(LearnerListQuery q, long position) {
        if (!q.order().rotated()) {
            return keysetAt(q, q.descending(), null, position);
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM enrollment e").append(useIndex(sortIndex(q.sort())))
                .append(" WHERE e.course_id = ? AND e.").append(sortColumn(q.sort())).append(" < ?");
        params.add(q.courseId());
        params.add(SearchText.UNNAMED);
        q.appendFilters("e.", sql, params);
        long named = jdbc.queryOne(sql.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
        return position < named ? keysetAt(q, true, " < ?", position)
                : keysetAt(q, false, " >= ?", position - named);
    }

    /** The entry at {@code offset} of one ordered range of the sort index, or null past its end. */
    private LearnerListQuery.Keyset keysetAt(LearnerListQuery q, boolean descending, String part, long offset) {
        List<Object> params = new ArrayList<>();
        String sql = range(q, "e.id, e." + sortColumn(q.sort()), "", descending, part, null, 1, params) + " OFFSET ?";
        params.add(offset);
        return jdbc.queryOne(sql, rs ->
                new LearnerListQuery.Keyset(ListOrder.sortValue(rs, 2, q.sort()), rs.getLong(1)),
                params.toArray()).orElse(null);
    }

    /**
     * A page without search: one range of the sort index, joined to the learners of that page only. In descending
     * name order that is two ranges, the named learners' backwards and then the unnamed ones' forwards
     * ({@link ListOrder}), each an index range.
     */
    private List<LearnerRow> scan(LearnerListQuery q) {
        if (!q.order().rotated()) {
            return scan(q, q.descending(), null, q.after(), q.limit());
        }
        boolean afterNamed = q.after() == null || !q.order().last(q.after().value());
        List<LearnerRow> rows = new ArrayList<>();
        if (afterNamed) {
            rows.addAll(scan(q, true, " < ?", q.after(), q.limit()));
        }
        if (rows.size() < q.limit()) {
            rows.addAll(scan(q, false, " >= ?", afterNamed ? null : q.after(), q.limit() - rows.size()));
        }
        return rows;
    }

    /** One ordered range of the sort index; {@code part} (or null) bounds the sort column by the unnamed keys. */
    private List<LearnerRow> scan(LearnerListQuery q, boolean descending, String part, LearnerListQuery.Keyset after,
                                  int limit) {
        List<Object> params = new ArrayList<>();
        String sql = range(q, ROW_COLUMNS + ", e." + sortColumn(q.sort()) + " AS sort_value", learnerJoin(),
                descending, part, after, limit, params);
        return jdbc.query(sql, rs -> mapRow(rs, q.sort()), params.toArray());
    }

    /** The statement of an ordered range of the sort index, its parameters added to {@code params}. */
    private String range(LearnerListQuery q, String select, String join, boolean descending, String part,
                         LearnerListQuery.Keyset after, int limit, List<Object> params) {
        String column = sortColumn(q.sort());
        String dir = descending ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder("SELECT ").append(select).append(" FROM enrollment e")
                .append(useIndex(sortIndex(q.sort()))).append(join).append(" WHERE e.course_id = ?");
        params.add(q.courseId());
        if (part != null) {
            sql.append(" AND e.").append(column).append(part);
            params.add(SearchText.UNNAMED);
        }
        q.appendFilters("e.", sql, params);
        appendKeyset(after, descending, "e.", column, sql, params);
        // course_id leads the ORDER BY (it is one value here) so that it spells the index exactly: H2 then reads
        // the index in order and stops at the page instead of sorting the course.
        sql.append(" ORDER BY e.course_id ").append(dir).append(", e.").append(column).append(' ').append(dir)
                .append(", e.id ").append(dir).append(" LIMIT ?");
        params.add(limit);
        return sql.toString();
    }

    /**
     * H2, a search without filters that matched many: its page is found by walking the sort's index from the cursor
     * (ids and sort values only, a few thousand at a time) and keeping the matched enrollments; in descending name
     * order the named ones backwards, then the rest forwards, as {@link #scan} reads them. Matches can lie together
     * in the sort's order (a first name's usernames, in username order), far from the cursor. The walk reads at most
     * four times the entries evenly spread matches would need, or five entries a match if that is more (an entry
     * read in order costs a fraction of a look-up), and then gives up and returns null.
     */
    private List<Long> walk(LearnerListQuery q, long[] matched, long enrollments) {
        List<Long> page = new ArrayList<>();
        long spread = 4L * q.limit() * enrollments / Math.max(1, matched.length);
        long[] budget = {Math.max(spread, 5L * matched.length) + WALK_BATCH};
        boolean whole;
        if (!q.order().rotated()) {
            whole = walk(q, q.descending(), null, q.after(), matched, page, budget);
        } else {
            boolean afterNamed = q.after() == null || !q.order().last(q.after().value());
            whole = !afterNamed || walk(q, true, " < ?", q.after(), matched, page, budget);
            if (whole && page.size() < q.limit()) {
                whole = walk(q, false, " >= ?", afterNamed ? null : q.after(), matched, page, budget);
            }
        }
        return whole ? page : null;
    }

    /** One range of the walk; false when the budget of entries ran out first. */
    private boolean walk(LearnerListQuery q, boolean descending, String part, LearnerListQuery.Keyset after,
                         long[] matched, List<Long> page, long[] budget) {
        LearnerListQuery.Keyset from = after;
        while (budget[0] > 0) {
            List<Object> params = new ArrayList<>();
            String sql = range(q, "e.id, e." + sortColumn(q.sort()), "", descending, part, from, WALK_BATCH, params);
            List<LearnerListQuery.Keyset> read = jdbc.query(sql, rs -> new LearnerListQuery.Keyset(
                    ListOrder.sortValue(rs, 2, q.sort()), rs.getLong(1)), params.toArray());
            budget[0] -= read.size();
            for (LearnerListQuery.Keyset row : read) {
                if (Arrays.binarySearch(matched, row.id()) >= 0) {
                    page.add(row.id());
                    if (page.size() == q.limit()) {
                        return true;
                    }
                }
            }
            if (read.size() < WALK_BATCH) {
                return true;
            }
            from = read.getLast();
        }
        return false;
    }

    /**
     * PostgreSQL's search page when the matches are looked up: their rows read by primary key, filtered and sorted by
     * the database (its text order is its collation's, which Java cannot repeat); the page's ids in order.
     */
    private List<Long> search(LearnerListQuery q, long[] matched) {
        String column = sortColumn(q.sort());
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT e.id FROM enrollment e WHERE e.id = ANY(?) AND e.course_id = ?");
        params.add(matched);
        params.add(q.courseId());
        q.appendFilters("e.", sql, params);
        String k = "e." + column;
        if (q.after() != null && q.order().rotated()) {
            Object value = q.after().value();
            if (q.order().last(value)) {
                sql.append(" AND (").append(k).append(" > ? OR (").append(k).append(" = ? AND e.id > ?))");
            } else {
                sql.append(" AND (").append(k).append(" >= '").append(SearchText.UNNAMED).append("' OR ").append(k)
                        .append(" < ? OR (").append(k).append(" = ? AND e.id < ?))");
            }
            params.add(value);
            params.add(value);
            params.add(q.after().id());
        } else {
            appendKeyset(q.after(), q.descending(), "e.", column, sql, params);
        }
        if (q.order().rotated()) {
            String named = k + " < '" + SearchText.UNNAMED + "'";
            sql.append(" ORDER BY CASE WHEN ").append(named).append(" THEN 0 ELSE 1 END, CASE WHEN ").append(named)
                    .append(" THEN ").append(k).append(" END DESC, CASE WHEN ").append(named)
                    .append(" THEN e.id END DESC, ").append(k).append(", e.id");
        } else {
            String dir = q.descending() ? " DESC" : " ASC";
            sql.append(" ORDER BY ").append(k).append(dir).append(", e.id").append(dir);
        }
        sql.append(" LIMIT ?");
        params.add(q.limit());
        return jdbc.query(sql.toString(), rs -> rs.getLong(1), params.toArray());
    }

    /** The full rows of a page's enrollment ids, in the order given. */
    private List<LearnerRow> rowsOf(List<Long> ids, LearnerListQuery q) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String column = sortColumn(q.sort());
        String in = String.join(", ", Collections.nCopies(ids.size(), "?"));
        List<Object> rowParams = new ArrayList<>(ids);
        rowParams.add(q.courseId());
        Map<Long, LearnerRow> byId = new HashMap<>();
        jdbc.query("SELECT " + ROW_COLUMNS + ", e." + column + " AS sort_value FROM enrollment e" + learnerJoin()
                + " WHERE e.id IN (" + in + ") AND e.course_id = ?",
                rs -> mapRow(rs, q.sort()), rowParams.toArray()).forEach(r -> byId.put(r.enrollmentId(), r));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How many rows match the filters and search (without the cursor). */
    public long count(LearnerListQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM enrollment e WHERE e.course_id = ?");
        params.add(q.courseId());
        if (q.searched()) {
            if (q.terms().isEmpty()) {
                return 0;
            }
            SearchSnapshot snapshot = snapshot(q.courseId());
            if (snapshot != null) {
                return snapshot.total(q);
            }
            WordMatches words = new WordMatches(jdbc, postgres);
            long[] matched = words.enrollments(q);
            if (!q.filtered() || matched.length == 0) {
                return matched.length;
            }
            if (!postgres) {
                return words.values(q, matched).total();
            }
            sql.append(" AND e.id = ANY(?)");
            params.add(matched);
        }
        q.appendFilters("e.", sql, params);
        return jdbc.queryOne(sql.toString(), rs -> rs.getLong(1), params.toArray()).orElse(0L);
    }

    /** The course's current search snapshot, if one is held (null: read the indexes). */
    private SearchSnapshot snapshot(String courseId) {
        return snapshots == null ? null : snapshots.current(courseId, enrollments(courseId));
    }

    private long enrollments(String courseId) {
        return jdbc.queryOne("SELECT enrollment_count FROM course WHERE id = ?", rs -> rs.getLong(1), courseId)
                .orElse(0L);
    }

    /**
     * H2 plans {@code course_id = ?} on the foreign key's own index and then sorts the whole course (1.7 s at
     * 500,000); naming the index of the sort keeps it to one ordered range. PostgreSQL plans this well by itself.
     */
    private String useIndex(String index) {
        return postgres ? "" : " USE INDEX (" + index + ")";
    }

    /**
     * The learner side of a row: on H2 through {@code learner_roster} (V12), which holds the three learner columns a
     * row shows, instead of the primary key and then the learner's whole row (bio and mailing address included).
     */
    private String learnerJoin() {
        return " JOIN learner l" + useIndex("learner_roster") + " ON l.id = e.learner_id";
    }

    private static String sortIndex(LearnerSort sort) {
        return switch (sort) {
            // The roster index holds every column of a row (V12, V14): a page is one range of it, no row read.
            case USERNAME -> "enrollment_roster";
            case NAME -> "enrollment_search_name";
            case ENROLLED_AT -> "enrollment_by_enrolled";
            case PROGRESS -> "enrollment_by_progress";
            case GRADE -> "enrollment_by_grade";
            case LAST_ACTIVITY_AT -> "enrollment_by_activity";
        };
    }

    private static void appendKeyset(LearnerListQuery.Keyset after, boolean descending, String alias, String column,
                                     StringBuilder sql, List<Object> params) {
        if (after == null) {
            return;
        }
        String cmp = descending ? "<" : ">";
        String cmpEq = descending ? "<=" : ">=";
        sql.append(" AND ").append(alias).append(column).append(' ').append(cmpEq).append(" ? AND (").append(alias)
                .append(column).append(' ').append(cmp).append(" ? OR ").append(alias).append("id ").append(cmp)
                .append(" ?)");
        params.add(after.value());
        params.add(after.value());
        params.add(after.id());
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
        return new LearnerRow(rs.getLong("eid"), ListOrder.sortValue(rs, rs.findColumn("sort_value"), sort),
                rs.getString("learner_id"), rs.getString("username"),
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
                            String sponsorKind, String sponsoredName) {
    }

    public Optional<DetailRow> detail(String memberId, String courseId, String learnerId) {
        return jdbc.queryOne("SELECT l.id, l.username, l.status, l.name, l.email AS account_email, l.country, "
                + "l.region, "
                + "l.language, l.year_of_birth, l.gender, l.level_of_education, l.goals, l.bio, l.mailing_address, "
                + "l.profile_visibility, l.shared_fields, l.id_verified, e.course_id, e.mode, e.enrolled_at, "
                + "e.unenrolled_at, e.active, e.email AS enrollment_email, e.grade, e.progress, e.passed, "
                + "e.certificate, e.grade_breakdown, e.last_activity_at, e.active_days, e.videos_watched, "
                + "e.problems_attempted, e.forum_posts, e.sponsor_id, sp.name AS sponsor_name, sp.kind AS "
                        + "sponsor_kind, "
                + "e.sponsored_name FROM enrollment e JOIN learner l ON l.id = e.learner_id "
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
                            rs.getString("sponsor_kind"), rs.getString("sponsored_name"));
                }, memberId, courseId, learnerId);
    }
}
