package org.iqracity.console.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sandbox's learners: the same seed gives the same learners, and their ids are written in order. */
class LearnerFactoryTest {

    private static List<LearnerFactory.Learner> learners(long seed, int count) {
        LearnerFactory factory = new LearnerFactory(seed, count);
        List<LearnerFactory.Learner> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(factory.learner(i, new SplittableRandom(seed * 1_000_003L + i)));
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameLearnersAndRowsAndAnotherSeedOtherOnes() {
        List<LearnerFactory.Learner> once = learners(42, 2_000);
        List<LearnerFactory.Learner> again = learners(42, 2_000);
        List<LearnerFactory.Learner> other = learners(43, 2_000);

        assertThat(again).isEqualTo(once);
        LearnerFactory factory = new LearnerFactory(42, 2_000);
        assertThat(factory.learnerRow(again.get(7))).isEqualTo(factory.learnerRow(once.get(7)));
        assertThat(other.stream().map(LearnerFactory.Learner::id).toList())
                .doesNotContainAnyElementsOf(once.stream().map(LearnerFactory.Learner::id).toList());
    }

    @Test
    void idsAreUniqueOpaqueSixteenCharactersThatSortInTheOrderLearnersAreWritten() {
        for (int count : new int[] {20, 33, 1_025, 40_000}) {
            List<String> ids = learners(7, count).stream().map(LearnerFactory.Learner::id).toList();

            assertThat(ids).doesNotHaveDuplicates();
            assertThat(ids).allMatch(id -> id.matches("[a-km-np-z2-9]{16}"), "16 characters of the id alphabet");
            assertThat(ids).as("in the order written, for %d learners", count).isSorted();
        }
    }

    @Test
    void theOrderedPartGrowsWithTheSandboxSoALargeOneKeepsItsOrder() {
        // 32^4 = 1,048,576: a sandbox past it needs a fifth ordered character.
        LearnerFactory large = new LearnerFactory(1, 1_270_000);
        String before = large.learner(1_048_575, new SplittableRandom(1)).id();
        String after = large.learner(1_048_576, new SplittableRandom(2)).id();

        assertThat(before).isLessThan(after);
    }
}
