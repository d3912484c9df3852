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
        rows.reset(page(0, 100), "c1", 1_000);

        assertThat(rows).hasSize(1_000);
        assertThat(rows.listed()).isEqualTo(100);
        assertThat(rows.get(99).learner().username()).isEqualTo("user99");
        assertThat(rows.get(100).isMore()).isTrue();
        assertThat(rows.get(999)).isSameAs(rows.get(100));
    }

    @Test
    void startingOverReportsOneChangeWithTheOldRowsRemovedAndTheNewAdded() {
        rows.reset(page(0, 100), "c1", 500_000);
        seen.clear();
        List<LearnerRow> removed = new ArrayList<>();
        List<LearnerRow> added = new ArrayList<>();
        rows.addListener((ListChangeListener<LearnerRow>) c -> {
            while (c.next()) {
                removed.addAll(c.getRemoved().subList(0, 101));
                added.addAll(c.getAddedSubList());
            }
        });

        rows.reset(page(7, 3), null, 3);

        assertThat(seen).containsExactly(new Seen("replaced", 0, 3, 500_000));
        assertThat(removed.get(0).learner().username()).isEqualTo("user0");
        assertThat(removed.get(100).isMore()).isTrue();
        assertThat(added).extracting(r -> r.learner().username()).containsExactly("user7", "user8", "user9");
        assertThat(rows).hasSize(3);
    }

    @Test
    void aPageTakesThePlaceOfItsMarkersWithoutChangingTheLength() {
        rows.reset(page(0, 100), "c1", 1_000);
        seen.clear();

        rows.place(100, page(100, 100), "c1", "c2");

        // JavaFX's table walks every row it lists when their number changes; here the number stays put. Updated, not
        // replaced: a replacement makes the table take every cell off its row and put it back.
        assertThat(seen).containsExactly(new Seen("updated", 100, 200, 0));
        assertThat(rows).hasSize(1_000);
        assertThat(rows.get(150).learner().username()).isEqualTo("user150");
        assertThat(rows.get(200).isMore()).isTrue();
    }

    @Test
    void theLastPageTakesTheMarkersAwayWhenTheCourseShrankMeanwhile() {
        rows.reset(page(0, 100), "c1", 250);

        rows.place(100, page(100, 100), "c1", "c2");
        seen.clear();
        rows.place(200, page(200, 30), "c2", null);

        assertThat(rows).hasSize(230);
        assertThat(rows.hasMarker()).isFalse();
        assertThat(rows.get(229).learner().username()).isEqualTo("user229");
        // 30 markers became rows, the other 20 went.
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 200, 230, 0), new Seen("removed", 230, 230, 20));
    }

    @Test
    void pagesBeyondTheTotalStillFitWhenTheCourseGrewMeanwhile() {
        rows.reset(page(0, 100), "c1", 150);
        seen.clear();

        rows.place(100, page(100, 100), "c1", "c2");

        assertThat(rows).hasSize(201);
        assertThat(rows.get(199).learner().username()).isEqualTo("user199");
        assertThat(rows.get(200).isMore()).isTrue();
        // 50 markers became rows, 50 rows and a marker came after them.
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 100, 150, 0), new Seen("added", 150, 201, 0));
    }

    @Test
    void pagesGivenUpAreReportedAsUpdatedAndComeBackAsPlaceholders() {
        rows.reset(page(0, 100), "c1", 10_000);
        for (int p = 1; p <= 4; p++) {
            rows.place(p * 100, page(p * 100, 100), "c" + p, "c" + (p + 1));
        }
        seen.clear();

        rows.place(500, page(500, 100), "c5", "c6");

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
    void aPageFetchedAtAPositionFarAheadFillsOnlyItsRowsAndLeavesTheGapBeforeIt() {
        rows.reset(page(0, 50), "c1", 500_000);
        seen.clear();

        rows.place(250_050, page(250_050, 500), null, "c2");

        assertThat(rows).hasSize(500_000);
        // 550 fetched, 400 held: the first page is given up.
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 250_050, 250_550, 0),
                new Seen("updated", 0, 50, 0));
        assertThat(rows.get(250_050).learner().username()).isEqualTo("user250050");
        assertThat(rows.get(250_549).learner().username()).isEqualTo("user250549");
        assertThat(rows.get(250_049).isMore()).isTrue();
        assertThat(rows.get(250_550).isMore()).isTrue();
        assertThat(rows.listed()).isEqualTo(550);
        assertThat(rows.gapAround(100_000)).isEqualTo(new PagedRows.Gap(50, 250_050));
        assertThat(rows.gapAround(300_000)).isEqualTo(new PagedRows.Gap(250_550, 500_000));
        assertThat(rows.endingAt(250_550).next).isEqualTo("c2");
        assertThat(rows.endingAt(250_551)).isNull();
    }

    @Test
    void aPageNeverCoversRowsAnotherPageHolds() {
        PagedRows rows = new PagedRows(10_000);
        rows.reset(page(0, 50), "c1", 10_000);
        rows.place(600, page(600, 500), null, "c2");

        rows.place(550, page(550, 500), "c1", "c3");

        assertThat(rows.get(599).learner().username()).isEqualTo("user599");
        assertThat(rows.get(600).learner().username()).isEqualTo("user600");
        assertThat(rows.touch(550).size).isEqualTo(50);
        assertThat(rows.listed()).isEqualTo(600);
    }

    @Test
    void aPageAtAPositionThatEndsTheListTakesTheRowsAfterItAway() {
        rows.reset(page(0, 50), "c1", 10_000);
        seen.clear();

        rows.place(9_550, page(9_550, 200), null, null);

        assertThat(rows).hasSize(9_750);
        assertThat(rows.hasMarker()).isTrue();
        assertThat(seen).containsExactlyInAnyOrder(new Seen("updated", 9_550, 9_750, 0),
                new Seen("removed", 9_750, 9_750, 250));
    }

    @Test
    void aPageFetchedAgainReplacesItsPlaceholdersInPlace() {
        rows.reset(page(0, 100), "c1", 10_000);
        for (int p = 1; p <= 5; p++) {
            rows.place(p * 100, page(p * 100, 100), "c" + p, "c" + (p + 1));
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
