package org.iqracity.console.ui.learners;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableListBase;

/**
 * A bounded slice of a long list of rows: what the learners table lists, while a scroll bar of the screen's own stands
 * for the place in the whole course. JavaFX's table walks every row before the one on top on each layout and every row
 * it has measured on each change of its size estimate, so with all 500,000 rows of a course listed a frame near the
 * bottom cost it tens of milliseconds; over a slice of {@code capacity} rows the same walks stay short wherever the
 * slice is. The table moves the slice ({@link #moveTo}) as someone scrolls towards one of its ends.
 *
 * <p>Rows keep their place: row {@code i} here is row {@link #base()} {@code + i} of the source. A page arriving or
 * given up in the source is passed on as an update of the rows it touches inside the slice; a new query starts the
 * slice at the top again. FX thread only.
 */
public final class RowWindow extends ObservableListBase<LearnerRow> {
    private final ObservableList<LearnerRow> source;
    private final int capacity;
    private final List<Runnable> moved = new ArrayList<>();
    private final List<Runnable> resets = new ArrayList<>();
    private int base;
    private int size;
    /** True while a move is announced: selection changes then are the slice's doing, not a person's. */
    private boolean moving;

    public RowWindow(ObservableList<LearnerRow> source, int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.source = source;
        this.capacity = capacity;
        this.size = Math.min(capacity, source.size());
        source.addListener(this::sourceChanged);
    }

    /** Where row 0 of the slice is in the source. */
    public int base() {
        return base;
    }

    public int capacity() {
        return capacity;
    }

    /** All rows of the source: the length the screen's scroll bar stands for. */
    public int total() {
        return source.size();
    }

    /** Whether the slice is being moved right now (listeners of the table's selection can tell it from a click). */
    public boolean moving() {
        return moving;
    }

    /** Runs {@code action} after each move of the slice, once the table has seen it. */
    public void onMoved(Runnable action) {
        moved.add(action);
    }

    /** Runs {@code action} after a new list (a new query) took the place of the old, once the table has seen it. */
    public void onReset(Runnable action) {
        resets.add(action);
    }

    /**
     * Moves the slice so that it starts at {@code wanted}, kept inside the source. Returns the base now in place.
     */
    public int moveTo(int wanted) {
        int target = clampBase(wanted);
        if (target != base) {
            // Inside the source a slice that moves keeps its length: capacity rows, or all of a shorter source.
            base = target;
            announceMove(null);
        }
        return base;
    }

    /** The base that puts source row {@code row} in the middle of the slice. */
    public int baseCentring(int row) {
        return clampBase(row - capacity / 2);
    }

    private int clampBase(int wanted) {
        return Math.clamp(wanted, 0, Math.max(0, source.size() - capacity));
    }

    /**
     * Tells the table of a move. When the slice kept its length ({@code replaced} null: every move but one at a
     * course's changing end), each row is reported as updated, not replaced: on a replacement JavaFX's table rebuilds
     * every cell, restyled from scratch, and its selection model starts over; on an update each visible row only asks
     * for its item again. The selection the model keeps then points at the old index, which the table puts right
     * after the move (see {@link #onMoved}).
     */
    private void announceMove(List<LearnerRow> replaced) {
        moving = true;
        try {
            beginChange();
            if (replaced == null) {
                for (int i = 0; i < size; i++) {
                    nextUpdate(i);
                }
            } else {
                nextReplace(0, size, replaced);
            }
            endChange();
        } finally {
            moving = false;
        }
        moved.forEach(Runnable::run);
    }

    private void sourceChanged(ListChangeListener.Change<? extends LearnerRow> change) {
        List<? extends LearnerRow> replaced = null;
        boolean lengthChanged = false;
        boolean updatedInside = false;
        while (change.next()) {
            if (change.wasUpdated()) {
                updatedInside |= change.getFrom() < base + size && change.getTo() > base;
            } else if (change.getFrom() == 0) {
                replaced = change.getRemoved();
            } else {
                lengthChanged = true;
            }
        }
        if (replaced != null) {
            // A new query: the slice starts at the top, and the table clears its selection as for any new list.
            List<LearnerRow> before = new ArrayList<>(replaced.subList(Math.min(base, replaced.size()),
                    Math.min(base + size, replaced.size())));
            base = 0;
            size = Math.min(capacity, source.size());
            beginChange();
            nextReplace(0, size, before);
            endChange();
            resets.forEach(Runnable::run);
            return;
        }
        if (updatedInside) {
            change.reset();
            beginChange();
            while (change.next()) {
                if (change.wasUpdated()) {
                    for (int i = Math.max(change.getFrom(), base); i < Math.min(change.getTo(), base + size); i++) {
                        nextUpdate(i - base);
                    }
                }
            }
            endChange();
        }
        if (lengthChanged) {
            lengthChanged();
        }
    }

    /** The source grew or shrank at its end (its last page came in, or the course changed under the scroll). */
    private void lengthChanged() {
        int newBase = clampBase(base);
        int newSize = Math.min(capacity, source.size() - newBase);
        if (newBase == base && newSize == size) {
            return;
        }
        List<LearnerRow> before = null;
        if (newSize != size) {
            before = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                before.add(base + i < source.size() ? source.get(base + i) : LearnerRow.more());
            }
        }
        base = newBase;
        size = newSize;
        announceMove(before);
    }

    @Override
    public LearnerRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return source.get(base + index);
    }

    @Override
    public int size() {
        return size;
    }
}
