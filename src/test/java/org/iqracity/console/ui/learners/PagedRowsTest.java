package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iqracity.console.ui.learners.RowChanges.page;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.iqracity.console.ui.learners.RowChanges.Seen;
import org.junit.jupiter.api.Test;

/** The list changes the table is told about decide how much work it does; these pin their shape. */
class PagedRowsTest {
    private final PagedRows rows = new PagedRows(400);
    private final List<Seen> seen = RowChanges.recorded(rows);

    @Test
    void theListIsAsLongAsTheTotalFromTheFirstPageWithMarkersForRowsNotFetched() {
        rows.reset(page(0, 100), true, 1_000);

        assertThat(rows).hasSize(1_000);
        assertThat(rows.listed()).isEqualTo(100);
        assertThat(rows.get(99).learner().username()).isEqualTo("user99");
        assertThat(rows.get(100).isMore()).isTrue();
        assertThat(rows.get(999)).isSameAs(rows.get(100));
    }

    @Test
    void startingOverReportsOneChangeWithTheOldRowsRemovedAndTheNewAdded() {
        rows.reset(page(0, 100), true, 500_000);
        seen.clear();
        List<LearnerRow> removed = new ArrayList<>();
        List<LearnerRow> added = new ArrayList<>();
        rows.addListener((ListChangeListener<LearnerRow>) c -> {
            while (c.next()) {
                removed.addAll(c.getRemoved().subList(0, 101));
                added.addAll(c.getAddedSubList());
            }
        });

        rows.reset(page(7, 3), false, 3);

        assertThat(seen).containsExactly(new Seen("replaced", 0, 3, 500_000));
        assertThat(removed.get(0).learner().username()).isEqualTo("user0");
        assertThat(removed.get(100).isMore()).isTrue();
        assertThat(added).extracting(r -> r.learner().username()).containsExactly("user7", "user8", "user9");
        assertThat(rows).hasSize(3);
    }

    @Test
    void aPageTakesThePlaceOfItsMarkersWithoutChangingTheLength() {
        rows.reset(page(0, 100), true, 1_000);
        seen.clear();

        rows.append(page(100, 100), "c1", true);

        // JavaFX's table walks every row it lists when their number changes; here the number stays put. Updated, not
        // replaced: a replacement makes the table take every cell off its row and put it back.
        assertThat(seen).containsExactly(new Seen("updated", 100, 200, 0));
        assertThat(rows).hasSize(1_000);
        assertThat(rows.get(150).learner().username()).isEqualTo("user150");
        assertThat(rows.get(200).isMore()).isTrue();
    }

    @Test
    void theLastPageTakesTheMarkersAwayWhenTheCourseShrankMeanwhile() {
        rows.reset(page(0, 100), true, 250);

        rows.append(page(100, 100), "c1", true);
        seen.clear();
        rows.append(page(200, 30), "c2", false);

        assertThat(rows).hasSize(230);
        assertThat(rows.hasMarker()).isFalse();
        assertThat(rows.get(229).learner().username()).isEqualTo("user229");
        // 30 markers became rows, the other 20 went.
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 200, 230, 0), new Seen("removed", 230, 230, 20));
    }

    @Test
    void pagesBeyondTheTotalStillFitWhenTheCourseGrewMeanwhile() {
        rows.reset(page(0, 100), true, 150);
        seen.clear();

        rows.append(page(100, 100), "c1", true);

        assertThat(rows).hasSize(201);
        assertThat(rows.get(199).learner().username()).isEqualTo("user199");
        assertThat(rows.get(200).isMore()).isTrue();
        // 50 markers became rows, 50 rows and a marker came after them.
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 100, 150, 0), new Seen("added", 150, 201, 0));
    }

    @Test
    void pagesGivenUpAreReportedAsUpdatedAndComeBackAsPlaceholders() {
        rows.reset(page(0, 100), true, 10_000);
        for (int p = 1; p <= 4; p++) {
            rows.append(page(p * 100, 100), "c" + p, true);
        }
        seen.clear();

        rows.append(page(500, 100), "c5", true);

        // 600 fetched, 400 held: the first page went when the fifth came, the second goes now, neither replaced.
        assertThat(rows.residentRows()).isEqualTo(400);
        assertThat(seen).extracting(Seen::kind).containsOnly("updated");
        assertThat(seen).extracting(Seen::from).containsExactly(100, 500);
        assertThat(seen.stream().mapToInt(s -> s.to() - s.from()).sum()).isEqualTo(200);
        assertThat(rows.get(0).isMore()).isTrue();
        assertThat(rows.get(199).isMore()).isTrue();
        assertThat(rows.get(200).learner().username()).isEqualTo("user200");
    }

    @Test
    void aPageFetchedAgainReplacesItsPlaceholdersInPlace() {
        rows.reset(page(0, 100), true, 10_000);
        for (int p = 1; p <= 5; p++) {
            rows.append(page(p * 100, 100), "c" + p, true);
        }
        PagedRows.Slot first = rows.touch(0);
        assertThat(first.resident()).isFalse();
        seen.clear();

        rows.restore(first, page(0, 100));

        assertThat(seen.getFirst()).isEqualTo(new Seen("updated", 0, 100, 0));
        assertThat(rows.get(42).learner().username()).isEqualTo("user42");
        assertThat(rows.residentRows()).isLessThanOrEqualTo(400);
        assertThat(rows).hasSize(10_000);
    }
}
