package org.iqracity.console.documents;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a value is as a spreadsheet number: a number, or a date as Excel counts it (days since 1899-12-30, the time
 * of day as the fraction). NaN means "not one", and the cell stays text. Times are taken in UTC.
 */
final class CellValues {
    /** Spreadsheet dates start in 1900 and end in 9999; others stay text rather than showing as ####. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;
    /** Excel's serial of 1970-01-01. */
    private static final int EPOCH_SERIAL = 25_569;
    /** Excel counts a 29 February 1900 that never was: serials before 1 March 1900 are one less. */
    private static final long MARCH_1900 = LocalDate.of(1900, 3, 1).toEpochDay();
    private static final double SECONDS_PER_DAY = 86_400.0;

    private CellValues() {
    }

    static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s && plainNumber(s)) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException notANumber) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Whether {@code s} is a number as the platform writes most of them ({@code 42}, {@code -0.375}): a sign, at most
     * fifteen digits (what a spreadsheet keeps), no leading zero, a point between digits. Such text goes into the
     * sheet as it is, which reads there as the same number, without parsing and formatting it again.
     */
    static boolean plainDecimal(String s) {
        int n = s.length();
        int start = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (start == n || s.charAt(start) == '0' && start + 1 < n && s.charAt(start + 1) != '.') {
            return false;
        }
        int digits = 0;
        int point = -1;
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && point < 0 && i > start && i < n - 1) {
                point = i;
            } else {
                return false;
            }
        }
        return digits <= 15;
    }

    /** A date's serial (a whole number); a time's date, without the time. */
    static double date(Object value) {
        LocalDate date = switch (value) {
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case Instant i -> i.atOffset(ZoneOffset.UTC).toLocalDate();
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            case String s when !s.isBlank() -> parseDate(s.strip());
            default -> null;
        };
        return date == null ? Double.NaN : serial(date, 0);
    }

    static double dateTime(Object value) {
        if (value instanceof String s) {
            double fast = isoInstant(s);
            if (!Double.isNaN(fast) || s.isBlank()) {
                return fast;
            }
        }
        LocalDateTime time = switch (value) {
            case LocalDateTime t -> t;
            case LocalDate d -> d.atStartOfDay();
            case Instant i -> LocalDateTime.ofInstant(i, ZoneOffset.UTC);
            case OffsetDateTime o -> o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            case String s -> parseDateTime(s.strip());
            default -> null;
        };
        return time == null ? Double.NaN
                : serial(time.toLocalDate(), time.toLocalTime().toSecondOfDay() + time.getNano() / 1e9);
    }

    private static double serial(LocalDate date, double secondOfDay) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            return Double.NaN;
        }
        long day = date.toEpochDay();
        return day + EPOCH_SERIAL - (day < MARCH_1900 ? 1 : 0) + secondOfDay / SECONDS_PER_DAY;
    }

    /**
     * {@code 2026-01-12T10:15:30Z}, with up to nine digits of fraction: how the platform writes every time of a
     * roster, read without a formatter (two of them a row cost more than writing the row). Anything else: NaN.
     * ({@code api.InstantText} reads the same form into instants; the layering keeps the two apart.)
     */
    private static double isoInstant(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(n - 1) != 'Z') {
            return Double.NaN;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return Double.NaN;
        }
        double fraction = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return Double.NaN;
            }
            int nanos = digits(s, 20, n - 21);
            if (nanos < 0) {
                return Double.NaN;
            }
            fraction = nanos / Math.pow(10, n - 21);
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException notADay) {
            return Double.NaN;
        }
        return serial(date, hour * 3600 + minute * 60 + second + fraction);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 if any of it is not a digit. */
    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Digits with an optional sign, point and exponent: what Double.parseDouble reads, minus NaN, hex and "1d". */
    private static boolean plainNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digit = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digit;
    }

    private static LocalDate parseDate(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException notADate) {
            LocalDateTime time = parseDateTime(s);
            return time == null ? null : time.toLocalDate();
        }
    }

    private static LocalDateTime parseDateTime(String s) {
        try {
            return LocalDateTime.ofInstant(Instant.parse(s), ZoneOffset.UTC);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return OffsetDateTime.parse(s).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDateTime.parse(s);
                } catch (DateTimeParseException notLocal) {
                    return null;
                }
            }
        }
    }
}
