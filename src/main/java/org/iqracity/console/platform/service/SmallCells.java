package org.iqracity.console.platform.service;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * Small-cell suppression for aggregates (R11), as pure functions over counts. A count from 1 to 4 is never shown
 * (primary suppression). Because the total of a breakdown is shown, more cells are hidden until nothing hidden can
 * be worked out by subtraction (complementary suppression): within a breakdown either no cell is hidden or
 *
 * <ul>
 *   <li>at least two are, so "total minus the shown cells" is never one cell's count;</li>
 *   <li>what they hide together is at least 5, so it is not itself a small group;</li>
 *   <li>that sum does not pin every hidden cell either when each is read as "fewer than 5": it is not 4 per hidden
 *       cell (all would be 4), nor 1 per hidden cell (all would be 1) while zeros are shown.</li>
 * </ul>
 * The next cell hidden is always the smallest non-zero one still shown. Zero is shown as 0: it describes nobody, and
 * hiding it would also hide that a category is empty. Only when nothing else is left are zeros hidden too; when even
 * that cannot protect a breakdown (say two cells of 4 and the total 8), the result says so and the caller withholds
 * the whole insight.
 *
 * <p>The completion funnel ({@link #funnel}) and the distributions that share a total with one of its stages
 * ({@link #linked}) are protected together, since the funnel's stages are totals of parts of those distributions.
 */
public final class SmallCells {
    /** Counts under this are suppressed. */
    public static final int THRESHOLD = 5;

    private SmallCells() {
    }

    /**
     * What protection decided.
     *
     * @param suppressed the indexes of the cells (or stages) not to show
     * @param exposed    true when no suppression protects the counts: show none of them
     */
    public record Decision(BitSet suppressed, boolean exposed) {
        public Decision {
            suppressed = (BitSet) suppressed.clone();
        }

        @Override
        public BitSet suppressed() {
            return (BitSet) suppressed.clone();
        }

        public boolean isSuppressed(int index) {
            return exposed || suppressed.get(index);
        }
    }

    /** One breakdown whose cells add up to a total that is shown. */
    public static Decision breakdown(long... cells) {
        checkCounts(cells);
        BitSet hidden = new BitSet();
        boolean exposed = !complete(cells, 0, cells.length, hidden);
        return new Decision(hidden, exposed);
    }

    /**
     * A funnel given as its parts: {@code parts[j]} counts the learners whose furthest stage is {@code j}. Stage
     * {@code k} counts the parts from {@code k} on; stage 0 is the total and always shown. The parts are protected
     * as a breakdown, and a stage is shown only when it follows from parts that are shown, so the stages tell no
     * more than the protected parts would.
     *
     * @return which stages to suppress (index 0 to {@code parts.length - 1})
     */
    public static Decision funnel(long... parts) {
        checkCounts(parts);
        Decision split = breakdown(parts);
        BitSet stages = new BitSet();
        for (int k = 1; k < parts.length; k++) {
            boolean fromBelow = split.suppressed.get(k, parts.length).isEmpty();
            boolean fromAbove = split.suppressed.get(0, k).isEmpty();
            if (!fromBelow && !fromAbove) {
                stages.set(k);
            }
        }
        return new Decision(stages, split.exposed());
    }

    /**
     * An ordered distribution (progress or grade buckets, lowest first) whose cells add up to the shown total and
     * whose upper parts may equal funnel stages: learners with progress of 50 % or more are exactly the half-way
     * stage. Wherever the cells from bucket {@code b} upwards add up to a stage's value, that boundary is treated as
     * a link: to a shown stage it splits the buckets into parts with known totals, each protected as a breakdown; to
     * a suppressed stage, each side of the boundary keeps a hidden cell, so the buckets cannot give the stage away.
     * Links are found by value, so a mere coincidence is protected as well.
     *
     * @param stages          the funnel's stage values, the total first
     * @param stageSuppressed what {@link #funnel} decided for them
     */
    public static Decision linked(long[] cells, long[] stages, BitSet stageSuppressed) {
        checkCounts(cells);
        int m = cells.length;
        long[] upward = new long[m + 1];
        for (int b = m - 1; b >= 0; b--) {
            upward[b] = upward[b + 1] + cells[b];
        }
        // boundary -> true when it is linked to a suppressed stage; the ends are known (the total and 0)
        TreeMap<Integer, Boolean> links = new TreeMap<>();
        links.put(0, false);
        links.put(m, false);
        List<Integer> known = new ArrayList<>(List.of(0, m));
        for (int b = 1; b < m; b++) {
            for (int k = 0; k < stages.length; k++) {
                if (stages[k] != upward[b]) {
                    continue;
                }
                if (stageSuppressed.get(k)) {
                    links.put(b, true);
                } else {
                    links.putIfAbsent(b, false);
                    known.add(b);
                }
            }
        }
        known = known.stream().distinct().sorted().toList();
        BitSet hidden = new BitSet();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i + 1 < known.size(); i++) {
                int before = hidden.cardinality();
                if (!complete(cells, known.get(i), known.get(i + 1), hidden)) {
                    return new Decision(hidden, true);
                }
                changed |= hidden.cardinality() != before;
            }
            Integer from = null;
            for (var link : links.entrySet()) {
                int to = link.getKey();
                if (from != null && (links.get(from) || link.getValue())
                        && hidden.get(from, to).isEmpty()) {
                    if (!hideOne(cells, from, to, hidden)) {
                        return new Decision(hidden, true);
                    }
                    changed = true;
                }
                from = to;
            }
        }
        return new Decision(hidden, false);
    }

    /**
     * Adds to {@code hidden} the cells of {@code [from, to)} that must not be shown, until the range is safe.
     *
     * @return false when the range cannot be made safe
     */
    private static boolean complete(long[] cells, int from, int to, BitSet hidden) {
        for (int i = from; i < to; i++) {
            if (cells[i] > 0 && cells[i] < THRESHOLD) {
                hidden.set(i);
            }
        }
        while (!safe(cells, from, to, hidden)) {
            if (!hideOne(cells, from, to, hidden)) {
                return false;
            }
        }
        return true;
    }

    /** Hides the smallest non-zero cell still shown in the range, or else every zero still shown. */
    private static boolean hideOne(long[] cells, int from, int to, BitSet hidden) {
        int pick = -1;
        for (int i = from; i < to; i++) {
            if (!hidden.get(i) && cells[i] > 0 && (pick < 0 || cells[i] < cells[pick])) {
                pick = i;
            }
        }
        if (pick >= 0) {
            hidden.set(pick);
            return true;
        }
        boolean any = false;
        for (int i = from; i < to; i++) {
            if (!hidden.get(i)) {
                hidden.set(i);
                any = true;
            }
        }
        return any;
    }

    /** The rules of the class comment, for the hidden cells of one range whose total is known. */
    static boolean safe(long[] cells, int from, int to, BitSet hidden) {
        int k = 0;
        long sum = 0;
        boolean zeroHidden = false;
        for (int i = hidden.nextSetBit(from); i >= 0 && i < to; i = hidden.nextSetBit(i + 1)) {
            k++;
            sum += cells[i];
            zeroHidden |= cells[i] == 0;
        }
        if (k == 0) {
            return true;
        }
        long least = zeroHidden ? 0 : 1;
        return k >= 2 && sum >= THRESHOLD && sum != least * k && sum != (long) (THRESHOLD - 1) * k;
    }

    private static void checkCounts(long[] cells) {
        for (long c : cells) {
            if (c < 0) {
                throw new IllegalArgumentException("a count cannot be negative");
            }
        }
    }
}
