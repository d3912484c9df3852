package org.iqracity.console.platform.store.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.ListOrder;

/**
 * What a search matched, as (enrollment id, sort value) pairs, each enrollment at most {@code maxRepeats} times
 * (always with the same sort value). Answers both the total (distinct ids) and a page in the list's order
 * ({@link ListOrder}) after a cursor: the order the SQL of an unsearched page uses, so cursors mean the same in both.
 */
public final class PrefixMatches {
    /** How often one enrollment may have been added: a page keeps that many candidates for each place. */
    private final int maxRepeats;

    private long[] ids = new long[1024];
    private Comparable<?>[] values = new Comparable<?>[1024];
    private int size;

    PrefixMatches() {
        this(1);
    }

    PrefixMatches(int maxRepeats) {
        this.maxRepeats = maxRepeats;
    }

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
    public long total() {
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
     * keeps the best {@code limit × maxRepeats} entries seen, which hold at least {@code limit} distinct enrollments.
     */
    public List<Long> page(LearnerListQuery.Keyset after, ListOrder listOrder, int limit) {
        Comparator<Integer> order = (a, b) -> listOrder.compare(values[a], ids[a], values[b], ids[b]);
        int capacity = limit * maxRepeats;
        PriorityQueue<Integer> best = new PriorityQueue<>(capacity + 1, order.reversed());
        for (int i = 0; i < size; i++) {
            if (after != null && listOrder.compare(values[i], ids[i], after.value(), after.id()) <= 0) {
                continue;
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
}
