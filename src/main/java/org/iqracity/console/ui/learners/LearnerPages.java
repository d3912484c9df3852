package org.iqracity.console.ui.learners;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.ObservableList;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.client.LearnersClient;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * The learners of one query, fetched a page at a time where the table shows rows: the page after one already fetched
 * by its cursor, any other at its position (someone who jumps to the middle or the end of 500,000 learners waits for
 * that page alone). A course of 500,000 costs one page to open, and scrolling through all of it holds only the pages
 * shown last ({@link #MAX_RESIDENT_ROWS}); a page given up is fetched again, by its cursor or at its position, when it
 * is shown again.
 */
public final class LearnerPages {

    /** Ask for the next page this many rows before its first row shows, so scrolling rarely meets a marker. */
    static final int PREFETCH_ROWS = 25;
    /** The first page stays small so a course opens fast; once someone scrolls, fewer, larger pages serve better. */
    static final int MORE_LIMIT = LearnerQuery.MAX_LIMIT;
    /**
     * Learners held in memory at most (about 1 KB each). Scrolling to the end of 500,000 once held them all and did
     * not fit the console's 512 MB; this many is many screens either side of any place in the list.
     */
    static final int MAX_RESIDENT_ROWS = 10_000;
    /**
     * Pages asked for at once. Someone dragging the scroll bar through a course passes hundreds of pages; with a few
     * in flight, each answer asks for what is on screen by then, and the places passed over are never fetched.
     */
    static final int MAX_IN_FLIGHT = 2;

    private final TaskRunner tasks;
    private final Consumer<Throwable> onFailure;
    private final PagedRows rows = new PagedRows(MAX_RESIDENT_ROWS);
    /** Pages being fetched, by the row they start at (for a page given up, its slot's start). */
    private final Map<Integer, BackgroundTask<Page<LearnerRowDto>>> fetching = new HashMap<>();
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper moreFailed = new ReadOnlyBooleanWrapper();
    private final LearnersClient client;
    private String courseId;
    private LearnerQuery query;
    /**
     * A cursor of the current list: sent with a page asked for at a position, it shows the platform that the page
     * continues a list already opened (and logged), not a new one.
     */
    private String listCursor;
    private BackgroundTask<Page<LearnerRowDto>> opening;
    /** The rows on screen, as the table last said; -1 before it said. */
    private int shownFrom = -1;
    private int shownTo = -1;

    public LearnerPages(LearnersClient client, TaskRunner tasks, Consumer<Throwable> onFailure) {
        this.client = client;
        this.tasks = tasks;
        this.onFailure = onFailure;
    }

    /** Starts over with a new query; requests still running for the old one are cancelled and ignored. */
    public BackgroundTask<Page<LearnerRowDto>> open(String course, LearnerQuery first) {
        cancel();
        courseId = course;
        query = first;
        listCursor = null;
        moreFailed.set(false);
        // A new list is shown from its top, as many rows as before.
        if (shownTo >= 0) {
            shownTo -= shownFrom;
            shownFrom = 0;
        }
        BackgroundTask<Page<LearnerRowDto>> task = tasks.run(() -> client.page(course, first));
        opening = task;
        task.onSuccess(page -> {
            opening = null;
            total.set(page.total());
            listCursor = page.nextCursor();
            rows.reset(page.items().stream().map(LearnerRow::new).toList(), page.nextCursor(), page.total());
            fill();
        }).onFailure(e -> {
            opening = null;
            rows.reset(List.of(), null, 0);
            total.set(0);
        });
        return task;
    }

    /**
     * The table shows rows {@code from} to {@code to} (inclusive, in the query's numbering). What they lack is fetched:
     * pages given up among them, and pages where none was fetched yet (the one after the rows too, as they near it).
     * Fetching goes on from each page's arrival, not from the table drawing it: the rows on screen may still be
     * markers when a page lands elsewhere, and nothing redraws them until their own page comes.
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

    /** Asks for whatever the rows on screen (and the next few) still lack, unless a failure waits for a retry. */
    private void fill() {
        if (courseId == null || opening != null || moreFailed.get() || shownTo < 0) {
            return;
        }
        int last = Math.min(shownTo + PREFETCH_ROWS, rows.size() - 1);
        for (int i = shownFrom; i <= last && fetching.size() < MAX_IN_FLIGHT; ) {
            PagedRows.Slot slot = rows.touch(i);
            if (slot != null) {
                if (!slot.resident() && !fetching.containsKey(slot.start)) {
                    refetch(slot);
                }
                i = slot.end();
                continue;
            }
            PagedRows.Gap gap = rows.gapAround(i);
            int start = Math.max(gap.from(), cellStart(i));
            // A full page where the gap runs to the end of the list: the total may have grown since it was given.
            int end = gap.to() == rows.size() ? start + MORE_LIMIT : Math.min(gap.to(), start + MORE_LIMIT);
            if (!fetching.containsKey(start)) {
                fetch(start, end - start);
            }
            i = end;
        }
    }

    /**
     * Where the page holding row {@code index} starts when pages lie on a grid: the first page, then pages of
     * {@link #MORE_LIMIT}, as they would if fetched in order. Pages fetched at positions then meet the pages fetched
     * by cursor edge to edge.
     */
    private int cellStart(int index) {
        int firstSize = rows.firstPageSize();
        return index < firstSize ? 0 : firstSize + (index - firstSize) / MORE_LIMIT * MORE_LIMIT;
    }

    /** Tries again what failed: the pages on screen. */
    public void retryMore() {
        moreFailed.set(false);
        fill();
    }

    /** Fetches rows {@code start} on: by the cursor of the page just before them, if there is one, else there. */
    private void fetch(int start, int limit) {
        PagedRows.Slot before = rows.endingAt(start);
        String cursor = before == null ? null : before.next;
        LearnerQuery page = cursor != null ? query.withCursor(cursor).withLimit(limit)
                : query.withLimit(limit).at(start, listCursor);
        run(start, page, (answer, next) -> rows.place(start, answer, cursor, next));
    }

    private void refetch(PagedRows.Slot slot) {
        LearnerQuery again = slot.cursor != null ? query.withCursor(slot.cursor).withLimit(slot.size)
                : query.withLimit(slot.size).at(slot.start, listCursor);
        run(slot.start, again, (answer, next) -> rows.restore(slot, answer));
    }

    /** Asks for a page; {@code put} puts its rows in place, given the cursor of the page after it. */
    private void run(int start, LearnerQuery page, BiConsumer<List<LearnerRow>, String> put) {
        String course = courseId;
        BackgroundTask<Page<LearnerRowDto>> task = tasks.run(() -> client.page(course, page));
        fetching.put(start, task);
        task.onSuccess(answer -> {
            fetching.remove(start);
            total.set(answer.total());
            int sizeBefore = rows.size();
            put.accept(answer.items().stream().map(LearnerRow::new).toList(), answer.nextCursor());
            // An empty answer that changed nothing (the course shrank under a page further on) is not asked again.
            if (!answer.items().isEmpty() || rows.size() != sizeBefore) {
                fill();
            }
        }).onFailure(e -> {
            // Left as markers or placeholders, saying so; a retry (or the connection coming back) asks again.
            fetching.remove(start);
            moreFailed.set(true);
            onFailure.accept(e);
        });
    }

    public void cancel() {
        if (opening != null) {
            opening.cancel();
            opening = null;
        }
        fetching.values().forEach(BackgroundTask::cancel);
        fetching.clear();
    }

    public void clear() {
        cancel();
        rows.reset(List.of(), null, 0);
        total.set(0);
        listCursor = null;
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

    /** Whether every row of the list has been fetched. */
    public boolean complete() {
        return !rows.hasMarker() && fetching.isEmpty() && opening == null;
    }

    /** Learner rows fetched so far, whether held or given up. */
    public int loaded() {
        return rows.listed();
    }

    /** Learner rows held in memory now. */
    public int resident() {
        return rows.residentRows();
    }
}
