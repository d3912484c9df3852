package org.iqracity.console.platform.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What a search's three prefix ranges (username, name, e-mail) matched, as (enrollment id, sort value) pairs. One
 * enrollment can match in all three ranges, always with the same sort value, so it appears up to three times.
 * Answers both the total (distinct ids) and a page in the list's order: sort value, then id, ascending or
 * descending, after a cursor — the order the SQL of an unsearched page uses, so cursors mean the same in both.
 */
final class PrefixMatches {
    /** An enrollment matched by all three ranges fills three of a page's candidate places. */
    private static final int MAX_REPEATS = 3;

    private long[] ids = new long[1024];
    private Comparable<?>[] values = new Comparable<?>[1024];
    private int size;

    void add(long id, Comparable<?> value) {
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        ids[size] = id;
        values[size] = value;
        size++;
    }

    void addAll(PrefixMatches other) {
        for (int i = 0; i < other.size; i++) {
            add(other.ids[i], other.values[i]);
        }
    }

    /** How many distinct enrollments matched. */
    long total() {
        long[] sorted = Arrays.copyOf(ids, size);
        Arrays.sort(sorted);
        long distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        return distinct;
    }

    /**
     * The ids of the first {@code limit} distinct matches after {@code after} (null: from the start). A bounded heap
     * keeps the best {@code limit × 3} entries seen, which hold at least {@code limit} distinct enrollments.
     */
    List<Long> page(LearnerListQuery.Keyset after, boolean descending, int limit) {
        Comparator<Integer> order = (a, b) -> compare(values[a], ids[a], values[b], ids[b]);
        if (descending) {
            order = order.reversed();
        }
        int capacity = limit * MAX_REPEATS;
        PriorityQueue<Integer> best = new PriorityQueue<>(capacity + 1, order.reversed());
        for (int i = 0; i < size; i++) {
            if (after != null) {
                int c = compare(values[i], ids[i], after.value(), after.id());
                if (descending ? c >= 0 : c <= 0) {
                    continue;
                }
            }
            if (best.size() < capacity) {
                best.add(i);
            } else if (order.compare(i, best.peek()) < 0) {
                best.poll();
                best.add(i);
            }
        }
        List<Integer> kept = new ArrayList<>(best);
        kept.sort(order);
        List<Long> page = new ArrayList<>(Math.min(limit, kept.size()));
        for (int i : kept) {
            if (page.size() == limit) {
                break;
            }
            if (page.isEmpty() || page.getLast() != ids[i]) {
                page.add(ids[i]);
            }
        }
        return page;
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object value, long id, Object otherValue, long otherId) {
        int c = ((Comparable<Object>) value).compareTo(otherValue);
        return c != 0 ? c : Long.compare(id, otherId);
    }
}
