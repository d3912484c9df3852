package org.iqracity.console.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One column of an opened roster as UTF-8 bytes end to end, with where each value ends: about a byte a character
 * plus four a value, where a String each would cost some fifty bytes more. Half a million rows stay small.
 */
final class TextColumn {
    private byte[] data = new byte[1 << 12];
    private int[] ends = new int[1 << 10];
    private int used;
    private int size;

    void add(String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
        if (used + bytes.length > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, used + bytes.length));
        }
        System.arraycopy(bytes, 0, data, used, bytes.length);
        used += bytes.length;
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
        }
        ends[size++] = used;
    }

    String get(int row) {
        int start = row == 0 ? 0 : ends[row - 1];
        return new String(data, start, ends[row] - start, StandardCharsets.UTF_8);
    }

    int size() {
        return size;
    }

    /** Every value's bytes, one after another, for sorting without decoding (see {@link ColumnSort}); read-only. */
    byte[] bytes() {
        return data;
    }

    /** Where the value at {@code row} starts in {@link #bytes()}. */
    int start(int row) {
        return row == 0 ? 0 : ends[row - 1];
    }

    /** Where the value at {@code row} ends in {@link #bytes()}, exclusive. */
    int end(int row) {
        return ends[row];
    }

    /** What {@link #startsWith} can tell from the stored bytes alone. */
    enum Match { YES, NO, ASK_TEXT }

    /**
     * Whether the value at {@code row} starts with {@code prefix} (ASCII, lower case), ignoring case, also after any
     * space when {@code anyWord}: read straight from the bytes, so a search over half a million rows makes no
     * strings. A non-ASCII byte where it matters answers {@link Match#ASK_TEXT}: then only the decoded text can say
     * (case folding beyond ASCII, e.g. the Kelvin sign matching "k").
     */
    Match startsWith(int row, byte[] prefix, boolean anyWord) {
        int start = row == 0 ? 0 : ends[row - 1];
        int end = ends[row];
        boolean unsure = false;
        for (int at = start; at < end; at++) {
            if (at == start || data[at - 1] == ' ') {
                switch (matchesAt(at, end, prefix)) {
                    case YES -> {
                        return Match.YES;
                    }
                    case ASK_TEXT -> unsure = true;
                    case NO -> {
                        // try the next word
                    }
                }
            }
            if (!anyWord) {
                break;
            }
        }
        return unsure ? Match.ASK_TEXT : Match.NO;
    }

    private Match matchesAt(int at, int end, byte[] prefix) {
        // A UTF-8 value has at least as many bytes as characters: fewer bytes left than the prefix cannot match.
        if (end - at < prefix.length) {
            return Match.NO;
        }
        for (int i = 0; i < prefix.length; i++) {
            byte b = data[at + i];
            if (b < 0) {
                return Match.ASK_TEXT;
            }
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != prefix[i]) {
                return Match.NO;
            }
        }
        return Match.YES;
    }

    /** Whether the value at {@code row} is exactly {@code value} (its UTF-8 bytes). */
    boolean is(int row, byte[] value) {
        int start = row == 0 ? 0 : ends[row - 1];
        return Arrays.equals(data, start, ends[row], value, 0, value.length);
    }

    /** Gives back the room grown for more rows once reading is done. */
    void trim() {
        data = Arrays.copyOf(data, used);
        ends = Arrays.copyOf(ends, size);
    }
}
