package org.iqracity.console.ui.learners;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The rows of one query as the table sees them. The list is as long as the query's total from the start: rows not
 * fetched yet are the marker row ("loading"), and each page fetched takes the place of its markers. JavaFX's table
 * walks every row it lists whenever their number changes (its size estimates), so a number that stays put while
 * someone scrolls through 500,000 rows keeps each frame's work small. Every row fetched keeps its index, but only the
 * pages shown most recently keep their learners (at most {@code maxResidentRows}); an older page gives its learners
 * up and keeps the keyset cursor that fetched it, so it can be fetched again when it is shown. Memory therefore stays
 * bounded whatever the course size: a few bytes a row fetched plus the resident pages. FX thread only.
 */
final class PagedRows extends ObservableListBase<LearnerRow> {

    /** One page's place in the list, and the cursor that fetches it again (null: the first page). */
    static final class Slot {
        final int start;
        final int size;
        final String cursor;
        /** Stands in for each learner of the page while it is not held; rendering it asks for the page again. */
        final LearnerRow placeholder = LearnerRow.more();
        private LearnerRow[] rows;

        private Slot(int start, int size, String cursor) {
            this.start = start;
            this.size = size;
            this.cursor = cursor;
        }

        boolean resident() {
            return rows != null;
        }
    }

    private final int maxResidentRows;
    private final List<Slot> slots = new ArrayList<>();
    /** Resident pages, least recently shown first. */
    private final SequencedSet<Slot> resident = new LinkedHashSet<>();
    private int listed;
    private int residentRows;
    /** The row standing for every row not fetched yet; null once the last page is in. */
    private LearnerRow marker;
    /** Marker rows after the rows fetched. */
    private int pending;

    PagedRows(int maxResidentRows) {
        this.maxResidentRows = maxResidentRows;
    }

    /**
     * Replaces everything with a first page. When more pages exist, marker rows follow up to {@code total} (at least
     * one), standing for the rows still to fetch.
     */
    void reset(List<LearnerRow> first, boolean more, long total) {
        List<LearnerRow> before = snapshot();
        slots.clear();
        resident.clear();
        listed = 0;
        residentRows = 0;
        marker = null;
        pending = 0;
        addSlot(first, null);
        if (more) {
            marker = LearnerRow.more();
            pending = (int) Math.max(1, Math.min(Integer.MAX_VALUE - 1L - listed, total - listed));
        }
        if (!before.isEmpty() || size() > 0) {
            fireWhole(before, size());
        }
    }

    /**
     * Tells the listeners that everything changed: {@code removed} out, {@code added} rows in. One change is built
     * here rather than through {@code nextRemove}, which would copy every old row (500,000 after a large course)
     * into a list of its own; {@code removed} is a view that costs nothing until read.
     */
    private void fireWhole(List<LearnerRow> removed, int added) {
        fireChange(new ListChangeListener.Change<>(this) {
            private int cursor = -1;

            @Override
            public boolean next() {
                return ++cursor == 0;
            }

            @Override
            public void reset() {
                cursor = -1;
            }

            @Override
            public int getFrom() {
                check();
                return 0;
            }

            @Override
            public int getTo() {
                check();
                return added;
            }

            @Override
            public List<LearnerRow> getRemoved() {
                check();
                return removed;
            }

            @Override
            protected int[] getPermutation() {
                check();
                return new int[0];
            }

            private void check() {
                if (cursor != 0) {
                    throw new IllegalStateException("call next() first");
                }
            }
        });
    }

    /**
     * Puts the page fetched with {@code cursor} in place of the first markers. The list keeps its length unless the
     * course changed under the scroll: rows beyond the last page go, and one marker is added if more pages exist
     * than the total said.
     */
    void append(List<LearnerRow> page, String cursor, boolean more) {
        int from = listed;
        int sizeBefore = size();
        LearnerRow oldMarker = marker;
        addSlot(page, cursor);
        int markersLeft = sizeBefore - listed;
        beginChange();
        if (!more) {
            marker = null;
            pending = 0;
        } else if (markersLeft < 1) {
            pending = 1;
        } else {
            pending = markersLeft;
        }
        int sizeAfter = size();
        // Markers the page took the place of are reported as updated (see updated()); the rest of the change adds or
        // removes at the end.
        updated(from, from + Math.min(page.size(), sizeBefore - from));
        if (sizeAfter > sizeBefore) {
            nextAdd(sizeBefore, sizeAfter);
        } else if (sizeAfter < sizeBefore) {
            nextRemove(sizeAfter, Collections.nCopies(sizeBefore - sizeAfter, oldMarker));
        }
        evictBeyondLimit();
        endChange();
    }

