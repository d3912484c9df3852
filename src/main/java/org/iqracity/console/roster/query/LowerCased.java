package org.iqracity.console.roster.query;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values of a column that are not all ASCII, lower-cased exactly as {@code String.toLowerCase(Locale.ROOT)} does,
 * one after another, for {@link TextKeys}. The JDK lower-cases each UTF-16 unit on its own with
 * {@link Character#toLowerCase(int)}, except a capital sigma (its lower case depends on the word around it), a capital
 * I with a dot (which becomes two units) and surrogates: values with one of those go through the JDK itself, which
 * is slow for a sigma (it looks for word boundaries), so its answers are remembered; names repeat. The others are
 * decoded from the stored UTF-8 here, without making a String.
 */
final class LowerCased {
    private static final int REMEMBERED = 1 << 14;

    private final int places;
    private final Map<String, String> byJdk = new HashMap<>();
    private int[] at;
    private char[] units = new char[0];
    private int[] ends = new int[0];
    private int used;
    private int count;

    LowerCased(int places) {
        this.places = places;
    }

    /** Adds the value at {@code place} (its UTF-8 bytes) and marks the units it uses in {@code seen}. */
    void add(int place, byte[] data, int start, int end, boolean[] seen) {
        room(end - start);
        int written = decode(data, start, end);
        if (written < 0) {
            String value = new String(data, start, end - start, StandardCharsets.UTF_8);
            String lower = byJdk.get(value);
            if (lower == null) {
                lower = value.toLowerCase(Locale.ROOT);
                if (byJdk.size() < REMEMBERED) {
                    byJdk.put(value, lower);
                }
            }
            room(lower.length());
            lower.getChars(0, lower.length(), units, used);
            written = lower.length();
        }
        for (int i = used; i < used + written; i++) {
            seen[units[i]] = true;
        }
        used += written;
        ends[count] = used;
        at[place] = count++;
    }

    /** The units written at {@link #used}, or -1 when only the JDK can lower-case the value. */
    private int decode(byte[] data, int start, int end) {
        int out = used;
        for (int i = start; i < end; ) {
            int b = data[i];
            int unit;
            if (b >= 0) {
                unit = b;
                i++;
            } else if ((b & 0xE0) == 0xC0 && i + 1 < end) {
                unit = (b & 0x1F) << 6 | (data[i + 1] & 0x3F);
                i += 2;
            } else if ((b & 0xF0) == 0xE0 && i + 2 < end) {
                unit = (b & 0x0F) << 12 | (data[i + 1] & 0x3F) << 6 | (data[i + 2] & 0x3F);
                i += 3;
            } else {
                // four bytes: a pair of surrogates
                return -1;
            }
            if (unit == '\u03A3' || unit == '\u0130' || Character.isSurrogate((char) unit)) {
                return -1;
            }
            int lower = Character.toLowerCase(unit);
            if (lower > Character.MAX_VALUE) {
                return -1;
            }
            units[out++] = (char) lower;
        }
        return out - used;
    }

    private void room(int more) {
        if (at == null) {
            at = new int[places];
            Arrays.fill(at, -1);
            units = new char[1 << 12];
            ends = new int[1 << 8];
        }
        if (used + more > units.length) {
            units = Arrays.copyOf(units, Math.max(units.length * 2, used + more));
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
    }

    /** Which value here is the one at {@code place}, or -1 when that one is all ASCII. */
    int indexOf(int place) {
        return at == null ? -1 : at[place];
    }

    /** The lower-cased values' units, one after another. */
    char[] units() {
        return units;
    }

    /** Where each value ends in {@link #units()}, exclusive. */
    int[] ends() {
        return ends;
    }
}
