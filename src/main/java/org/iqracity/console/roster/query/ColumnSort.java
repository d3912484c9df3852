package org.iqracity.console.roster.query;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Rows in ascending order of one column, ties by row: text lower-cased with {@code toLowerCase(Locale.ROOT)} and
 * compared by UTF-16 unit, or numbers as {@link Double#compare} orders them with empty and unreadable values first
 * (the order of the comparator this replaced), reached with sorts of primitive longs instead of a comparator over
 * boxed rows. Each long holds a slice of the row's key in its high bits and the row's place in its low bits, so one
 * sort of longs orders the rows by that slice and then by row; rows whose slices tie are sorted again by their next
 * slice, and so on until their keys end (a most-significant-digit sort).
 */
final class ColumnSort {
    private static final int CHECK_EVERY = 1 << 14;

    private ColumnSort() {
    }

    /**
     * @param rows ascending row numbers to order, or null for every row of the column
     * @return the same rows, in the column's ascending order
     */
    static int[] ascending(TextColumn column, boolean numeric, int[] rows, BooleanSupplier cancelled) {
        int count = rows == null ? column.size() : rows.length;
        if (count == 0) {
            return new int[0];
        }
        int placeBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(count - 1));
        // The key's slice fills the rest of a non-negative long.
        int sliceBits = 63 - placeBits;
        SortKeys keys = numeric ? NumberKeys.of(column, rows, sliceBits, cancelled)
                : TextKeys.of(column, rows, sliceBits, cancelled);
        long[] sorted = new long[count];
        for (int place = 0; place < count; place++) {
            if ((place & (CHECK_EVERY - 1)) == 0) {
                check(cancelled);
            }
            sorted[place] = keys.slice(place, 0) << placeBits | place;
        }
        check(cancelled);
        Arrays.sort(sorted);
        new Refinement(keys, sorted, placeBits, cancelled).run();
        long placeMask = (1L << placeBits) - 1;
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            int place = (int) (sorted[i] & placeMask);
            out[i] = rows == null ? place : rows[place];
        }
        return out;
    }

    /**
     * Sorts the runs of longs whose slices tie by their next slice, level by level, until no run is left. Reading
     * the next slices in sorted order would jump around the column's bytes (where a value starts, then its bytes)
     * for every row: while many rows are left, every row's next slice is read in row order into an array first, and
     * the runs pick theirs from it, one independent read each, which the processor overlaps.
     */
    private static final class Refinement {
        private final SortKeys keys;
        private final long[] sorted;
        private final int placeBits;
        private final long placeMask;
        private final BooleanSupplier cancelled;
        /** Every row's next slice, by place; made when first needed. */
        private long[] nextSlices;

        Refinement(SortKeys keys, long[] sorted, int placeBits, BooleanSupplier cancelled) {
            this.keys = keys;
            this.sorted = sorted;
            this.placeBits = placeBits;
            this.placeMask = (1L << placeBits) - 1;
            this.cancelled = cancelled;
        }

        void run() {
            Runs level = new Runs();
            findTies(0, sorted.length, 0, level);
            for (int depth = 1; level.count > 0; depth++) {
                check(cancelled);
                if (level.rows < sorted.length / 16) {
                    reslice(level, depth);
                } else {
                    resliceInRowOrder(level, depth);
                }
                Runs next = new Runs();
                for (int r = 0; r < level.count; r++) {
                    int from = level.from(r);
                    int to = level.to(r);
                    if (!ascending(from, to)) {
                        Arrays.sort(sorted, from, to);
                    }
                    findTies(from, to, depth, next);
                }
                level = next;
            }
        }

        /** Few rows left: each one's next slice read where it sits. */
        private void reslice(Runs level, int depth) {
            for (int r = 0; r < level.count; r++) {
                for (int i = level.from(r); i < level.to(r); i++) {
                    int place = (int) (sorted[i] & placeMask);
                    sorted[i] = keys.slice(place, depth) << placeBits | place;
                }
            }
        }

        private void resliceInRowOrder(Runs level, int depth) {
            if (nextSlices == null) {
                nextSlices = new long[sorted.length];
            }
            for (int place = 0; place < nextSlices.length; place++) {
                nextSlices[place] = keys.slice(place, depth);
                if ((place & (CHECK_EVERY - 1)) == 0) {
                    check(cancelled);
                }
            }
            for (int r = 0; r < level.count; r++) {
                for (int i = level.from(r); i < level.to(r); i++) {
                    int place = (int) (sorted[i] & placeMask);
                    sorted[i] = nextSlices[place] << placeBits | place;
                }
            }
        }

        /** Whether the run is in order already, as equal slices leave it: often so for repeated values. */
        private boolean ascending(int from, int to) {
            for (int i = from + 1; i < to; i++) {
                if (sorted[i] < sorted[i - 1]) {
                    return false;
                }
            }
            return true;
        }

        private void findTies(int from, int to, int depth, Runs into) {
            int start = from;
            while (start < to) {
                long slice = sorted[start] >>> placeBits;
                int end = start + 1;
                while (end < to && sorted[end] >>> placeBits == slice) {
                    end++;
                }
                if (end - start > 1 && keys.continues(slice, depth)) {
                    into.add(start, end);
                }
                start = end;
            }
        }
    }

    /** Runs of {@code sorted} still to sort by the next slice: from and to each, and how many rows they hold. */
    private static final class Runs {
        private int[] bounds = new int[2 * 64];
        int count;
        long rows;

        void add(int from, int to) {
            if (2 * count + 2 > bounds.length) {
                bounds = Arrays.copyOf(bounds, bounds.length * 2);
            }
            bounds[2 * count] = from;
            bounds[2 * count + 1] = to;
            count++;
            rows += to - from;
        }

        int from(int run) {
            return bounds[2 * run];
        }

        int to(int run) {
            return bounds[2 * run + 1];
        }

    }

    static void check(BooleanSupplier cancelled) {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("superseded");
        }
    }

    /** A row's sort key cut into slices of a fixed number of bits, compared as unsigned numbers in order. */
    interface SortKeys {
        /** The key's {@code depth}-th slice for the row at {@code place}; zeros past the key's end. */
        long slice(int place, int depth);

        /** Whether keys whose {@code depth}-th slice is {@code slice} may still differ further on. */
        boolean continues(long slice, int depth);
    }
}
