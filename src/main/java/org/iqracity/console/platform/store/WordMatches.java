package org.iqracity.console.platform.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * H2's search without a snapshot: the enrollments with a word starting with each search word, from the word index
 * (V23), and their sort values and filter columns read by primary key. The matches give both the total and, with the
 * cursor applied in memory, the page ({@link PrefixMatches}), so a search reads its ranges once. (PostgreSQL sorts
 * text by its collation, which Java cannot repeat, so it sorts its own page in SQL.)
 */
final class WordMatches {
    /** Reads a search's word ranges beside each other. */
    private static final ExecutorService RANGES = Executors.newVirtualThreadPerTaskExecutor();
    /** Enrollment ids looked up in one statement (the list is padded to this length, so the statement is reused). */
    private static final int ID_BATCH = 500;

    private final Jdbc jdbc;

    WordMatches(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * H2: a search's matches as (id, sort value) pairs, for its total and, with the cursor applied in memory, its
     * page. Each search word's range of the word index is read (side by side, each on a connection of its own), the
     * enrollments found in every range are kept, and their sort values and filter columns are read by primary key.
     */
    PrefixMatches read(LearnerListQuery q) {
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
        PrefixMatches matches = new PrefixMatches();
        List<Object> filterParams = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT id, ").append(LearnerRepository.sortColumn(q.sort()))
                .append(" FROM enrollment WHERE id IN (")
                .append(String.join(", ", Collections.nCopies(ID_BATCH, "?"))).append(") AND course_id = ?");
        filterParams.add(q.courseId());
        LearnerRepository.appendFilters(q, "", sql, filterParams);
        for (int from = 0; from < matched.length; from += ID_BATCH) {
            List<Object> params = new ArrayList<>(ID_BATCH + filterParams.size());
            for (int i = from; i < from + ID_BATCH; i++) {
                // Padded with the batch's first id: the statement stays the same, the rows do too.
                params.add(matched[i < matched.length ? i : from]);
            }
            params.addAll(filterParams);
            jdbc.query(sql.toString(), rs -> {
                matches.add(rs.getLong(1), LearnerRepository.sortValue(rs, 2, q.sort()));
                return null;
            }, params.toArray());
        }
        return matches;
    }

    /** The enrollments, ascending and each once, with a search word in the course starting with {@code term}. */
    private long[] wordRange(String courseId, String term) {
        List<Object> params = new ArrayList<>(List.of(courseId, term));
        StringBuilder sql = new StringBuilder("SELECT id FROM ").append(SearchTokens.TABLE)
                .append(" USE INDEX (enrollment_token_search)").append(" WHERE course_id = ? AND token >= ?");
        String upper = LearnerRepository.upperBound(term);
        if (upper != null) {
            // H2 compares strings as Java does, so [term, upperBound) is exactly "starts with term".
            sql.append(" AND token < ?");
            params.add(upper);
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
