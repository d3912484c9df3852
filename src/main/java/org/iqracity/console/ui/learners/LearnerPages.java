package org.iqracity.console.ui.learners;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * The learners of one query, fetched a page at a time as the table scrolls towards the end (keyset cursors go
 * forward only). A course of 500,000 costs one page to open, and scrolling through all of it holds only the pages
 * shown last ({@link #MAX_RESIDENT_ROWS}); a page given up is fetched again by its cursor when it is shown again.
 */
public final class LearnerPages {

    /** Ask for the next page this many rows before the end shows, so scrolling rarely meets the marker. */
    static final int PREFETCH_ROWS = 25;
    /** The first page stays small so a course opens fast; once someone scrolls, fewer, larger pages serve better. */
    static final int MORE_LIMIT = LearnerQuery.MAX_LIMIT;
    /**
     * Learners held in memory at most (about 1 KB each). Scrolling to the end of 500,000 once held them all and did
     * not fit the console's 512 MB; this many is many screens either side of any place in the list.
     */
    static final int MAX_RESIDENT_ROWS = 10_000;

    private final TaskRunner tasks;
    private final Consumer<Throwable> onFailure;
    private final PagedRows rows = new PagedRows(MAX_RESIDENT_ROWS);
    private final Map<PagedRows.Slot, BackgroundTask<Page<LearnerRowDto>>> refetching = new HashMap<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper moreFailed = new ReadOnlyBooleanWrapper();
    private PlatformClient client;
    private String courseId;
    private LearnerQuery query;
    private String nextCursor;
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
            nextCursor = page.nextCursor();
            rows.reset(page.items().stream().map(LearnerRow::new).toList(), nextCursor != null, page.total());
        }).onFailure(e -> {
            inFlight = null;
            rows.reset(List.of(), false, 0);
            total.set(0);
        });
        return task;
    }

    /**
     * The table shows row {@code index}: fetch its page again if it was given up, or the next page when the row is
     * near the end of the rows fetched or past it (someone dragged the scroll bar ahead: pages then come in order
     * until they reach the rows on screen).
     */
    public void shown(int index) {
        PagedRows.Slot slot = rows.touch(index);
        if (slot != null && !slot.resident() && !refetching.containsKey(slot)) {
            refetch(slot);
        }
        if (nextCursor != null && inFlight == null && !moreFailed.get() && index >= rows.listed() - PREFETCH_ROWS) {
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
        String cursor = nextCursor;
        LearnerQuery next = query.withCursor(cursor).withLimit(MORE_LIMIT);
        inFlight = tasks.run(() -> c.learners(course, next));
        inFlight.onSuccess(page -> {
            inFlight = null;
            total.set(page.total());
            nextCursor = page.nextCursor();
            rows.append(page.items().stream().map(LearnerRow::new).toList(), cursor, nextCursor != null);
        }).onFailure(e -> {
            inFlight = null;
            moreFailed.set(true);
            onFailure.accept(e);
        });
    }

    private void refetch(PagedRows.Slot slot) {
        PlatformClient c = client;
        String course = courseId;
        LearnerQuery again = query.withCursor(slot.cursor).withLimit(slot.size);
        BackgroundTask<Page<LearnerRowDto>> task = tasks.run(() -> c.learners(course, again));
        refetching.put(slot, task);
        task.onSuccess(page -> {
            refetching.remove(slot);
            rows.restore(slot, page.items().stream().map(LearnerRow::new).toList());
        }).onFailure(e -> {
            // Left as placeholders; showing the page again asks again.
            refetching.remove(slot);
            onFailure.accept(e);
        });
    }

    public void cancel() {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
        refetching.values().forEach(BackgroundTask::cancel);
        refetching.clear();
    }

    public void clear() {
        cancel();
        rows.reset(List.of(), false, 0);
        total.set(0);
        nextCursor = null;
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

    /** Learner rows listed so far (without the marker), whether held or given up. */
    public int loaded() {
        return rows.listed();
    }

    /** Learner rows held in memory now. */
    public int resident() {
        return rows.residentRows();
    }
}
