package org.iqracity.console.ui.exports;

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

    /** Gives back the room grown for more rows once reading is done. */
    void trim() {
        data = Arrays.copyOf(data, used);
        ends = Arrays.copyOf(ends, size);
    }
}
