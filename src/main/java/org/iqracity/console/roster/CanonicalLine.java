package org.iqracity.console.roster;

import java.util.Arrays;
import java.util.List;
import org.iqracity.console.api.RosterCanon;

/**
 * A row's canonical line ({@link RosterCanon#csvLine}) as UTF-8 bytes, in a buffer used again for every row: the
 * same bytes as {@code csvLine(values).getBytes(UTF_8)} (an unpaired surrogate becomes '?' there too), without
 * building the line as a string and copying it twice. Checking a roster's digest does this for every row. Not
 * thread-safe.
 */
final class CanonicalLine {
    private byte[] buf = new byte[1024];
    private int len;

    /** Encodes the row; {@link #bytes()} holds it until the next call. */
    void encode(List<String> values) {
        len = 0;
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                put((byte) ',');
            }
            String v = values.get(i) == null ? "" : values.get(i);
            if (RosterCanon.needsQuotes(v)) {
                put((byte) '"');
                utf8(v, true);
                put((byte) '"');
            } else {
                utf8(v, false);
            }
        }
        put((byte) '\r');
        put((byte) '\n');
    }

    byte[] bytes() {
        return buf;
    }

    int length() {
        return len;
    }

    private void utf8(String v, boolean doubleQuotes) {
        int n = v.length();
        if (buf.length - len < 4 * n + 8) {
            buf = Arrays.copyOf(buf, Math.max(2 * buf.length, len + 4 * n + 8));
        }
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                if (c == '"' && doubleQuotes) {
                    buf[len++] = '"';
                }
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | c >> 6);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(v.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, v.charAt(++i));
                    buf[len++] = (byte) (0xF0 | cp >> 18);
                    buf[len++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[len++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    buf[len++] = '?';
                }
            } else {
                buf[len++] = (byte) (0xE0 | c >> 12);
                buf[len++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[len++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, 2 * buf.length);
        }
        buf[len++] = b;
    }
}
