package org.iqracity.console.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the instants the platform writes ({@code 2026-03-01T09:30:05.123456Z}: UTC, zero to nine fraction digits)
 * without {@code DateTimeFormatter}: the JDK's ISO instant parser builds a formatter, a parse context and a map for
 * every value, which made date parsing about a tenth of all the console's allocation while it scrolled through a
 * course (three instants a learner, 500 learners a page). Anything else in that place (an offset, a number, a leap
 * second, a malformed text) goes to Jackson's own reader, which accepts or refuses it as before. The documents
 * package reads the same form into spreadsheet serials ({@code CellValues}); the layering keeps the two apart (api and
 * documents depend on nothing of each other), so a change to the wire's form changes both.
 */
final class InstantText extends StdDeserializer<Instant> {
    private static final long SECONDS_A_DAY = 86_400;

    InstantText() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            Instant fast = parse(p.getText());
            if (fast != null) {
                return fast;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(p, ctxt);
    }

    /** The instant, or null when the text is not exactly {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with valid fields. */
    static Instant parse(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (s.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(s, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = fraction; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_A_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code s[from, to)}, or -1 if a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
