package org.iqracity.console.platform.store.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.platform.store.LearnerListQuery;
import org.iqracity.console.platform.store.ListOrder;
import org.junit.jupiter.api.Test;

class PrefixMatchesTest {
    private static final ListOrder USERNAME = new ListOrder(LearnerSort.USERNAME, false);
    private static final ListOrder USERNAME_DESC = new ListOrder(LearnerSort.USERNAME, true);

    @Test
    void anEnrollmentMatchedByAllThreeRangesCountsAndListsOnce() {
        PrefixMatches m = new PrefixMatches(3);
        for (int range = 0; range < 3; range++) {
            m.add(7, "ana");
            m.add(3, "bea");
        }
        m.add(5, "ana");
        assertThat(m.total()).isEqualTo(3);
        assertThat(m.page(null, USERNAME, 2)).containsExactly(5L, 7L);
        assertThat(m.page(null, USERNAME, 10)).containsExactly(5L, 7L, 3L);
        assertThat(m.page(null, USERNAME_DESC, 10)).containsExactly(3L, 7L, 5L);
        assertThat(m.page(new LearnerListQuery.Keyset("ana", 7), USERNAME, 10)).containsExactly(3L);
        assertThat(m.page(new LearnerListQuery.Keyset("ana", 7), USERNAME_DESC, 10)).containsExactly(5L);
    }

    @Test
    void pagesFollowingEachOtherGiveTheSortedDistinctMatches() {
        Random random = new Random(11);
        PrefixMatches m = new PrefixMatches();
        List<long[]> distinct = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            long grade = random.nextInt(50);
            distinct.add(new long[] {grade, id});
            for (int copies = 1 + random.nextInt(3); copies > 0; copies--) {
                m.add(id, (double) grade);
            }
        }
        for (boolean descending : new boolean[] {false, true}) {
            Comparator<long[]> order = Comparator.<long[]>comparingLong(r -> r[0]).thenComparingLong(r -> r[1]);
            List<Long> expected = distinct.stream().sorted(descending ? order.reversed() : order).map(r -> r[1])
                    .toList();
            List<Long> walked = new ArrayList<>();
            LearnerListQuery.Keyset after = null;
            while (true) {
                List<Long> page = m.page(after, new ListOrder(LearnerSort.GRADE, descending), 37);
                if (page.isEmpty()) {
                    break;
                }
                walked.addAll(page);
                long last = page.getLast();
                after = new LearnerListQuery.Keyset((double) distinct.get((int) last - 1)[0], last);
            }
            assertThat(walked).isEqualTo(expected);
        }
        assertThat(m.total()).isEqualTo(2_000);
    }
}
