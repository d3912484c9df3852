package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

/** R11 small-cell suppression, case by case; {@link SmallCellsProperties} checks the same rules on random counts. */
class SmallCellsTest {

    private static BitSet bits(int... indexes) {
        BitSet b = new BitSet();
        for (int i : indexes) {
            b.set(i);
        }
        return b;
    }

    @Test
    void countsOfFiveAndMoreAndZerosAreShown() {
        SmallCells.Decision d = SmallCells.breakdown(0, 5, 17, 0, 240);
        assertThat(d.exposed()).isFalse();
        assertThat(d.suppressed()).isEqualTo(new BitSet());
    }

    @Test
    void aLoneSmallCellTakesTheNextSmallestWithIt() {
        SmallCells.Decision d = SmallCells.breakdown(120, 3, 40, 12, 0);
        assertThat(d.suppressed()).isEqualTo(bits(1, 3));
    }

    @Test
    void twoSmallCellsAddingUpToUnderFiveTakeAThird() {
        // 2 + 2 = 4 would be a small group of its own: total minus the shown cells
        SmallCells.Decision d = SmallCells.breakdown(100, 2, 2, 60);
        assertThat(d.suppressed()).isEqualTo(bits(1, 2, 3));
    }

    @Test
    void twoFoursAreNotLeftAlone() {
        // "fewer than 5" twice with a difference of 8 to the total: both would have to be 4
        SmallCells.Decision d = SmallCells.breakdown(4, 4, 100, 9);
        assertThat(d.suppressed()).isEqualTo(bits(0, 1, 3));
    }

    @Test
    void fiveOnesAreNotLeftAlone() {
        // five hidden cells holding 5 learners, none of them empty: each would be 1
        SmallCells.Decision d = SmallCells.breakdown(1, 1, 1, 1, 1, 30, 8);
        assertThat(d.suppressed()).isEqualTo(bits(0, 1, 2, 3, 4, 6));
    }

    @Test
    void twoSmallCellsWithAnUnpinnedSumNeedNoMore() {
        SmallCells.Decision d = SmallCells.breakdown(3, 50, 4, 70);
        assertThat(d.suppressed()).isEqualTo(bits(0, 2));
    }

    @Test
    void zerosAreHiddenOnlyWhenNothingElseIsLeft() {
        SmallCells.Decision d = SmallCells.breakdown(4, 4, 0);
        assertThat(d.exposed()).isFalse();
        assertThat(d.suppressed()).isEqualTo(bits(0, 1, 2));
    }

    @Test
    void aBreakdownThatCannotBeProtectedSaysSo() {
        SmallCells.Decision d = SmallCells.breakdown(4, 4);
        assertThat(d.exposed()).isTrue();
        assertThat(d.isSuppressed(0)).isTrue();
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> SmallCells.breakdown(3, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void funnelHidesAStageWhoseStepFromTheOneBeforeIsSmall() {
        // parts: never active 800, active 100, half way 50, passed without certificate 3, certificate 47
        SmallCells.Decision d = SmallCells.funnel(800, 100, 50, 3, 47);
        // stages 1000, 200, 100, 50, 47: 50 - 47 = 3 would give the small part away, so the certificate stage goes
        assertThat(d.suppressed()).isEqualTo(bits(4));
    }

    @Test
    void funnelHidesASmallLastStage() {
        SmallCells.Decision d = SmallCells.funnel(800, 100, 50, 20, 2);
        // the small part 2 hides with the next smallest (20); "passed" (22) still follows from the parts above it
        assertThat(d.suppressed()).isEqualTo(bits(4));
    }

    @Test
    void funnelWithoutSmallPartsShowsEveryStage() {
        assertThat(SmallCells.funnel(800, 100, 50, 0, 47).suppressed()).isEqualTo(new BitSet());
    }

    @Test
    void distributionSplitAtAShownStageIsProtectedOnEachSide() {
        // progress buckets; the upper five (from 50 %) add up to the shown half-way stage, 60
        long[] buckets = {100, 30, 20, 25, 25, 3, 17, 10, 20, 10};
        long[] stages = {260, 200, 60, 33, 12};
        SmallCells.Decision d = SmallCells.linked(buckets, stages, new BitSet());
        // 3 hides with the smallest of its own side (10 at index 7), not with one below 50 %
        assertThat(d.suppressed()).isEqualTo(bits(5, 7));
    }

    @Test
    void distributionKeepsAHiddenCellOnEachSideOfASuppressedStage() {
        long[] buckets = {100, 30, 20, 25, 25, 3, 17, 10, 20, 10};
        long[] stages = {260, 200, 60, 33, 12};
        SmallCells.Decision d = SmallCells.linked(buckets, stages, bits(2));
        // 3 and 10 hide above 50 %; below it the smallest (20) hides too, so "half way" cannot be summed up
        assertThat(d.suppressed()).isEqualTo(bits(2, 5, 7));
    }
}
