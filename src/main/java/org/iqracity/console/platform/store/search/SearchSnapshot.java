package org.iqracity.console.platform.store.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntBinaryOperator;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.ListOrder;

/**
 * One course's enrollments as a search reads them, in memory: the search words of every enrollment (the word table's
 * rows, {@link SearchTokens}) in word order, every column a search sorts or filters on, and the rows in the order of
 * each sort. A search of a 500,000 course on H2 reads tens of thousands of index entries and looks each match up by
 * primary key, and H2 holds a decoded entry in about 1 KB of its page cache: most searches of a large course paid
 * for decoding pages again (100-500 ms). Here a search is two binary searches a word and a walk of one sort order.
 * The columns are arrays of primitives and the texts {@link PackedText}s, so that a snapshot is a few dozen objects,
 * not millions for the collector to copy while it is read.
 *
 * <p>Matching is the word table's: a search word is one range of the words in Java's string order ({@code [word,
 * upperBound)}), the enrollments of every word's range are kept, then the filters. Text order: H2 sorts text as
 * Java does. PostgreSQL sorts text by its collation (under most locales {@code "ann.b"} and {@code "annb"}
 * interleave differently), so a snapshot read there also takes the database's own username and name orders, and a
 * page in those sorts walks them; a cursor in them is found by its enrollment id. The same pages, in the same order
 * ({@link ListOrder}, the unnamed rows of the name order last either way), as the SQL path gives on either database.
 *
 * <p>Immutable once read. The caller ({@link SearchSnapshots}) decides whether it is still current.
 */
public final class SearchSnapshot {
    /** Rows read per query while reading: one ordered index range at a time keeps H2 from buffering a whole course. */
    private static final int BATCH = 20_000;
    /** The text sort keys held, as {@link #keys} holds them. */
    private static final String[] KEYS = {"username_key", "name_key"};
    /** {@link #firstAfter}'s answer for a cursor the snapshot cannot place. */
    private static final int NOWHERE = Integer.MIN_VALUE;

    private final long[] ids;
    /** The username and name keys, by row. */
    private final PackedText[] keys;
    /** Every search word of the course, with its row. */
    private final WordIndex words;
    /** Nanoseconds since the epoch. */
    private final long[] enrolledAt;
    private final double[] progress;
    private final double[] grade;
    private final long[] activity;
    private final String[] mode;
    private final String[] country;
    private final boolean[] active;
    private final boolean[] passed;
    /** For each sort (by ordinal), the row numbers in ascending (sort value, id) order. */
    private final int[][] bySort;
    /**
     * PostgreSQL: for the username and name sorts, each row's position in {@link #bySort} (the database's order),
     * where a cursor is found by its id; null on H2, whose text order is Java's.
     */
    private final int[][] collatedRank;
    /** Row numbers in id order, to find a row by its enrollment id. */
    private final int[] byId;
    /** Where the unnamed rows begin in the name order ({@link ListOrder}). */
    private final int unnamedFrom;

    private SearchSnapshot(SnapshotColumns b, long[][] collatedIds) {
        int n = b.size;
        ids = Arrays.copyOf(b.ids, n);
        keys = new PackedText[] {b.keys[0].trimmed(), b.keys[1].trimmed()};
        PackedText text = b.words.trimmed();
        words = new WordIndex(text, Arrays.copyOf(b.wordRow, text.size()), sorted(text.size(), text::compare));
        enrolledAt = Arrays.copyOf(b.enrolledAt, n);
        progress = Arrays.copyOf(b.progress, n);
        grade = Arrays.copyOf(b.grade, n);
        activity = Arrays.copyOf(b.activity, n);
        mode = Arrays.copyOf(b.mode, n);
        country = Arrays.copyOf(b.country, n);
        active = Arrays.copyOf(b.active, n);
        passed = Arrays.copyOf(b.passed, n);
        byId = b.byId;
        int[][] collated = collatedIds == null ? null : new int[][] {rowsOf(collatedIds[0]), rowsOf(collatedIds[1])};
        collatedRank = collated == null ? null : new int[][] {rank(collated[0]), rank(collated[1])};
        bySort = new int[LearnerSort.values().length][];
        for (LearnerSort sort : LearnerSort.values()) {
            bySort[sort.ordinal()] = switch (sort) {
                case USERNAME -> collated == null ? order(n, keys[0]::compare) : collated[0];
                case NAME -> collated == null ? order(n, keys[1]::compare) : collated[1];
                case ENROLLED_AT -> order(n, (a, c) -> Long.compare(enrolledAt[a], enrolledAt[c]));
                case PROGRESS -> order(n, (a, c) -> Double.compare(progress[a], progress[c]));
                case GRADE -> order(n, (a, c) -> Double.compare(grade[a], grade[c]));
                case LAST_ACTIVITY_AT -> order(n, (a, c) -> Long.compare(activity[a], activity[c]));
            };
        }
        int[] byName = bySort[LearnerSort.NAME.ordinal()];
        int from = byName.length;
        while (from > 0 && byName[from - 1] >= 0 && SearchText.unnamed(keys[1].get(byName[from - 1]))) {
            from--;
        }
        unnamedFrom = from;
    }

