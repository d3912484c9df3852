package org.iqracity.console.ui.learners;

import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * The learners of one query, fetched a page at a time as the table scrolls towards the end (keyset cursors go
 * forward only). Only rows that were scrolled past are held, so a course of 500,000 costs one page to open.
 */
public final class LearnerPages {

    /** Ask for the next page this many rows before the end shows, so scrolling rarely meets the marker. */
    static final int PREFETCH_ROWS = 25;
    /** The first page stays small so a course opens fast; once someone scrolls, fewer, larger pages serve better. */
    static final int MORE_LIMIT = 200;

    private final TaskRunner tasks;
    private final Consumer<Throwable> onFailure;
    private final ObservableList<LearnerRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper moreFailed = new ReadOnlyBooleanWrapper();
    private PlatformClient client;
    private String courseId;
    private LearnerQuery query;
    private String nextCursor;
    private LearnerRow marker;
    private BackgroundTask<Page<LearnerRowDto>> inFlight;

    public LearnerPages(TaskRunner tasks, Consumer<Throwable> onFailure) {
        this.tasks = tasks;
        this.onFailure = onFailure;
    }

    /** Starts over with a new query; a request still running for the old one is cancelled and ignored. */
    public BackgroundTask<Page<LearnerRowDto>> open(PlatformClient withClient, String course, LearnerQuery first) {
        cancel();
        client = withClient;
        courseId = course;
        query = first;
        nextCursor = null;
        moreFailed.set(false);
        BackgroundTask<Page<LearnerRowDto>> task = tasks.run(() -> withClient.learners(course, first));
        inFlight = task;
        task.onSuccess(page -> {
            inFlight = null;
            total.set(page.total());
            marker = null;
            rows.setAll(page.items().stream().map(LearnerRow::new).toList());
            appendMarker(page.nextCursor());
        }).onFailure(e -> {
            inFlight = null;
            rows.clear();
            total.set(0);
        });
        return task;
    }

    /** The table shows row {@code index}: fetch the next page when the end is near. */
    public void shown(int index) {
        if (nextCursor != null && inFlight == null && !moreFailed.get() && index >= rows.size() - PREFETCH_ROWS) {
            loadMore();
        }
    }

    /** Tries the next page again after it failed. */
    public void retryMore() {
        moreFailed.set(false);
        if (nextCursor != null && inFlight == null) {
            loadMore();
        }
    }

    private void loadMore() {
        PlatformClient c = client;
        String course = courseId;
        LearnerQuery next = query.withCursor(nextCursor).withLimit(MORE_LIMIT);
        inFlight = tasks.run(() -> c.learners(course, next));
        inFlight.onSuccess(page -> {
            inFlight = null;
            total.set(page.total());
            List<LearnerRow> added = page.items().stream().map(LearnerRow::new).toList();
            if (marker != null) {
                int at = rows.indexOf(marker);
                rows.remove(at);
                rows.addAll(at, added);
            } else {
                rows.addAll(added);
            }
            marker = null;
            appendMarker(page.nextCursor());
        }).onFailure(e -> {
            inFlight = null;
            moreFailed.set(true);
            onFailure.accept(e);
        });
    }

    private void appendMarker(String cursor) {
        nextCursor = cursor;
        if (cursor != null) {
            marker = LearnerRow.more();
            rows.add(marker);
        }
    }

    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
    }

    public void clear() {
        cancel();
        rows.clear();
        total.set(0);
        nextCursor = null;
        marker = null;
    }

    public ObservableList<LearnerRow> rows() {
        return rows;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty moreFailedProperty() {
        return moreFailed.getReadOnlyProperty();
    }

    /** Learner rows held in memory now (without the marker). */
    public int loaded() {
        return marker == null ? rows.size() : rows.size() - 1;
    }
}
