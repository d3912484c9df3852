package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * R11 on random counts, checked from the side of someone who sees only what is shown: the shown cells and the
 * total. They learn what the hidden cells add up to (total minus the shown ones), and may read every hidden cell as
 * "fewer than 5". Neither reading may pin down a hidden cell, and no shown figure, nor any difference between shown
 * figures, may be a count from 1 to 4.
 */
class SmallCellsProperties {

    /** Mostly small counts, so that suppression has work to do; zeros and large counts too. */
    @Provide
    Arbitrary<long[]> counts() {
        Arbitrary<Long> cell = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(5, Arbitraries.longs().between(1, 4)),
                Tuple.of(4, Arbitraries.longs().between(5, 12)),
                Tuple.of(2, Arbitraries.longs().between(13, 500)));
        return cell.list().ofMinSize(1).ofMaxSize(12).map(l -> l.stream().mapToLong(Long::longValue).toArray());
    }

    @Property(tries = 3000)
    void noHiddenCellOfABreakdownCanBeDerivedFromTheShownOnes(@ForAll("counts") long[] cells) {
        SmallCells.Decision d = SmallCells.breakdown(cells);
        if (d.exposed()) {
            assertThat(cannotBeProtected(cells)).as("withheld only when nothing could protect it").isTrue();
            return;
        }
        assertAttackerLearnsNoSmallCell(cells, 0, cells.length, d.suppressed());
    }

    @Property(tries = 3000)
    void noFunnelStageGivesASmallGroupAway(@ForAll("funnelParts") long[] parts) {
        SmallCells.Decision d = SmallCells.funnel(parts);
        if (d.exposed()) {
            return;
        }
        long[] stages = stages(parts);
        BitSet hidden = d.suppressed();
        assertThat(hidden.get(0)).as("the total is shown").isFalse();
        List<Integer> shown = new ArrayList<>();
        for (int k = 0; k < stages.length; k++) {
            if (!hidden.get(k)) {
                shown.add(k);
            }
        }
        // each shown stage, and the step between any two shown stages, is 0 or at least 5
        for (int i = 0; i < shown.size(); i++) {
            assertNotSmall(stages[shown.get(i)]);
            for (int j = i + 1; j < shown.size(); j++) {
                assertNotSmall(stages[shown.get(i)] - stages[shown.get(j)]);
            }
        }
        // a hidden stage lies between the shown stages around it (or 0): it is pinned only if they are equal
        for (int k = hidden.nextSetBit(0); k >= 0; k = hidden.nextSetBit(k + 1)) {
            long above = stages[hidden.previousClearBit(k)];
            int nextShown = hidden.nextClearBit(k);
            long below = nextShown < stages.length ? stages[nextShown] : 0;
            assertThat(above).as("stage %d between %d and %d", k, above, below).isGreaterThan(below);
        }
    }

    @Property(tries = 3000)
    void aDistributionNeverGivesAwayAFunnelStageOrASmallCell(@ForAll("linkedCase") long[][] input) {
        long[] buckets = input[0];
        long[] parts = input[1];
        SmallCells.Decision funnel = SmallCells.funnel(parts);
        if (funnel.exposed()) {
            return;
        }
        long[] stages = stages(parts);
        BitSet stageHidden = funnel.suppressed();
        SmallCells.Decision d = SmallCells.linked(buckets, stages, stageHidden);
        if (d.exposed()) {
            return;
        }
        BitSet hidden = d.suppressed();
        int m = buckets.length;
        long[] upward = new long[m + 1];
        for (int b = m - 1; b >= 0; b--) {
            upward[b] = upward[b + 1] + buckets[b];
        }
        // points whose upward sum the attacker knows: the ends, and wherever it equals a shown stage
        List<Integer> known = new ArrayList<>(List.of(0, m));
        List<Integer> secret = new ArrayList<>();
        for (int b = 1; b < m; b++) {
            for (int k = 0; k < stages.length; k++) {
                if (stages[k] == upward[b]) {
                    (stageHidden.get(k) ? secret : known).add(b);
                }
            }
        }
        known = known.stream().distinct().sorted().toList();
        for (int s : secret) {
            for (int p : known) {
                int from = Math.min(p, s);
                int to = Math.max(p, s);
                assertThat(hidden.get(from, to).isEmpty())
                        .as("the suppressed stage at bucket %d follows from the known sum at %d", s, p).isFalse();
            }
        }
        for (int i = 0; i + 1 < known.size(); i++) {
            assertAttackerLearnsNoSmallCell(buckets, known.get(i), known.get(i + 1), hidden);
        }
    }

    @Provide
    Arbitrary<long[]> funnelParts() {
        return counts().filter(c -> c.length >= 2).map(c -> c.length > 5 ? Arrays.copyOf(c, 5) : c);
    }

    /** Ten buckets, and a funnel whose third stage is exactly the upper five buckets, as progress and half way are. */
    @Provide
    Arbitrary<long[][]> linkedCase() {
        Arbitrary<long[]> buckets = counts().filter(c -> c.length >= 10).map(c -> Arrays.copyOf(c, 10));
        Arbitrary<Double> share = Arbitraries.doubles().between(0, 1);
        return Combinators.combine(buckets, share, share, share).as((b, s1, s2, s3) -> {
            long upper = LongStream.of(b).skip(5).sum();
            long lower = LongStream.of(b).limit(5).sum();
            long neverActive = Math.round(lower * s1);
            long passed = Math.round(upper * s2);
            long certificate = Math.round(passed * s3);
            return new long[][] {b, {neverActive, lower - neverActive, upper - passed, passed - certificate,
                certificate}};
        });
    }

    private static long[] stages(long[] parts) {
        long[] stages = new long[parts.length];
        long sum = 0;
        for (int k = parts.length - 1; k >= 0; k--) {
            sum += parts[k];
            stages[k] = sum;
        }
        return stages;
    }

    /**
     * Within {@code [from, to)}, whose total is known: no shown cell is small; the hidden cells add up to 0 or at
     * least 5; and no hidden cell is pinned, whether read as any count or as "fewer than 5".
     */
    private static void assertAttackerLearnsNoSmallCell(long[] cells, int from, int to, BitSet hidden) {
        long total = 0;
        long shownSum = 0;
        int k = 0;
        boolean zeroHidden = false;
        for (int i = from; i < to; i++) {
            total += cells[i];
            if (hidden.get(i)) {
                k++;
                zeroHidden |= cells[i] == 0;
            } else {
                assertNotSmall(cells[i]);
                shownSum += cells[i];
            }
        }
        if (k == 0) {
            return;
        }
        long rest = total - shownSum;
        assertNotSmall(rest);
        long least = zeroHidden ? 0 : 1;
        assertThat(possibleValues(rest, k, least, rest)).as("hidden cells, any count").isGreaterThan(1);
        long[] range = range(rest, k, least, 4);
        if (range[0] <= range[1]) {
            assertThat(range[1] - range[0] + 1).as("hidden cells read as fewer than 5").isGreaterThan(1);
        }
    }

    /** How many values one of {@code k} cells, each in {@code [low, high]}, can take when they add up to sum. */
    private static long possibleValues(long sum, int k, long low, long high) {
        long[] r = range(sum, k, low, high);
        return Math.max(0, r[1] - r[0] + 1);
    }

    private static long[] range(long sum, int k, long low, long high) {
        return new long[] {Math.max(low, sum - high * (k - 1)), Math.min(high, sum - low * (k - 1))};
    }

    private static void assertNotSmall(long value) {
        assertThat(value == 0 || value >= SmallCells.THRESHOLD).as("%d is a small cell", value).isTrue();
    }

    /** Every cell hidden, zeros too, and the total still pins them: the only case where nothing can help. */
    private static boolean cannotBeProtected(long[] cells) {
        long total = LongStream.of(cells).sum();
        int k = cells.length;
        boolean zero = LongStream.of(cells).anyMatch(c -> c == 0);
        return k == 1 || total < SmallCells.THRESHOLD || total == 4L * k || (!zero && total == k);
    }
}
