package org.iqracity.console.platform.store;

import java.util.Arrays;

/**
 * Many short texts in one {@code char[]}, compared as {@link String#compareTo} compares them (UTF-16 units, then
 * length). A search snapshot holds three keys of every enrollment of a large course; as Strings they were 1.5 million
 * objects at 500,000, each copied by the collector from one young space to the next while the snapshot was read
 * (pauses of 27-139 ms in the platform). Here they are two arrays, grown by doubling.
 */
final class PackedText {
    private char[] chars;
    /** Text {@code i} is {@code chars[starts[i]] .. chars[starts[i + 1]]}. */
    private int[] starts;
    private int size;

    PackedText() {
        this(new char[16 * 1024], new int[1025], 0);
    }

    private PackedText(char[] chars, int[] starts, int size) {
        this.chars = chars;
        this.starts = starts;
        this.size = size;
    }

    void add(String text) {
        if (size + 1 == starts.length) {
            starts = Arrays.copyOf(starts, starts.length * 2);
        }
        int at = starts[size];
        int end = at + text.length();
        if (end > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(end, chars.length * 2));
        }
        text.getChars(0, text.length(), chars, at);
        starts[++size] = end;
    }

    int size() {
        return size;
    }

    String get(int i) {
        return new String(chars, starts[i], starts[i + 1] - starts[i]);
    }

    /** As {@code get(a).compareTo(get(b))}, without making either String. */
    int compare(int a, int b) {
        int i = starts[a];
        int aEnd = starts[a + 1];
        int j = starts[b];
        int bEnd = starts[b + 1];
        while (i < aEnd && j < bEnd) {
            char x = chars[i++];
            char y = chars[j++];
            if (x != y) {
                return x - y;
            }
        }
        return (aEnd - starts[a]) - (bEnd - starts[b]);
    }

    /** As {@code get(i).compareTo(text)}. */
    int compareTo(int i, String text) {
        int at = starts[i];
        int length = starts[i + 1] - at;
        int n = Math.min(length, text.length());
        for (int k = 0; k < n; k++) {
            char x = chars[at + k];
            char y = text.charAt(k);
            if (x != y) {
                return x - y;
            }
        }
        return length - text.length();
    }

    /** The same texts, in arrays no larger than they need. */
    PackedText trimmed() {
        return new PackedText(Arrays.copyOf(chars, starts[size]), Arrays.copyOf(starts, size + 1), size);
    }
}
