package org.iqracity.console.platform.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import org.iqracity.console.api.LearnerSort;

/**
 * One course's enrollments as a search reads them, in memory: the three search keys (username, name, e-mail), every
 * column a search sorts or filters on, and the rows in the order of each key. A search of a 500,000 course on H2 reads
 * tens of thousands of entries of the covering indexes (V10), and H2 holds a decoded index entry in about 1 KB of its
 * page cache: the three ranges of one large course do not fit a 3 GB platform's cache, so most searches paid for
 * decoding pages again (100-500 ms). Here an enrollment costs ~250 bytes, and a search is a few binary searches and a walk of one sort order.
 * The columns are arrays of primitives and the keys {@link PackedText}s, so that a snapshot is a few dozen objects,
 * not millions for the collector to copy while it is read.
 *
 * <p>Text order: a prefix is one range of Java's string order, which H2 also sorts by. PostgreSQL sorts text by its
 * collation (under most locales {@code "ann.b"} and {@code "annb"} interleave differently), so a snapshot read there
 * also takes the database's own username and name orders, and a page in those sorts walks them; a cursor in them is
 * found by its enrollment id. The same pages, in the same order, as the SQL path gives on either database.
 *
 * <p>Immutable once read. The caller ({@link SearchSnapshots}) decides whether it is still current.
 */
final class SearchSnapshot {
    /** Rows read per query while reading: one ordered index range at a time keeps H2 from buffering a whole course. */
    private static final int BATCH = 20_000;
    private static final String[] KEYS = {"username_key", "name_key", "email_key"};
    /** {@link #start}'s answer for a cursor the snapshot cannot place. */
    private static final int NOWHERE = Integer.MIN_VALUE;

    private final long[] ids;
    private final PackedText[] keys;
    /** Nanoseconds since the epoch. */
    private final long[] enrolledAt;
    private final double[] progress;
    private final double[] grade;
    private final long[] activity;
    private final String[] mode;
    private final String[] country;
    private final boolean[] active;
    private final boolean[] passed;
    /** For each key, the row numbers in the key's order (then id), as the index orders them. */
    private final int[][] byKey;
    /** For each sort (by ordinal), the row numbers in ascending (sort value, id) order. */
    private final int[][] bySort;
    /**
     * PostgreSQL: for the username and name sorts, each row's position in {@link #bySort} (the database's order),
     * where a cursor is found by its id; null on H2, whose text order is Java's.
     */
    private final int[][] collatedRank;
    /** Row numbers in id order, to find a cursor's row; null on H2. */
    private final int[] byId;

    private SearchSnapshot(Builder b, long[][] collatedIds) {
        int n = b.size;
        ids = Arrays.copyOf(b.ids, n);
        keys = new PackedText[] {b.keys[0].trimmed(), b.keys[1].trimmed(), b.keys[2].trimmed()};
        enrolledAt = Arrays.copyOf(b.enrolledAt, n);
        progress = Arrays.copyOf(b.progress, n);
        grade = Arrays.copyOf(b.grade, n);
        activity = Arrays.copyOf(b.activity, n);
        mode = Arrays.copyOf(b.mode, n);
        country = Arrays.copyOf(b.country, n);
        active = Arrays.copyOf(b.active, n);
        passed = Arrays.copyOf(b.passed, n);
        byKey = new int[KEYS.length][];
        for (int k = 0; k < KEYS.length; k++) {
            PackedText key = keys[k];
            byKey[k] = order(n, key::compare);
        }
        byId = collatedIds == null ? null : order(n, (a, c) -> 0);
        int[][] collated = collatedIds == null ? null : new int[][] {rowsOf(collatedIds[0]), rowsOf(collatedIds[1])};
        collatedRank = collated == null ? null : new int[][] {rank(collated[0]), rank(collated[1])};
        bySort = new int[LearnerSort.values().length][];
        for (LearnerSort sort : LearnerSort.values()) {
            bySort[sort.ordinal()] = switch (sort) {
                case USERNAME -> collated == null ? byKey[0] : collated[0];
                case NAME -> collated == null ? byKey[1] : collated[1];
                case ENROLLED_AT -> order(n, (a, c) -> Long.compare(enrolledAt[a], enrolledAt[c]));
                case PROGRESS -> order(n, (a, c) -> Double.compare(progress[a], progress[c]));
                case GRADE -> order(n, (a, c) -> Double.compare(grade[a], grade[c]));
                case LAST_ACTIVITY_AT -> order(n, (a, c) -> Long.compare(activity[a], activity[c]));
            };
        }
    }

