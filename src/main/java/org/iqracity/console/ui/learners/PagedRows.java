package org.iqracity.console.ui.learners;

import java.util.AbstractList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SequencedSet;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * The rows of one query as the table sees them. The list is as long as the query's total from the start: rows not
 * fetched yet are the marker row ("loading"), and each page fetched takes the place of its markers wherever it lies, so
 * someone who jumps to the middle or the end of a course gets the page there without the pages before it. JavaFX's
 * table walks every row it lists whenever their number changes (its size estimates), so a number that stays put while
 * someone scrolls through 500,000 rows keeps each frame's work small. Every page fetched keeps its place, but only
 * the pages shown most recently keep their learners (at most {@code maxResidentRows}); an older page gives its
 * learners up and keeps how it was fetched (its cursor, or its position), so it can be fetched again when it is shown.
 * Memory therefore stays bounded whatever the course size: a few bytes a row fetched plus the resident pages. FX
 * thread only.
 */
final class PagedRows extends ObservableListBase<LearnerRow> {

    /** One page's place in the list and how to fetch it again: by its cursor, or at its position when that is null. */
    static final class Slot {
        final int start;
        final int size;
        final String cursor;
        /** The cursor of the page after this one; null when the list ended here. */
        final String next;
        /** Stands in for each learner of the page while it is not held; rendering it asks for the page again. */
        final LearnerRow placeholder = LearnerRow.more();
        private LearnerRow[] rows;

        private Slot(int start, int size, String cursor, String next) {
            this.start = start;
            this.size = size;
            this.cursor = cursor;
            this.next = next;
        }

        boolean resident() {
            return rows != null;
        }

        int end() {
            return start + size;
        }
    }

    /** Rows no page has been fetched for yet, between pages or after them. */
    record Gap(int from, int to) {
    }

    private final int maxResidentRows;
    /** The pages fetched, by where they start; they never overlap. */
    private final NavigableMap<Integer, Slot> slots = new TreeMap<>();
    /** Resident pages, least recently shown first. */
    private final SequencedSet<Slot> resident = new LinkedHashSet<>();
    private int size;
    private int listed;
    private int residentRows;
    /** The row standing for every row not fetched yet. */
    private final LearnerRow marker = LearnerRow.more();

    PagedRows(int maxResidentRows) {
        this.maxResidentRows = maxResidentRows;
    }

    /**
     * Replaces everything with a first page, fetched without a cursor; {@code next} continues it (null: the list is
     * that page). When more pages exist, marker rows follow up to {@code total} (at least one), standing for the rows
     * still to fetch.
     */
    void reset(List<LearnerRow> first, String next, long total) {
        List<LearnerRow> before = snapshot();
        slots.clear();
        resident.clear();
        listed = 0;
        residentRows = 0;
        addSlot(0, first, null, next);
        size = next == null ? first.size()
                : (int) Math.max(first.size() + 1L, Math.min(Integer.MAX_VALUE - 1L, total));
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
     * Puts a page in place of the markers from {@code start} on: fetched with {@code cursor}, or at its position when
     * that is null; {@code next} continues after it (null: the list ends with it). The list keeps its length unless
     * the course changed under the scroll: a page that ends the list takes the rows after it away, and a page that
     * reaches the last marker while more exist adds one. Rows already held by another page are left as they are.
     */
    void place(int start, List<LearnerRow> page, String cursor, String next) {
        if (start < 0 || start > size || slots.containsKey(start)) {
            return;
        }
        Map.Entry<Integer, Slot> after = slots.higherEntry(start);
        int room = (after == null ? Integer.MAX_VALUE : after.getKey()) - start;
        List<LearnerRow> fitted = page.size() > room ? page.subList(0, room) : page;
        int sizeBefore = size;
        beginChange();
        if (!fitted.isEmpty()) {
            addSlot(start, fitted, cursor, next);
        }
        int end = start + fitted.size();
        if (next == null && after == null) {
            size = end;
        } else if (end >= size) {
            size = end + 1;
        }
        // Markers the page took the place of are reported as updated (see updated()); the rest of the change adds or
        // removes at the end.
        updated(start, Math.min(end, Math.min(size, sizeBefore)));
        if (size > sizeBefore) {
            nextAdd(sizeBefore, size);
        } else if (size < sizeBefore) {
            nextRemove(size, Collections.nCopies(sizeBefore - size, marker));
        }
        evictBeyondLimit();
        endChange();
    }

    /** Puts a page fetched again back in its place. */
    void restore(Slot slot, List<LearnerRow> page) {
        if (slot.resident() || slots.get(slot.start) != slot) {
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
        updated(slot.start, Math.min(size, slot.end()));
        evictBeyondLimit();
        endChange();
    }

    /** The page that holds row {@code index}, now the most recently shown; null where no page was fetched. */
    Slot touch(int index) {
        Slot slot = slotOf(slots, index);
        if (slot != null && slot.resident()) {
            resident.remove(slot);
            resident.addLast(slot);
        }
        return slot;
    }

    /** The rows without a page around row {@code index} (which has none). */
    Gap gapAround(int index) {
        Map.Entry<Integer, Slot> before = slots.floorEntry(index);
        Map.Entry<Integer, Slot> after = slots.higherEntry(index);
        return new Gap(before == null ? 0 : before.getValue().end(), after == null ? size : after.getKey());
    }

    /** The page that ends just before row {@code index}, or null. */
    Slot endingAt(int index) {
        Map.Entry<Integer, Slot> before = slots.lowerEntry(index);
        return before != null && before.getValue().end() == index ? before.getValue() : null;
    }

    private void addSlot(int start, List<LearnerRow> page, String cursor, String next) {
        Slot slot = new Slot(start, page.size(), cursor, next);
        slot.rows = page.toArray(LearnerRow[]::new);
        slots.put(start, slot);
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
            updated(oldest.start, Math.min(size, oldest.end()));
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
        NavigableMap<Integer, Slot> oldSlots = new TreeMap<>(slots);
        int oldSize = size;
        return new AbstractList<>() {
            @Override
            public LearnerRow get(int i) {
                return rowAt(oldSlots, oldSize, i);
            }

            @Override
            public int size() {
                return oldSize;
            }
        };
    }

    @Override
    public LearnerRow get(int index) {
        return rowAt(slots, size, index);
    }

    private LearnerRow rowAt(NavigableMap<Integer, Slot> in, int listSize, int index) {
        if (index < 0 || index >= listSize) {
            throw new IndexOutOfBoundsException(index);
        }
        Slot slot = slotOf(in, index);
        if (slot == null) {
            return marker;
        }
        LearnerRow[] rows = slot.rows;
        return rows == null ? slot.placeholder : rows[index - slot.start];
    }

    private static Slot slotOf(NavigableMap<Integer, Slot> in, int index) {
        Map.Entry<Integer, Slot> at = in.floorEntry(index);
        return at != null && index < at.getValue().end() ? at.getValue() : null;
    }

    @Override
    public int size() {
        return size;
    }

    /** The rows of the first page (0 before it came). */
    int firstPageSize() {
        Slot first = slots.get(0);
        return first == null ? 0 : first.size;
    }

    /** Rows fetched, whether held or given up. */
    int listed() {
        return listed;
    }

    int residentRows() {
        return residentRows;
    }

    /** Whether some rows still wait for their page. */
    boolean hasMarker() {
        return listed < size;
    }
}
