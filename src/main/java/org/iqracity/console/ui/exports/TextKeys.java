package org.iqracity.console.ui.exports;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * A text column's values lower-cased as {@code String.toLowerCase(Locale.ROOT)} does, cut into slices for
 * {@link ColumnSort}. Each UTF-16 unit becomes its rank among the units the column uses (zero past the end, so a
 * shorter text comes first), in as few bits as those ranks need: a column of names uses some fifty units, six bits
 * each, so one long carries seven of them. All-ASCII values are read and lower-cased from the stored bytes; the
 * others are decoded once and lower-cased by the JDK, where case folding has its exceptions.
 */
final class TextKeys implements ColumnSort.SortKeys {
    private final TextColumn column;
    private final byte[] data;
    private final int[] rows;
    /** Rank of each ASCII byte after lower-casing. */
    private final int[] asciiRanks;
    /** Rank of each UTF-16 unit, for the values that are not all ASCII. */
    private final int[] ranks;
    /** Per place, which of {@link #folded} holds its value, or -1 when it is all ASCII; null when all are. */
    private final int[] foldedAt;
    private final char[] folded;
    private final int[] foldedEnds;
    private final int unitBits;
    private final int unitsPerSlice;

    private TextKeys(TextColumn column, int[] rows, Folded nonAscii, boolean[] used, int sliceBits) {
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
        this.foldedAt = nonAscii.at;
        this.folded = nonAscii.units;
        this.foldedEnds = nonAscii.ends;
    }

    static TextKeys of(TextColumn column, int[] rows, int sliceBits, BooleanSupplier cancelled) {
        int count = rows == null ? column.size() : rows.length;
        byte[] data = column.bytes();
        boolean[] used = new boolean[Character.MAX_VALUE + 1];
        Folded nonAscii = new Folded(count);
        for (int place = 0; place < count; place++) {
            if ((place & 4095) == 0) {
                ColumnSort.check(cancelled);
            }
            int row = rows == null ? place : rows[place];
            int start = column.start(row);
            int end = column.end(row);
            int at = start;
            while (at < end && data[at] >= 0) {
                used[lower(data[at])] = true;
                at++;
            }
            if (at < end) {
                String lower = new String(data, start, end - start, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
                for (int i = 0; i < lower.length(); i++) {
                    used[lower.charAt(i)] = true;
                }
                nonAscii.add(place, lower);
            }
        }
        return new TextKeys(column, rows, nonAscii, used, sliceBits);
    }

    private static int lower(int b) {
        return b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b;
    }

    @Override
    public long slice(int place, int depth) {
        int skip = depth * unitsPerSlice;
        long slice = 0;
        int at = foldedAt == null ? -1 : foldedAt[place];
        if (at < 0) {
            int row = rows == null ? place : rows[place];
            int from = column.start(row) + skip;
            int end = column.end(row);
            for (int i = from; i < from + unitsPerSlice; i++) {
                slice = slice << unitBits | (i < end ? asciiRanks[data[i]] : 0);
            }
        } else {
            int from = (at == 0 ? 0 : foldedEnds[at - 1]) + skip;
            int end = foldedEnds[at];
            for (int i = from; i < from + unitsPerSlice; i++) {
                slice = slice << unitBits | (i < end ? ranks[folded[i]] : 0);
            }
        }
        return slice;
    }

    @Override
    public boolean continues(long slice, int depth) {
        // The last unit of the slice is not past the end: the keys may go on.
        return (slice & ((1L << unitBits) - 1)) != 0;
    }

    /** The lower-cased values that are not all ASCII, one after another. */
    private static final class Folded {
        private final int places;
        int[] at;
        char[] units = new char[0];
        int[] ends = new int[0];
        private int used;
        private int count;

        Folded(int places) {
            this.places = places;
        }

        void add(int place, String lower) {
            if (at == null) {
                at = new int[places];
                Arrays.fill(at, -1);
                units = new char[1 << 12];
                ends = new int[1 << 8];
            }
            if (used + lower.length() > units.length) {
                units = Arrays.copyOf(units, Math.max(units.length * 2, used + lower.length()));
            }
            lower.getChars(0, lower.length(), units, used);
            used += lower.length();
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            ends[count] = used;
            at[place] = count++;
        }
    }
}
