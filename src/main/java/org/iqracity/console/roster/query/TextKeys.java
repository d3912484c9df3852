package org.iqracity.console.roster.query;

import java.util.function.BooleanSupplier;

/**
 * A text column's values lower-cased as {@code String.toLowerCase(Locale.ROOT)} does, cut into slices for
 * {@link ColumnSort}. Each UTF-16 unit becomes its rank among the units the column uses (zero past the end, so a
 * shorter text comes first), in as few bits as those ranks need: a column of names uses some fifty units, six bits
 * each, so one long carries seven of them. All-ASCII values are read and lower-cased from the stored bytes; the
 * others are lower-cased once into {@link LowerCased}.
 */
final class TextKeys implements ColumnSort.SortKeys {
    private final TextColumn column;
    private final byte[] data;
    private final int[] rows;
    /** Rank of each ASCII byte after lower-casing. */
    private final int[] asciiRanks;
    /** Rank of each UTF-16 unit, for the values that are not all ASCII. */
    private final int[] ranks;
    /** The values that are not all ASCII, lower-cased. */
    private final LowerCased nonAscii;
    private final int unitBits;
    private final int unitsPerSlice;

    private TextKeys(TextColumn column, int[] rows, LowerCased nonAscii, boolean[] used, int sliceBits) {
        this.column = column;
        this.data = column.bytes();
        this.rows = rows;
        this.ranks = new int[Character.MAX_VALUE + 1];
        int rank = 0;
        for (int unit = 0; unit <= Character.MAX_VALUE; unit++) {
            if (used[unit]) {
                ranks[unit] = ++rank;
            }
        }
        this.asciiRanks = new int[128];
        for (int b = 0; b < 128; b++) {
            asciiRanks[b] = ranks[lower(b)];
        }
        this.unitBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(rank));
        this.unitsPerSlice = sliceBits / unitBits;
        this.nonAscii = nonAscii;
    }

    static TextKeys of(TextColumn column, int[] rows, int sliceBits, BooleanSupplier cancelled) {
        int count = rows == null ? column.size() : rows.length;
        byte[] data = column.bytes();
        boolean[] used = new boolean[Character.MAX_VALUE + 1];
        // ASCII bytes as stored, lower-cased once at the end
        boolean[] bytes = new boolean[128];
        LowerCased nonAscii = new LowerCased(count);
        for (int place = 0; place < count; place++) {
            if ((place & 4095) == 0) {
                ColumnSort.check(cancelled);
            }
            int row = rows == null ? place : rows[place];
            int start = column.start(row);
            int end = column.end(row);
            for (int at = start; at < end; at++) {
                byte b = data[at];
                if (b < 0) {
                    nonAscii.add(place, data, start, end, used);
                    break;
                }
                bytes[b] = true;
            }
        }
        for (int b = 0; b < bytes.length; b++) {
            used[lower(b)] |= bytes[b];
        }
        return new TextKeys(column, rows, nonAscii, used, sliceBits);
    }

    static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    @Override
    public long slice(int place, int depth) {
        int skip = depth * unitsPerSlice;
        long slice = 0;
        int at = nonAscii.indexOf(place);
        if (at < 0) {
            int row = rows == null ? place : rows[place];
            int from = column.start(row) + skip;
            int end = column.end(row);
            for (int i = from; i < from + unitsPerSlice; i++) {
                slice = slice << unitBits | (i < end ? asciiRanks[data[i]] : 0);
            }
        } else {
            char[] units = nonAscii.units();
            int[] ends = nonAscii.ends();
            int from = (at == 0 ? 0 : ends[at - 1]) + skip;
            int end = ends[at];
            for (int i = from; i < from + unitsPerSlice; i++) {
                slice = slice << unitBits | (i < end ? ranks[units[i]] : 0);
            }
        }
        return slice;
    }

    @Override
    public boolean continues(long slice, int depth) {
        // The last unit of the slice is not past the end: the keys may go on.
        return (slice & ((1L << unitBits) - 1)) != 0;
    }
}
