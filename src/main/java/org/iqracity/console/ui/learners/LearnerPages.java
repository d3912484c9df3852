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
    /** The rows on screen, as the table last said; -1 before it said. */
    private int shownFrom = -1;
    private int shownTo = -1;

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
        // A new list is shown from its top, as many rows as before.
        if (shownTo >= 0) {
            shownTo -= shownFrom;
            shownFrom = 0;
        }
        BackgroundTask<Page<LearnerRowDto>> task = tasks.run(() -> withClient.learners(course, first));
        inFlight = task;
        task.onSuccess(page -> {
            inFlight = null;
            total.set(page.total());
            nextCursor = page.nextCursor();
            rows.reset(page.items().stream().map(LearnerRow::new).toList(), nextCursor != null, page.total());
            fill();
        }).onFailure(e -> {
            inFlight = null;
            rows.reset(List.of(), false, 0);
            total.set(0);
        });
        return task;
    }

    /**
     * The table shows rows {@code from} to {@code to} (inclusive, in the query's numbering). Pages given up among
     * them are fetched again by their cursors, and pages are fetched in order until the last of them is in (someone
     * who jumped ahead, to the end or dragged the bar, waits for that chain alone). The chain goes on from each
     * page's arrival, not from the table drawing it: the rows on screen may still be markers when a page lands
     * elsewhere, and nothing redraws them until their own page comes.
     */
    public void show(int from, int to) {
        shownFrom = Math.max(0, Math.min(from, to));
        shownTo = Math.max(from, to);
        fill();
    }

    /** One row on screen: {@link #show(int, int)} for that row alone. */
    public void shown(int index) {
        show(index, index);
    }

    /** Asks for whatever the rows on screen still lack, unless a failure waits for a retry. */
    private void fill() {
        if (client == null || moreFailed.get() || shownTo < 0) {
            return;
        }
        for (int i = shownFrom; i <= shownTo && i < rows.listed(); ) {
            PagedRows.Slot slot = rows.touch(i);
            if (!slot.resident() && !refetching.containsKey(slot)) {
                refetch(slot);
            }
            i = slot.start + slot.size;
        }
        if (nextCursor != null && inFlight == null && shownTo >= rows.listed() - PREFETCH_ROWS) {
            loadMore();
        }
    }

    /** Tries again what failed: the next page or a page given up. */
    public void retryMore() {
        moreFailed.set(false);
        fill();
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
            fill();
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
            // Left as placeholders, saying so; a retry (or the connection coming back) asks again.
            refetching.remove(slot);
            moreFailed.set(true);
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

    /** Whether every row of the list has been fetched (none left to fetch by cursor). */
    public boolean complete() {
        return nextCursor == null && inFlight == null;
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
