package org.iqracity.console.roster;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: quoted fields may hold commas, quotes and line breaks. A plain field that lies whole
 * in the buffer (nearly every field of a roster) becomes a string straight from the buffer; any other goes character
 * by character.
 */
final class CsvRecords {
    private static final int END_OF_RECORD = -1;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private final StringBuilder field = new StringBuilder();
    private int pos;
    private int len;
    /** Fields of the last record: the next one most likely has as many. */
    private int width = 8;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** The next record, or null at the end. */
    List<String> next() throws IOException {
        if (pos == len && !fill()) {
            return null;
        }
        List<String> fields = new ArrayList<>(width);
        while (true) {
            int start = pos;
            int i = plainEnd(buf, start, len);
            char c = i < len ? buf[i] : 0;
            int ended;
            if (i < len && c != '"') {
                fields.add(new String(buf, start, i - start));
                pos = i + 1;
                if (c == '\r' && read() != '\n') {
                    throw new IOException("bare carriage return");
                }
                ended = c == ',' ? ',' : END_OF_RECORD;
            } else {
                ended = field(fields);
            }
            if (ended == END_OF_RECORD) {
                width = fields.size();
                return fields;
            }
        }
    }

    /**
     * Where a field without quotes that starts at {@code from} ends: its comma or line break, a quote (the field
     * needs the general rules), or {@code to}.
     */
    private static int plainEnd(char[] buf, int from, int to) {
        int i = from;
        while (i < to) {
            char c = buf[i];
            if (c == ',' || c == '\n' || c == '\r' || c == '"') {
                return i;
            }
            i++;
        }
        return i;
    }

    /**
     * One field from the current position, by the general rules (quotes, a buffer that ends inside it, the end of
     * the input); adds it and says what ended it: a comma or the end of the record.
     */
    private int field(List<String> fields) throws IOException {
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        int c = read();
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new IOException("unterminated quoted field");
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                return ',';
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r' && read() != '\n') {
                    throw new IOException("bare carriage return");
                }
                fields.add(field.toString());
                return END_OF_RECORD;
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private boolean fill() throws IOException {
        len = in.read(buf);
        pos = 0;
        if (len <= 0) {
            len = 0;
            return false;
        }
        return true;
    }
}