    /** Enrollments held. */
    int size() {
        return ids.length;
    }

    /**
     * Reads a course in keyset batches: on H2 from the e-mail search index, which carries every column needed (V10);
     * on PostgreSQL from the table, then its username and name orders (ids only) from V2's indexes. Returns null if
     * {@code stop} turns true between batches, or if the rows changed while they were read (the ids of an order are
     * not the rows'). The caller checks that no enrollment changed while this ran.
     */
    static SearchSnapshot read(Jdbc jdbc, String courseId, boolean postgres, BooleanSupplier stop) {
        String columns = "id, username_key, name_key, email_key, enrolled_at, progress, grade, activity_key, mode, "
                + "country, active, passed";
        Builder b = new Builder();
        if (postgres) {
            jdbc.forEach("SELECT " + columns + " FROM enrollment WHERE course_id = ?", b::add, courseId);
            if (stop.getAsBoolean()) {
                return null;
            }
            long[][] collated = new long[2][];
            for (int k = 0; k < 2; k++) {
                Ids order = new Ids(b.size);
                jdbc.forEach("SELECT id FROM enrollment WHERE course_id = ? ORDER BY " + KEYS[k] + ", id",
                        rs -> order.add(rs.getLong(1)), courseId);
                if (order.size != b.size || stop.getAsBoolean()) {
                    return null;
                }
                collated[k] = order.ids;
            }
            SearchSnapshot snapshot = new SearchSnapshot(b, collated);
            return snapshot.complete() ? snapshot : null;
        }
        String first = "SELECT " + columns + " FROM enrollment USE INDEX (enrollment_search_email) WHERE course_id = ? "
                + "ORDER BY course_id, email_key, id LIMIT ?";
        String next = "SELECT " + columns + " FROM enrollment USE INDEX (enrollment_search_email) WHERE course_id = ? "
                + "AND email_key >= ? AND (email_key > ? OR id > ?) ORDER BY course_id, email_key, id LIMIT ?";
        while (true) {
            if (stop.getAsBoolean()) {
                return null;
            }
            int before = b.size;
            if (before == 0) {
                jdbc.forEach(first, b::add, courseId, BATCH);
            } else {
                String lastKey = b.keys[2].get(before - 1);
                jdbc.forEach(next, b::add, courseId, lastKey, lastKey, b.ids[before - 1], BATCH);
            }
            if (b.size - before < BATCH) {
                return new SearchSnapshot(b, null);
            }
        }
    }

    /** Ids in the order a query gave them. */
    private static final class Ids {
        private final long[] ids;
        private int size;

        Ids(int expected) {
            ids = new long[expected];
        }

        void add(long id) {
            if (size < ids.length) {
                ids[size] = id;
            }
            size++;
        }
    }

    /** A search's page (enrollment ids, in the list's order) and its total. */
    record Result(List<Long> page, long total) {
    }

    /**
     * The query's page and total: the rows whose username, name or e-mail key starts with the prefix and pass the
     * filters are marked (each key's order gives its matches as one range, found by two binary searches); the page
     * walks the sort's order from the cursor and takes the marked rows. Order and cursor mean what they mean in SQL:
     * sort value, then id, both ascending or both descending. Null when the snapshot cannot place the cursor (on
     * PostgreSQL, a text sort's cursor that names no row of the course as it is held): the SQL path answers then.
     */
    Result search(LearnerListQuery q) {
        int at = start(bySort[q.sort().ordinal()], q);
        if (at == NOWHERE) {
            return null;
        }
        BitSet matched = matches(q);
        long total = matched.cardinality();
        int[] order = bySort[q.sort().ordinal()];
        List<Long> page = new ArrayList<>(Math.min(q.limit(), (int) total));
        int step = q.descending() ? -1 : 1;
        for (int i = at; page.size() < q.limit() && i >= 0 && i < order.length && page.size() < total; i += step) {
            if (matched.get(order[i])) {
                page.add(ids[order[i]]);
            }
        }
        return new Result(page, total);
    }

