package org.iqracity.console.platform.store.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.ListOrder;

/**
 * A search without a snapshot: the enrollments with a word starting with each search word, each word one range of
 * the word index (V23). Without filters their count is the total, and when they are many a page is found by walking
 * the sort's index ({@link #walkable}, {@code LearnerRepository}); otherwise H2 reads their sort values and filter
 * columns by primary key, which give both the total and, with the cursor applied in memory, the page
 * ({@link #values}). (PostgreSQL sorts text by its collation, which Java cannot repeat, so it sorts such a page in
 * SQL.)
 */
public final class WordMatches {
    /** Reads a search's word ranges beside each other. */
    private static final ExecutorService RANGES = Executors.newVirtualThreadPerTaskExecutor();
    /** Enrollment ids looked up in one statement (the list is padded to this length, so the statement is reused). */
    private static final int ID_BATCH = 500;

    private final Jdbc jdbc;
    private final boolean postgres;

    public WordMatches(Jdbc jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    /**
     * The enrollments of the course, ascending, with a word starting with each of the search's words: each word's
     * range of the word index is read (side by side, each on a connection of its own) and the ranges intersected.
     */
    public long[] enrollments(LearnerListQuery q) {
        List<Future<long[]>> others = new ArrayList<>();
        for (int i = 1; i < q.terms().size(); i++) {
            String term = q.terms().get(i);
            others.add(RANGES.submit(() -> wordRange(q.courseId(), term)));
        }
        long[] matched = wordRange(q.courseId(), q.terms().getFirst());
        try {
            for (Future<long[]> other : others) {
                matched = intersect(matched, other.get());
            }
        } catch (InterruptedException e) {
            others.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading a search", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return matched;
    }

    /**
     * The matched enrollments that pass the filters, as (id, sort value) pairs read by primary key: for the total and,
     * with the cursor applied in memory, the page.
     */
    public PrefixMatches values(LearnerListQuery q, long[] matched) {
        PrefixMatches matches = new PrefixMatches();
        List<Object> filterParams = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id, ").append(LearnerRepository.sortColumn(q.sort()))
                .append(" FROM enrollment WHERE id IN (")
                .append(String.join(", ", Collections.nCopies(ID_BATCH, "?"))).append(") AND course_id = ?");
        filterParams.add(q.courseId());
        q.appendFilters("", sql, filterParams);
        for (int from = 0; from < matched.length; from += ID_BATCH) {
            List<Object> params = new ArrayList<>(ID_BATCH + filterParams.size());
            for (int i = from; i < from + ID_BATCH; i++) {
                // Padded with the batch's first id: the statement stays the same, the rows do too.
                params.add(matched[i < matched.length ? i : from]);
            }
            params.addAll(filterParams);
            jdbc.query(sql.toString(), rs -> {
                matches.add(rs.getLong(1), ListOrder.sortValue(rs, 2, q.sort()));
                return null;
            }, params.toArray());
        }
        return matches;
    }

    /**
     * Whether a page is cheaper found by walking the sort's index from the cursor and keeping the matched ids than by
     * looking every match up: only without filters (the total is then the matches' count), and only when the matches
     * are dense enough that the walk (about {@code limit × enrollments / matches} index entries in order, a few
     * microseconds each) costs less than the look-ups (tens of microseconds each when not cached). At 500,000
     * enrollments and a page of 50: from about 1,200 matches on.
     */
    public static boolean walkable(LearnerListQuery q, long matches, long enrollments) {
        return !q.filtered() && matches * matches * 50 > (long) q.limit() * enrollments * 3;
    }

    /** The enrollments, ascending and each once, with a search word in the course starting with {@code term}. */
    private long[] wordRange(String courseId, String term) {
        List<Object> params = new ArrayList<>(List.of(courseId));
        StringBuilder sql = new StringBuilder("SELECT id FROM ").append(SearchTokens.TABLE);
        if (postgres) {
            // LIKE on the word's COLLATE "C" column is one range of the index.
            sql.append(" WHERE course_id = ? AND token LIKE ? ESCAPE '\\'");
            params.add(SearchText.escapeLike(term) + "%");
        } else {
            // H2 cannot make a parameterised LIKE a range; it compares strings as Java does, so [term, upperBound)
            // is exactly "starts with term".
            sql.append(" USE INDEX (enrollment_token_search) WHERE course_id = ? AND token >= ?");
            params.add(term);
            String upper = SearchText.upperBound(term);
            if (upper != null) {
                sql.append(" AND token < ?");
                params.add(upper);
            }
        }
        long[][] ids = {new long[256]};
        int[] size = {0};
        jdbc.forEach(sql.toString(), rs -> {
            if (size[0] == ids[0].length) {
                ids[0] = Arrays.copyOf(ids[0], size[0] * 2);
            }
            ids[0][size[0]++] = SearchTokens.enrollmentOf(rs.getLong(1));
        }, params.toArray());
        long[] sorted = Arrays.copyOf(ids[0], size[0]);
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, distinct);
    }

    /** The ids in both ascending, distinct arrays. */
    static long[] intersect(long[] a, long[] b) {
        long[] out = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[n++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