    /** Enrollments held. */
    int size() {
        return ids.length;
    }

    /** Heap the snapshot's arrays take, roughly (its few dozen objects' headers and the shared texts left out). */
    long bytes() {
        long n = ids.length;
        // ids and four number columns; mode and country references; two flags; the sort orders and the id order.
        long perRow = 8L * 5 + 4 * 2 + 2 + 4L * (bySort.length + 1) + (collatedRank == null ? 0 : 8);
        return n * perRow + keys[0].bytes() + keys[1].bytes() + words.bytes();
    }

    /**
     * Reads a course in keyset batches: on H2 its rows from the e-mail search index, which carries every column
     * needed (V10), and its words from the word index (V23); on PostgreSQL the rows from the table, the words, then
     * its username and name orders (ids only) from V2's indexes. Returns null if {@code stop} turns true between
     * batches, or if the rows changed while they were read (a word or an id of an order that is not a row's). The
     * caller checks that no enrollment changed while this ran.
     */
    static SearchSnapshot read(Jdbc jdbc, String courseId, boolean postgres, BooleanSupplier stop) {
        String columns = "id, username_key, name_key, email_key, enrolled_at, progress, grade, activity_key, mode, "
                + "country, active, passed";
        SnapshotColumns b = new SnapshotColumns();
        if (postgres) {
            jdbc.forEach("SELECT " + columns + " FROM enrollment WHERE course_id = ?", b::add, courseId);
            if (stop.getAsBoolean()) {
                return null;
            }
            b.indexIds();
            jdbc.forEach("SELECT id, token FROM " + SearchTokens.TABLE + " WHERE course_id = ?", b::addWord, courseId);
            long[][] collated = new long[2][];
            for (int k = 0; k < 2; k++) {
                SnapshotColumns.Ids order = new SnapshotColumns.Ids(b.size);
                jdbc.forEach("SELECT id FROM enrollment WHERE course_id = ? ORDER BY " + KEYS[k] + ", id",
                        rs -> order.add(rs.getLong(1)), courseId);
                if (order.size != b.size || stop.getAsBoolean()) {
                    return null;
                }
                collated[k] = order.ids;
            }
            if (b.strayWords) {
                return null;
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
                jdbc.forEach(next, b::add, courseId, b.lastEmailKey, b.lastEmailKey, b.ids[before - 1], BATCH);
            }
            if (b.size - before < BATCH) {
                break;
            }
        }
        b.indexIds();
        String firstWords = "SELECT id, token FROM " + SearchTokens.TABLE + " USE INDEX (enrollment_token_search) "
                + "WHERE course_id = ? ORDER BY course_id, token, id LIMIT ?";
        String nextWords = "SELECT id, token FROM " + SearchTokens.TABLE + " USE INDEX (enrollment_token_search) "
                + "WHERE course_id = ? AND token >= ? AND (token > ? OR id > ?) ORDER BY course_id, token, id LIMIT ?";
        while (true) {
            if (stop.getAsBoolean()) {
                return null;
            }
            int before = b.wordCount;
            if (before == 0) {
                jdbc.forEach(firstWords, b::addWord, courseId, BATCH);
            } else {
                jdbc.forEach(nextWords, b::addWord, courseId, b.lastWord, b.lastWord, b.lastWordId, BATCH);
            }
            if (b.wordCount - before < BATCH) {
                return b.strayWords ? null : new SearchSnapshot(b, null);
            }
        }
    }

