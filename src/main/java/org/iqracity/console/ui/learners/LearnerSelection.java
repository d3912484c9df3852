package org.iqracity.console.ui.learners;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javafx.beans.InvalidationListener;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * Which row of the list is selected, and when its detail follows. The detail is fetched, and so recorded in the
 * access log as viewed (R12), only once the selection has rested for a moment or on {@link #openSelected()} (a click,
 * Enter): arrowing down past 40 learners is not viewing them.
 */
final class LearnerSelection {
    private final LearnerPages pages;
    private final LearnerDetailViewModel detail;
    private final TaskRunner tasks;
    private final Duration rest;
    private final Supplier<CourseDto> course;
    private final Clock clock;
    private TaskRunner.Cancellable resting;
    /** The row of the list selected in the table, or -1. */
    private int selectedIndex = -1;
    /** True while the selected row is a "loading" row whose detail was asked for. */
    private boolean awaitingRow;

    LearnerSelection(LearnerPages pages, LearnerDetailViewModel detail, TaskRunner tasks, Duration rest,
                     Supplier<CourseDto> course, Clock clock) {
        this.pages = pages;
        this.detail = detail;
        this.tasks = tasks;
        this.rest = rest;
        this.course = course;
        this.clock = clock;
        pages.rows().addListener((InvalidationListener) obs -> rowsChanged());
    }

    /** The table's selection moved to row {@code index} of the list (-1: nothing selected). */
    void select(int index) {
        cancelRest();
        selectedIndex = index;
        awaitingRow = false;
        CourseDto open = course.get();
        LearnerRow row = rowAt(index);
        if (row == null || open == null) {
            detail.clear();
            return;
        }
        if (row.isMore() && pages.moreFailedProperty().get()) {
            pages.retryMore();
        }
        if (!row.isMore() && detail.shows(open.id(), row.learner())) {
            return;
        }
        if (row.isMore()) {
            detail.clear();
        } else {
            detail.waitFor(open.id(), row.learner());
        }
        resting = tasks.schedule(rest, this::openSelected);
    }

    /** The selected row's detail at once; a row still loading opens when it comes. */
    void openSelected() {
        cancelRest();
        LearnerRow row = rowAt(selectedIndex);
        if (row == null) {
            return;
        }
        awaitingRow = row.isMore();
        if (!awaitingRow) {
            open(row);
        }
    }

    void open(LearnerRow row) {
        CourseDto open = course.get();
        if (row == null || row.isMore() || open == null) {
            detail.clear();
            return;
        }
        detail.load(open.id(), row.learner());
    }

    /** A new list or course: nothing is selected in it yet. */
    void reset() {
        cancelRest();
        selectedIndex = -1;
        awaitingRow = false;
    }

    /**
     * After a new list came: the detail on screen stays only while its learner can be in the list. Among the rows
     * fetched the table selects it again (see {@link #indexOfShownLearner()}); otherwise the pane empties when the
     * whole list is in without them, or when their row fails the new filters or search.
     */
    void keepDetailOnlyIfListed(LearnerQuery asked) {
        LearnerRowDto shown = detail.rowProperty().get();
        if (shown == null || indexOfShownLearner() >= 0) {
            return;
        }
        if (pages.complete() || detail.stateProperty().get() == LearnerDetailViewModel.State.WAITING
                || !LearnerMatch.couldMatch(shown, asked, clock.instant())) {
            detail.clear();
        }
    }

    /** Where the learner whose detail is on screen is among the rows fetched of the list, or -1. */
    int indexOfShownLearner() {
        LearnerRowDto shown = detail.rowProperty().get();
        if (shown == null) {
            return -1;
        }
        int fetched = pages.loaded();
        for (int i = 0; i < fetched; i++) {
            LearnerRow row = pages.rows().get(i);
            if (!row.isMore() && row.learner().learnerId().equals(shown.learnerId())) {
                return i;
            }
        }
        return -1;
    }

    /** The selected row was still loading when it was opened: opens it once its page is in. */
    private void rowsChanged() {
        if (awaitingRow) {
            LearnerRow row = rowAt(selectedIndex);
            if (row != null && !row.isMore()) {
                awaitingRow = false;
                open(row);
            }
        }
    }

    private LearnerRow rowAt(int index) {
        return index < 0 || index >= pages.rows().size() ? null : pages.rows().get(index);
    }

    private void cancelRest() {
        if (resting != null) {
            resting.cancel();
            resting = null;
        }
    }
}