    /** How many rows the query's search and filters match, whatever its cursor. */
    long total(LearnerListQuery q) {
        return matches(q).cardinality();
    }

    private BitSet matches(LearnerListQuery q) {
        BitSet matched = new BitSet(ids.length);
        String upper = LearnerRepository.upperBound(q.prefix());
        boolean filtered = q.filtered();
        for (int k = 0; k < KEYS.length; k++) {
            PackedText key = keys[k];
            int[] order = byKey[k];
            // [prefix, upper) in Java's string order is exactly "starts with prefix".
            int end = upper == null ? order.length : lowerBound(key, order, upper);
            for (int i = lowerBound(key, order, q.prefix()); i < end; i++) {
                int row = order[i];
                if (!filtered || passes(row, q)) {
                    matched.set(row);
                }
            }
        }
        return matched;
    }

    /**
     * The first position of the sort's order to look at: the start or end, or just past the cursor; {@link #NOWHERE}
     * when a collated cursor names no row held.
     */
    private int start(int[] order, LearnerListQuery q) {
        LearnerListQuery.Keyset after = q.after();
        if (after == null) {
            return q.descending() ? order.length - 1 : 0;
        }
        int text = q.sort() == LearnerSort.USERNAME ? 0 : q.sort() == LearnerSort.NAME ? 1 : -1;
        if (collatedRank != null && text >= 0) {
            int row = rowOf(after.id());
            if (row < 0 || !(after.value() instanceof String value) || keys[text].compareTo(row, value) != 0) {
                return NOWHERE;
            }
            return collatedRank[text][row] + (q.descending() ? -1 : 1);
        }
        // The first position whose (value, id) is greater than the cursor's.
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int row = order[mid];
            int c = compareValue(row, q.sort(), after.value());
            if (c == 0) {
                c = Long.compare(ids[row], after.id());
            }
            if (c <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (!q.descending()) {
            return lo;
        }
        // Descending: the last position whose (value, id) is less than the cursor's.
        int i = lo - 1;
        while (i >= 0 && compareValue(order[i], q.sort(), after.value()) == 0 && ids[order[i]] == after.id()) {
            i--;
        }
        return i;
    }

    /** The row's sort value against a cursor's, which is of the type the SQL path reads (LearnerRepository.sortValue). */
    private int compareValue(int row, LearnerSort sort, Object value) {
        return switch (sort) {
            case USERNAME -> keys[0].compareTo(row, (String) value);
            case NAME -> keys[1].compareTo(row, (String) value);
            case ENROLLED_AT -> Long.compare(enrolledAt[row], nanos((Instant) value));
            case PROGRESS -> Double.compare(progress[row], (Double) value);
            case GRADE -> Double.compare(grade[row], (Double) value);
            case LAST_ACTIVITY_AT -> Long.compare(activity[row], (Long) value);
        };
    }

    private static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** The same tests as the SQL's filters; the columns are NOT NULL except country, which null never equals. */
    private boolean passes(int row, LearnerListQuery q) {
        return (q.mode() == null || q.mode().name().equals(mode[row]))
                && (q.active() == null || q.active() == active[row])
                && (q.passed() == null || q.passed() == passed[row])
                && (q.countries().isEmpty() || q.countries().contains(country[row]))
                && (q.minProgress() == null || progress[row] >= q.minProgress())
                && (q.maxProgress() == null || progress[row] <= q.maxProgress());
    }

    /** The row holding enrollment {@code id}, or -1. */
    private int rowOf(long id) {
        int lo = 0;
        int hi = byId.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = ids[byId[mid]];
            if (at < id) {
                lo = mid + 1;
            } else if (at > id) {
                hi = mid - 1;
            } else {
                return byId[mid];
            }
        }
        return -1;
    }

