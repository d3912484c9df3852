package org.iqracity.console.ui.learners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.ui.learners.RowChanges.page;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.iqracity.console.ui.learners.RowChanges.Seen;
import org.junit.jupiter.api.Test;

/** The slice the learners table lists: where its rows come from and which changes the table hears of. */
class RowWindowTest {
    private final PagedRows rows = new PagedRows(100_000);
    private final RowWindow window = new RowWindow(rows, 1_000);
    private final List<Seen> seen = RowChanges.recorded(window);

    /** A course of {@code total} learners, every page of 500 fetched. */
    private void fetchedCourse(int total) {
        rows.reset(page(0, 500), total > 500 ? "c500" : null, total);
        for (int from = 500; from < total; from += 500) {
            rows.place(from, page(from, Math.min(500, total - from)), "c" + from,
                    from + 500 < total ? "c" + (from + 500) : null);
        }
        seen.clear();
    }

    @Test
    void aLargeCourseIsListedASliceAtATimeWithEachRowInItsPlace() {
        fetchedCourse(5_000);

        assertThat(window).hasSize(1_000);
        assertThat(window.total()).isEqualTo(5_000);
        assertThat(window.get(999).learner().username()).isEqualTo("user999");

        assertThat(window.moveTo(2_400)).isEqualTo(2_400);

        assertThat(window).hasSize(1_000);
        assertThat(window.get(0).learner().username()).isEqualTo("user2400");
        assertThat(window.get(999).learner().username()).isEqualTo("user3399");
        // Reported as an update of every row: the table then keeps its cells (a replacement rebuilds them all).
        assertThat(seen).containsExactly(new Seen("updated", 0, 1_000, 0));
        assertThatThrownBy(() -> window.get(1_000)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theSliceStaysInsideTheCourseAndReachesItsLastRow() {
        fetchedCourse(5_001);

        assertThat(window.moveTo(-50)).isZero();
        assertThat(window.moveTo(9_999)).isEqualTo(4_001);
        assertThat(window.get(999).learner().username()).isEqualTo("user5000");
        assertThat(window.moveTo(1_233)).isEqualTo(1_233);
        assertThat(window.baseCentring(3_000)).isEqualTo(2_500);
        assertThat(window.baseCentring(10)).isZero();
        assertThat(window.baseCentring(5_000)).isEqualTo(4_001);
    }

    @Test
    void aMoveIsFlaggedWhileTheTableHearsOfItAndAnnouncedAfter() {
        fetchedCourse(5_000);
        List<Boolean> movingWhileHeard = new ArrayList<>();
        window.addListener((ListChangeListener<LearnerRow>) c -> movingWhileHeard.add(window.moving()));
        List<Integer> basesAfter = new ArrayList<>();
        window.onMoved(() -> basesAfter.add(window.base()));

        window.moveTo(1_000);
        window.moveTo(1_000);

        assertThat(movingWhileHeard).containsExactly(true);
        assertThat(basesAfter).containsExactly(1_000);
        assertThat(window.moving()).isFalse();
    }

    @Test
    void aPageArrivingOrGivenUpIsAnUpdateOfTheRowsItTouchesInsideTheSliceOnly() {
        rows.reset(page(0, 500), "c500", 5_000);
        window.moveTo(400);
        seen.clear();

        rows.place(500, page(500, 500), "c500", "c1000");

        assertThat(seen).containsExactly(new Seen("updated", 100, 600, 0));
        assertThat(window.get(100).learner().username()).isEqualTo("user500");
        assertThat(window.get(600).isMore()).isTrue();
    }

    @Test
    void aNewQueryStartsTheSliceAtTheTopAsANewList() {
        fetchedCourse(5_000);
        window.moveTo(3_000);
        seen.clear();

        rows.reset(page(0, 40), null, 40);

        assertThat(window.base()).isZero();
        assertThat(window).hasSize(40);
        assertThat(window.get(39).learner().username()).isEqualTo("user39");
        assertThat(seen).containsExactly(new Seen("replaced", 0, 40, 1_000));
        assertThat(window.moving()).isFalse();
    }

    @Test
    void aCourseThatShrankUnderTheScrollPullsTheSliceBackInside() {
        rows.reset(page(0, 500), "c500", 3_000);
        rows.place(500, page(500, 500), "c500", "c1000");
        window.moveTo(2_000);
        seen.clear();

        // The course lost learners while someone scrolled: the page after row 1,000 is its last.
        rows.place(1_000, page(1_000, 100), "c1000", null);

        assertThat(rows).hasSize(1_100);
        assertThat(window.base()).isEqualTo(100);
        assertThat(window).hasSize(1_000);
        assertThat(window.get(999).learner().username()).isEqualTo("user1099");
        assertThat(seen).extracting(Seen::kind).last().isEqualTo("updated");
    }

    @Test
    void aSliceThatGrowsOrShrinksIsReportedAsAReplacement() {
        rows.reset(page(0, 500), "c500", 700);
        seen.clear();

        // More pages than the total said: the source grows past the slice's end, which the slice then reaches.
        rows.place(500, page(500, 500), "c500", "c1000");

        assertThat(rows.size()).isGreaterThan(1_000);
        assertThat(window).hasSize(1_000);
        assertThat(seen).extracting(Seen::kind).contains("replaced");
    }

    @Test
    void aShortCourseIsListedWhole() {
        rows.reset(page(0, 300), null, 300);

        assertThat(window).hasSize(300);
        assertThat(window.moveTo(100)).isZero();
        assertThat(window.baseCentring(250)).isZero();
    }
}