    /** A search's page (enrollment ids, in the list's order) and its total. */
    public record Result(List<Long> page, long total) {
    }

    /**
     * The query's page and total: the rows that have a word starting with each of the search's words (every row, for
     * a list without search) and pass the filters are marked; the page walks the sort's order from the cursor, passes
     * over the first {@code q.skip()} marked rows (a page at a position) and takes the next marked rows. Order and
     * cursor mean what they mean in SQL ({@link ListOrder}). Null when the snapshot cannot place the cursor (on
     * PostgreSQL, a text sort's cursor that names no row of the course as it is held): the SQL path answers then.
     */
    public Result search(LearnerListQuery q) {
        if (!q.searched() && !q.filtered() && q.after() == null) {
            return wholeListAt(q);
        }
        int[] order = bySort[q.sort().ordinal()];
        int after = firstAfter(order, q);
        if (after == NOWHERE) {
            return null;
        }
        BitSet matched = matches(q);
        long total = matched.cardinality();
        Taker page = new Taker(matched, q.skip(), q.limit());
        if (!q.descending()) {
            page.take(order, after, order.length, 1);
        } else if (!q.order().rotated()) {
            page.take(order, lastBefore(order, after, q), -1, -1);
        } else if (q.after() != null && q.order().last(q.after().value())) {
            page.take(order, after, order.length, 1);
        } else {
            // The named rows backwards, then the unnamed ones forwards.
            int from = q.after() == null ? unnamedFrom - 1 : lastBefore(order, after, q);
            page.take(order, Math.min(from, unnamedFrom - 1), -1, -1);
            page.take(order, unnamedFrom, order.length, 1);
        }
        return new Result(page.ids, total);
    }

    /**
     * A page of the whole course, neither searched nor filtered, at a position: its rows are found by arithmetic on
     * the sort's order, whatever the position.
     */
    private Result wholeListAt(LearnerListQuery q) {
        int n = ids.length;
        int[] order = bySort[q.sort().ordinal()];
        List<Long> page = new ArrayList<>(Math.max(0, Math.min(q.limit(), n - q.skip())));
        for (long position = q.skip(); position < n && page.size() < q.limit(); position++) {
            int p = (int) position;
            int at;
            if (!q.descending()) {
                at = p;
            } else if (!q.order().rotated()) {
                at = n - 1 - p;
            } else {
                // The named rows backwards, then the unnamed ones forwards from where they begin.
                at = p < unnamedFrom ? unnamedFrom - 1 - p : p;
            }
            page.add(ids[order[at]]);
        }
        return new Result(page, n);
    }

    /** Collects a page from walks of the sort order: marked rows only, the first {@code skip} of them passed over. */
    private final class Taker {
        private final BitSet matched;
        private final int limit;
        private int skip;
        private final List<Long> ids;

        Taker(BitSet matched, int skip, int limit) {
            this.matched = matched;
            this.skip = skip;
            this.limit = limit;
            this.ids = new ArrayList<>(Math.min(limit, matched.cardinality()));
        }

        /** Walks positions {@code from} (inclusive) to {@code to} (exclusive). */
        void take(int[] order, int from, int to, int step) {
            for (int i = from; i != to && ids.size() < limit; i += step) {
                if (matched.get(order[i])) {
                    if (skip > 0) {
                        skip--;
                    } else {
                        ids.add(SearchSnapshot.this.ids[order[i]]);
                    }
                }
            }
        }
    }

    /** How many rows the query's search and filters match, whatever its cursor. */
    public long total(LearnerListQuery q) {
        return matches(q).cardinality();
    }

