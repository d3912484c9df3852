package org.iqracity.console.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * XML written straight as UTF-8 bytes into a buffer: the markup is ours and ASCII, only cell text needs escaping.
 * A million-row sheet is a gigabyte of XML, and a Writer with a charset encoder and an escaping pass per string
 * was most of the time it took (POI's streaming writer). Not thread-safe.
 */
final class XmlBytes {
    /** ASCII characters that text cannot carry as they are (see {@link #text}). */
    private static final boolean[] SPECIAL = new boolean[128];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** Room kept free for the longest thing written without a check: a long, an escape, a 4-byte character. */
    private static final int SLACK = 32;

    static {
        for (char c = 0; c < 0x20; c++) {
            SPECIAL[c] = c != '\t' && c != '\n';
        }
        SPECIAL['&'] = true;
        SPECIAL['<'] = true;
        SPECIAL['>'] = true;
        SPECIAL['"'] = true;
        SPECIAL['_'] = true;
    }

    private final OutputStream out;
    private final byte[] buf;
    private final int limit;
    private int pos;

    XmlBytes(OutputStream out, int bufferSize) {
        this.out = out;
        this.buf = new byte[bufferSize];
        this.limit = bufferSize - SLACK;
    }

    /** Markup: ASCII with nothing to escape. */
    XmlBytes raw(String ascii) throws IOException {
        int n = ascii.length();
        for (int i = 0; i < n; i++) {
            if (pos > limit) {
                drain();
            }
            buf[pos++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    XmlBytes raw(byte[] bytes) throws IOException {
        return raw(bytes, bytes.length);
    }

    /** The first {@code length} bytes of {@code bytes}. */
    XmlBytes raw(byte[] bytes, int length) throws IOException {
        if (length > buf.length - pos) {
            drain();
            if (length > buf.length) {
                out.write(bytes, 0, length);
                return this;
            }
        }
        System.arraycopy(bytes, 0, buf, pos, length);
        pos += length;
        return this;
    }

    XmlBytes num(long n) throws IOException {
        if (pos > limit) {
            drain();
        }
        if (n < 0) {
            if (n == Long.MIN_VALUE) {
                return raw(Long.toString(n));
            }
            buf[pos++] = '-';
            n = -n;
        }
        int digits = 1;
        for (long t = n; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        pos += digits;
        return this;
    }

    /** A finite number as xsd:double reads it; whole numbers without the ".0" Double.toString adds. */
    XmlBytes num(double d) throws IOException {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return num((long) d);
        }
        return raw(Double.toString(d));
    }

    /**
     * A non-negative number below 10^15 with at most ten decimals, trailing zeros dropped: how a date's serial is
     * written (a tenth of a millisecond of a day is 8.64 µs, so every millisecond reads back as written), without
     * the cost of the shortest exact form Double.toString looks for.
     */
    XmlBytes fixed10(double d) throws IOException {
        if (!(d >= 0 && d < 1e15)) {
            return num(d);
        }
        long whole = (long) d;
        long tenths = Math.round((d - whole) * 1e10);
        if (tenths >= 10_000_000_000L) {
            whole++;
            tenths = 0;
        }
        num(whole);
        if (tenths > 0) {
            int digits = 10;
            while (tenths % 10 == 0) {
                tenths /= 10;
                digits--;
            }
            buf[pos++] = '.';
            for (int i = pos + digits - 1; i >= pos; i--) {
                buf[i] = (byte) ('0' + tenths % 10);
                tenths /= 10;
            }
            pos += digits;
        }
        return this;
    }

    /**
     * Cell text. Besides XML's escapes: a carriage return becomes a character reference (a parser
     * would read it as a line feed); a character XML 1.0 cannot hold (most controls, a lone surrogate) is written as
     * Excel writes it, {@code _xHHHH_}, which Excel, LibreOffice and POI read back as that character; and an {@code _}
     * that would start such a sequence is itself escaped, so text that happens to read {@code _x0041_} stays so.
     */
    XmlBytes text(String s) throws IOException {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (pos > limit) {
                drain();
            }
            char c = s.charAt(i);
            if (c < 0x80) {
                if (!SPECIAL[c]) {
                    buf[pos++] = (byte) c;
                } else {
                    special(s, i, c);
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    buf[pos++] = (byte) (0xF0 | cp >> 18);
                    buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    buf[pos++] = (byte) (0x80 | cp & 0x3F);
                } else {
                    invalid(c);
                }
            } else if (c == 0xFFFE || c == 0xFFFF) {
                invalid(c);
            } else {
                buf[pos++] = (byte) (0xE0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return this;
    }

    private void special(String s, int i, char c) {
        switch (c) {
            case '&' -> ascii("&amp;");
            case '<' -> ascii("&lt;");
            case '>' -> ascii("&gt;");
            case '"' -> ascii("&quot;");
            case '\r' -> ascii("&#13;");
            case '_' -> {
                if (startsExcelEscape(s, i)) {
                    ascii("_x005F_");
                } else {
                    buf[pos++] = '_';
                }
            }
            default -> invalid(c);
        }
    }

    /** Whether {@code _xHHHH_} starts at {@code i}. */
    private static boolean startsExcelEscape(String s, int i) {
        if (i + 6 >= s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private void invalid(char c) {
        buf[pos++] = '_';
        buf[pos++] = 'x';
        buf[pos++] = HEX[c >> 12 & 0xF];
        buf[pos++] = HEX[c >> 8 & 0xF];
        buf[pos++] = HEX[c >> 4 & 0xF];
        buf[pos++] = HEX[c & 0xF];
        buf[pos++] = '_';
    }

    /** Short markup known to fit in the slack. */
    private void ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            buf[pos++] = (byte) s.charAt(i);
        }
    }

    /** Hands the buffer to the stream (the stream itself is not flushed). */
    void drain() throws IOException {
        if (pos > 0) {
            out.write(buf, 0, pos);
            pos = 0;
        }
    }
}
