package org.iqracity.console.platform.store.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Many short texts in one array, compared as {@link String#compareTo} compares them (UTF-16 units, then length). A
 * search snapshot holds keys and search words of every enrollment of a large course; as Strings they were millions of
 * objects, each copied by the collector from one young space to the next while the snapshot was read (pauses of
 * 27-139 ms in the platform). Here they are two arrays, grown by doubling. While every unit is below 256 (folded search
 * words almost always are) the texts are kept a byte a unit, as compact Strings are; the first wider unit turns the
 * store into {@code char}s.
 */
final class PackedText {
    /** The units while all are below 256, else null. */
    private byte[] bytes;
    /** The units once one is 256 or more, else null. */
    private char[] chars;
    /** Text {@code i} is units {@code starts[i] .. starts[i + 1]}. */
    private int[] starts;
    private int size;

    PackedText() {
        this(new byte[16 * 1024], null, new int[1025], 0);
    }

    private PackedText(byte[] bytes, char[] chars, int[] starts, int size) {
        this.bytes = bytes;
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
        if (bytes != null && !latin1(text)) {
            chars = new char[Math.max(end, bytes.length)];
            for (int i = 0; i < at; i++) {
                chars[i] = (char) (bytes[i] & 0xff);
            }
            bytes = null;
        }
        if (bytes != null) {
            if (end > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
            }
            for (int i = 0; i < text.length(); i++) {
                bytes[at + i] = (byte) text.charAt(i);
            }
        } else {
            if (end > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(end, chars.length * 2));
            }
            text.getChars(0, text.length(), chars, at);
        }
        starts[++size] = end;
    }

    private static boolean latin1(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xff) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return size;
    }

    /** Heap the texts take: their units and offsets. */
    long bytes() {
        return (bytes != null ? bytes.length : 2L * chars.length) + 4L * starts.length;
    }

    /** Whether every unit is below 256 (kept a byte a unit). */
    boolean compact() {
        return bytes != null;
    }

    private char unit(int i) {
        return bytes != null ? (char) (bytes[i] & 0xff) : chars[i];
    }

    String get(int i) {
        int from = starts[i];
        int to = starts[i + 1];
        if (bytes != null) {
            return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
        }
        return new String(chars, from, to - from);
    }

    /** As {@code get(a).compareTo(get(b))}, without making either String. */
    int compare(int a, int b) {
        int i = starts[a];
        int aEnd = starts[a + 1];
        int j = starts[b];
        int bEnd = starts[b + 1];
        while (i < aEnd && j < bEnd) {
            char x = unit(i++);
            char y = unit(j++);
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
            char x = unit(at + k);
            char y = text.charAt(k);
            if (x != y) {
                return x - y;
            }
        }
        return length - text.length();
    }

    /** The same texts, in arrays no larger than they need. */
    PackedText trimmed() {
        int units = starts[size];
        return new PackedText(bytes == null ? null : Arrays.copyOf(bytes, units),
                chars == null ? null : Arrays.copyOf(chars, units), Arrays.copyOf(starts, size + 1), size);
    }
}