    private BitSet matches(LearnerListQuery q) {
        if (!q.searched()) {
            BitSet all = new BitSet(ids.length);
            all.set(0, ids.length);
            return q.filtered() ? filtered(all, q) : all;
        }
        BitSet matched = null;
        for (String term : q.terms()) {
            BitSet rows = new BitSet(ids.length);
            words.mark(term, rows);
            if (matched == null) {
                matched = rows;
            } else {
                matched.and(rows);
            }
        }
        if (matched == null) {
            return new BitSet();
        }
        return q.filtered() ? filtered(matched, q) : matched;
    }

    /** Clears the marked rows that fail the query's filters. */
    private BitSet filtered(BitSet matched, LearnerListQuery q) {
        for (int row = matched.nextSetBit(0); row >= 0; row = matched.nextSetBit(row + 1)) {
            if (!passes(row, q)) {
                matched.clear(row);
            }
        }
        return matched;
    }

    /**
     * The first position of the sort's ascending order after the cursor (0 without one); {@link #NOWHERE} when a
     * collated cursor names no row held.
     */
    private int firstAfter(int[] order, LearnerListQuery q) {
        LearnerListQuery.Keyset after = q.after();
        if (after == null) {
            return 0;
        }
        int text = q.sort() == LearnerSort.USERNAME ? 0 : q.sort() == LearnerSort.NAME ? 1 : -1;
        if (collatedRank != null && text >= 0) {
            int row = rowOf(after.id());
            if (row < 0 || !(after.value() instanceof String value) || keys[text].compareTo(row, value) != 0) {
                return NOWHERE;
            }
            return collatedRank[text][row] + 1;
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
        return lo;
    }

    /** The last position of the ascending order before the cursor, given the first after it (-1: none). */
    private int lastBefore(int[] order, int firstAfter, LearnerListQuery q) {
        if (q.after() == null) {
            return order.length - 1;
        }
        int i = firstAfter - 1;
        // A collated cursor was found by its row; any other is the row at i only if its value is the row's too.
        boolean collated = collatedRank != null && (q.sort() == LearnerSort.USERNAME || q.sort() == LearnerSort.NAME);
        boolean cursorRow = i >= 0 && ids[order[i]] == q.after().id()
                && (collated || compareValue(order[i], q.sort(), q.after().value()) == 0);
        return cursorRow ? i - 1 : i;
    }

    /**
     * The row's sort value against a cursor's, which is of the type the SQL path reads ({@link ListOrder#sortValue}).
     */
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

    static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** The same tests as the SQL's filters; the columns are NOT NULL except country, which null never equals. */
    private boolean passes(int row, LearnerListQuery q) {
        return (q.mode() == null || q.mode().name().equals(mode[row]))
                && (q.active() == null || q.active() == active[row])
                && (q.passed() == null || q.passed() == passed[row])
                && (q.countries().isEmpty() || country[row] != null && q.countries().contains(country[row]))
                && (q.minProgress() == null || progress[row] >= q.minProgress())
                && (q.maxProgress() == null || progress[row] <= q.maxProgress())
                && (q.minGrade() == null || grade[row] >= q.minGrade())
                && (q.maxGrade() == null || grade[row] <= q.maxGrade())
                && (q.inactiveBefore() == null || activity[row] < q.inactiveBefore());
    }

    /** The row holding enrollment {@code id}, or -1. */
    private int rowOf(long id) {
        return rowOf(ids, byId, byId.length, id);
    }

    /** The row holding enrollment {@code id} among the first {@code count} rows ordered by {@code byId}, or -1. */
    static int rowOf(long[] ids, int[] byId, int count, long id) {
        int lo = 0;
        int hi = count - 1;
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

    /**
     * Row numbers sorted by a column, then id: H2 compares text as Java's String does, so this is the index's order.
     */
    private int[] order(int n, IntBinaryOperator byColumn) {
        return sorted(n, (a, c) -> {
            int r = byColumn.applyAsInt(a, c);
            return r != 0 ? r : Long.compare(ids[a], ids[c]);
        });
    }

    /** The numbers 0 to n - 1 sorted by {@code order}; already sorted input costs one pass. */
    static int[] sorted(int n, IntBinaryOperator order) {
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
}