    /** Enrollment ids in a database order as row numbers; a row not held (or held twice) leaves a -1. */
    private int[] rowsOf(long[] orderedIds) {
        int[] rows = new int[orderedIds.length];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = rowOf(orderedIds[i]);
        }
        return rows;
    }

    /** Whether each collated order holds every row exactly once (rows read in one pass, ids in another). */
    private boolean complete() {
        for (int[] ranks : collatedRank) {
            for (int r : ranks) {
                if (r < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Each row's position in {@code order}; -1 for a row the order does not hold. */
    private static int[] rank(int[] order) {
        int[] rank = new int[order.length];
        Arrays.fill(rank, -1);
        for (int i = 0; i < order.length; i++) {
            if (order[i] >= 0) {
                rank[order[i]] = i;
            }
        }
        return rank;
    }

    /** The first position in {@code order} whose key is not less than {@code prefix}. */
    private static int lowerBound(PackedText key, int[] order, String prefix) {
        int lo = 0;
        int hi = order.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (key.compareTo(order[mid], prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Row numbers sorted by a column, then id: H2 compares text as Java's String does, so this is the index's order. */
    private int[] order(int n, IntBinaryOperator byColumn) {
        IntBinaryOperator order = (a, c) -> {
            int r = byColumn.applyAsInt(a, c);
            return r != 0 ? r : Long.compare(ids[a], ids[c]);
        };
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        mergeSort(rows, new int[n], 0, n, order);
        return rows;
    }

    /** Sorts {@code rows[lo..hi)} by {@code order} (a merge sort on ints: no boxed row numbers to collect). */
    private static void mergeSort(int[] rows, int[] spare, int lo, int hi, IntBinaryOperator order) {
        if (hi - lo <= 16) {
            for (int i = lo + 1; i < hi; i++) {
                int row = rows[i];
                int j = i - 1;
                while (j >= lo && order.applyAsInt(rows[j], row) > 0) {
                    rows[j + 1] = rows[j];
                    j--;
                }
                rows[j + 1] = row;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(rows, spare, lo, mid, order);
        mergeSort(rows, spare, mid, hi, order);
        if (order.applyAsInt(rows[mid - 1], rows[mid]) <= 0) {
            return;
        }
        System.arraycopy(rows, lo, spare, lo, hi - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            rows[k++] = order.applyAsInt(spare[i], spare[j]) <= 0 ? spare[i++] : spare[j++];
        }
        while (i < mid) {
            rows[k++] = spare[i++];
        }
        while (j < hi) {
            rows[k++] = spare[j++];
        }
    }

    /** Growable columns while reading; repeated short texts (mode, country) share one String. */
    private static final class Builder {
        private final Map<String, String> shared = new HashMap<>();
        private long[] ids = new long[1024];
        private final PackedText[] keys = {new PackedText(), new PackedText(), new PackedText()};
        private long[] enrolledAt = new long[1024];
        private double[] progress = new double[1024];
        private double[] grade = new double[1024];
        private long[] activity = new long[1024];
        private String[] mode = new String[1024];
        private String[] country = new String[1024];
        private boolean[] active = new boolean[1024];
        private boolean[] passed = new boolean[1024];
        private int size;

        void add(java.sql.ResultSet rs) throws java.sql.SQLException {
            if (size == ids.length) {
                grow(size * 2);
            }
            ids[size] = rs.getLong(1);
            for (int k = 0; k < 3; k++) {
                keys[k].add(rs.getString(2 + k));
            }
            enrolledAt[size] = nanos(rs.getObject(5, java.time.OffsetDateTime.class).toInstant());
            progress[size] = rs.getDouble(6);
            grade[size] = rs.getDouble(7);
            activity[size] = rs.getLong(8);
            mode[size] = share(rs.getString(9));
            country[size] = share(rs.getString(10));
            active[size] = rs.getBoolean(11);
            passed[size] = rs.getBoolean(12);
            size++;
        }

        private String share(String s) {
            return s == null ? null : shared.computeIfAbsent(s, v -> v);
        }

        private void grow(int n) {
            ids = Arrays.copyOf(ids, n);
            enrolledAt = Arrays.copyOf(enrolledAt, n);
            progress = Arrays.copyOf(progress, n);
            grade = Arrays.copyOf(grade, n);
            activity = Arrays.copyOf(activity, n);
            mode = Arrays.copyOf(mode, n);
            country = Arrays.copyOf(country, n);
            active = Arrays.copyOf(active, n);
            passed = Arrays.copyOf(passed, n);
        }
    }
}
