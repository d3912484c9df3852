package org.iqracity.console.ui.exports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.roster.query.RosterQuery;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * The search, filters and sort of an open roster, and the rows they leave: each change runs the query in the
 * background ({@link RosterQuery}), cancelling the one before, whose rows are then never shown; between queries the
 * columns are ordered ahead ({@link IdleOrdering}). Called on the FX thread.
 */
final class OfflineSearch {
    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<String> course = new SimpleObjectProperty<>();
    final ObjectProperty<String> passed = new SimpleObjectProperty<>();
    final BooleanProperty hideRetired = new SimpleBooleanProperty();
    final ReadOnlyBooleanWrapper querying = new ReadOnlyBooleanWrapper();
    final IndexList rows = new IndexList();

    private final TaskRunner tasks;
    private final IdleOrdering ordering;
    private OfflineRoster roster;
    private int sortColumn = -1;
    private boolean descending;
    private BackgroundTask<int[]> query;

    OfflineSearch(TaskRunner tasks) {
        this.tasks = tasks;
        this.ordering = new IdleOrdering(tasks);
        for (Observable o : List.of(search, course, passed, hideRetired)) {
            o.addListener(x -> requery());
        }
    }

    /** A roster just opened: in the file's order, everything it holds shown. */
    void roster(OfflineRoster opened) {
        roster = opened;
        ordering.roster(opened);
        sortColumn = -1;
        descending = false;
        requery();
    }

    /** Client-side sort over the indexes; -1 restores the file's order. */
    void sortBy(int column, boolean desc) {
        sortColumn = column;
        descending = desc;
        requery();
    }

    RosterQuery current() {
        Map<Integer, String> equals = new HashMap<>();
        if (roster != null) {
            filter(equals, roster.columnOf("course_id"), course.get());
            filter(equals, roster.columnOf("passed"), passed.get());
            if (hideRetired.get()) {
                filter(equals, roster.columnOf("retired"), "false");
            }
        }
        return new RosterQuery(search.get(), equals, sortColumn, descending);
    }

    private static void filter(Map<Integer, String> equals, int column, String value) {
        if (column >= 0 && value != null) {
            equals.put(column, value);
        }
    }

    /** Forgets the roster and its rows, and stops what still runs. */
    void close() {
        cancelQuery();
        ordering.stop();
        roster = null;
        rows.replace(new int[0]);
    }

    private void cancelQuery() {
        if (query != null) {
            query.cancel();
        }
    }

    /** Runs the current search in the background; whatever ran before is cancelled and never shown. */
    private void requery() {
        OfflineRoster r = roster;
        cancelQuery();
        if (r == null) {
            return;
        }
        RosterQuery q = current();
        AtomicBoolean superseded = new AtomicBoolean();
        querying.set(true);
        ordering.busy();
        BackgroundTask<int[]> task = tasks.run(() -> q.run(r, () -> superseded.get()
                || Thread.currentThread().isInterrupted()));
        query = task;
        task.onSuccess(indexes -> {
            rows.replace(indexes);
            querying.set(false);
        }).onFailure(e -> querying.set(false)).onDone(() -> {
            if (task.isCancelled()) {
                superseded.set(true);
            }
            if (query == task) {
                query = null;
                if (!task.isCancelled()) {
                    ordering.idle();
                }
            }
        });
    }
}
