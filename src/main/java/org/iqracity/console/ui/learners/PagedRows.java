package org.iqracity.console.ui.learners;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import javafx.collections.ObservableListBase;

/**
 * The rows of one query as the table sees them. Every row scrolled past keeps its index, but only the pages shown
 * most recently keep their learners (at most {@code maxResidentRows}); an older page gives its learners up and
 * keeps the keyset cursor that fetched it, so it can be fetched again when it is shown. Memory therefore stays
 * bounded whatever the course size: a few bytes a row listed plus the resident pages. FX thread only.
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
    private LearnerRow marker;

    PagedRows(int maxResidentRows) {
        this.maxResidentRows = maxResidentRows;
    }

    /** Replaces everything with a first page; a marker row follows when more pages exist. */
    void reset(List<LearnerRow> first, boolean more) {
        List<LearnerRow> before = snapshot();
        slots.clear();
        resident.clear();
        listed = 0;
        residentRows = 0;
        marker = null;
        addSlot(first, null);
        marker = more ? LearnerRow.more() : null;
        beginChange();
        if (!before.isEmpty()) {
            nextRemove(0, before);
        }
        if (size() > 0) {
            nextAdd(0, size());
        }
        endChange();
    }

    /**
     * Appends the page fetched with {@code cursor} before the marker. The marker stays the same row, so the table sees
     * rows added and nothing replaced: JavaFX's table rebuilds every cell for a replacement, and keeps its place in
     * the list, cheaply, for an addition.
     */
    void append(List<LearnerRow> page, String cursor, boolean more) {
        int from = listed;
        boolean hadMarker = marker != null;
        addSlot(page, cursor);
        beginChange();
        if (!page.isEmpty()) {
            nextAdd(from, listed);
        }
        if (hadMarker && !more) {
            LearnerRow gone = marker;
            marker = null;
            nextRemove(listed, gone);
        } else if (!hadMarker && more) {
            marker = LearnerRow.more();
            nextAdd(listed, listed + 1);
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
        nextReplace(slot.start, slot.start + slot.size, Collections.nCopies(slot.size, slot.placeholder));
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
     * reported as updated, not replaced: its rows are long off screen (least recently shown), and the table only
     * needs to know to ask again, not to rebuild its cells.
     */
    private void evictBeyondLimit() {
        while (residentRows > maxResidentRows && resident.size() > 1) {
            Slot oldest = resident.removeFirst();
            oldest.rows = null;
            residentRows -= oldest.size;
            nextUpdate(oldest.start);
            for (int i = oldest.start + 1; i < oldest.start + oldest.size; i++) {
                nextUpdate(i);
            }
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
                return rowAt(oldSlots, oldListed, oldMarker, i);
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
    }

    @Override
    public LearnerRow get(int index) {
        return rowAt(slots, listed, marker, index);
    }

    private static LearnerRow rowAt(List<Slot> slots, int listed, LearnerRow marker, int index) {
        if (index == listed && marker != null) {
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
        return listed + (marker == null ? 0 : 1);
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

    LearnerRow marker() {
        return marker;
    }
}