    /** Puts a page fetched again back in its place. */
    void restore(Slot slot, List<LearnerRow> page) {
        if (slot.resident() || !slots.contains(slot)) {
            return;
        }
        LearnerRow[] rows = new LearnerRow[slot.size];
        for (int i = 0; i < rows.length; i++) {
            // A page that shrank since (learners unenrolled) keeps placeholders where rows are missing.
            rows[i] = i < page.size() ? page.get(i) : slot.placeholder;
        }
        beginChange();
        slot.rows = rows;
        resident.addLast(slot);
        residentRows += slot.size;
        updated(slot.start, slot.start + slot.size);
        evictBeyondLimit();
        endChange();
    }

    /** The page that holds row {@code index} (not the marker), now the most recently shown; null past the end. */
    Slot touch(int index) {
        if (index < 0 || index >= listed) {
            return null;
        }
        Slot slot = slotOf(slots, index);
        if (slot.resident()) {
            resident.remove(slot);
            resident.addLast(slot);
        }
        return slot;
    }

    private void addSlot(List<LearnerRow> page, String cursor) {
        Slot slot = new Slot(listed, page.size(), cursor);
        slot.rows = page.toArray(LearnerRow[]::new);
        slots.add(slot);
        resident.addLast(slot);
        listed += slot.size;
        residentRows += slot.size;
    }

    /**
     * Call between beginChange and endChange. The page added or restored last is never given up. A page given up is
     * reported as updated (see {@link #updated}).
     */
    private void evictBeyondLimit() {
        while (residentRows > maxResidentRows && resident.size() > 1) {
            Slot oldest = resident.removeFirst();
            oldest.rows = null;
            residentRows -= oldest.size;
            updated(oldest.start, oldest.start + oldest.size);
        }
    }

    /**
     * Reports rows {@code from} to {@code to} (exclusive) as updated: a page put in place of its marker or placeholder
     * rows, or a page given up. Not as replaced: on a replacement JavaFX's table takes every cell off its row and
     * puts it back (each visible row restyled, its cells filled again) and its selection model looks the selected
     * learner up among all 500,000 rows; on an update each visible row asks for its item again and only rows whose
     * item changed draw anew. The table reads the list, never keeps the rows removed, so nothing is lost.
     */
    private void updated(int from, int to) {
        for (int i = from; i < to; i++) {
            nextUpdate(i);
        }
    }

    /** The rows as they are now, without copying them: the pages are dropped, never changed, after a reset. */
    private List<LearnerRow> snapshot() {
        List<Slot> oldSlots = List.copyOf(slots);
        int oldListed = listed;
        LearnerRow oldMarker = marker;
        int oldSize = size();
        return new AbstractList<>() {
            @Override
            public LearnerRow get(int i) {
                return rowAt(oldSlots, oldListed, oldSize, oldMarker, i);
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
    }

    @Override
    public LearnerRow get(int index) {
        return rowAt(slots, listed, size(), marker, index);
    }

    private static LearnerRow rowAt(List<Slot> slots, int listed, int size, LearnerRow marker, int index) {
        if (index >= listed && index < size && marker != null) {
            return marker;
        }
        if (index < 0 || index >= listed) {
            throw new IndexOutOfBoundsException(index);
        }
        Slot slot = slotOf(slots, index);
        LearnerRow[] rows = slot.rows;
        return rows == null ? slot.placeholder : rows[index - slot.start];
    }

    private static Slot slotOf(List<Slot> slots, int index) {
        int at = Collections.binarySearch(slots, null, (slot, ignored) ->
                index < slot.start ? 1 : index >= slot.start + slot.size ? -1 : 0);
        return slots.get(at);
    }

    @Override
    public int size() {
        return listed + pending;
    }

    int listed() {
        return listed;
    }

    int residentRows() {
        return residentRows;
    }

    boolean hasMarker() {
        return marker != null;
    }
}
