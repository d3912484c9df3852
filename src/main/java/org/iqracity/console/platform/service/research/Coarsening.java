package org.iqracity.console.platform.service.research;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** How one value is made coarser: years of birth to bands, times to periods, codes to words. Pure functions. */
public final class Coarsening {
    /** What a quasi-identifier shows when the learner did not give it (or was retired, R6). */
    public static final String UNKNOWN = "unknown";

    /** How finely a time is shown. */
    public enum Period { WEEK, MONTH, QUARTER, YEAR }

    /** How finely a count other learners can see is shown: bands, from five down to two. */
    public enum CountBands { FIVE, THREE, TWO }

    private Coarsening() {
    }

    /** The band of {@code width} years holding the year, aligned to multiples of the width: 1987, 5 -> "1985-1989". */
    public static String yearBand(Integer year, int width) {
        if (year == null) {
            return UNKNOWN;
        }
        int start = Math.floorDiv(year, width) * width;
        return start + "-" + (start + width - 1);
    }

    /** The time in UTC at the given precision: "2026-W05" (ISO week), "2026-01", "2026-Q1" or "2026". */
    public static String period(Instant at, Period period) {
        if (at == null) {
            return "";
        }
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        // concatenation, not String.format: this runs for every row at every step of the ladder
        return switch (period) {
            case WEEK -> day.get(IsoFields.WEEK_BASED_YEAR) + "-W"
                    + twoDigits(day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.getYear() + "-" + twoDigits(day.getMonthValue());
            case QUARTER -> day.getYear() + "-Q" + day.get(IsoFields.QUARTER_OF_YEAR);
            case YEAR -> Integer.toString(day.getYear());
        };
    }

    /** The platform's gender codes (Open edX's) as words. */
    public static String gender(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "f" -> "female";
            case "m" -> "male";
            default -> "other";
        };
    }

    /** The platform's level-of-education codes (Open edX's) as words. */
    public static String education(String code) {
        if (code == null || code.isBlank()) {
            return UNKNOWN;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "p" -> "doctorate";
            case "m" -> "master";
            case "b" -> "bachelor";
            case "a" -> "associate";
            case "hs" -> "secondary";
            case "jhs" -> "lower secondary";
            case "el" -> "primary";
            case "none" -> "none";
            default -> "other";
        };
    }

    /** Levels of education in four broad groups, for when the single levels single people out. */
    public static String educationGroup(String code) {
        return switch (education(code)) {
            case "doctorate", "master" -> "postgraduate";
            case "bachelor", "associate" -> "undergraduate";
            case "secondary", "lower secondary" -> "secondary";
            case "primary", "none" -> "primary or none";
            case UNKNOWN -> UNKNOWN;
            default -> "other";
        };
    }

    /**
     * A count as a band: five bands {@code 0, 1, 2-4, 5-9, 10+}, three {@code 0, 1-4, 5+} or two {@code 0, 1+}.
     * Each band of the coarser forms is a union of bands of the finer, so a learner's bands never contradict.
     */
    public static String countBand(int count, CountBands bands) {
        if (count <= 0) {
            return "0";
        }
        return switch (bands) {
            case FIVE -> count == 1 ? "1" : count < 5 ? "2-4" : count < 10 ? "5-9" : "10+";
            case THREE -> count < 5 ? "1-4" : "5+";
            case TWO -> "1+";
        };
    }

    /** A share of 0..1 to two decimals, so a value cannot be matched digit for digit against another export. */
    public static String share(double value) {
        long hundredths = Math.round(value * 100);
        if (hundredths < 0 || Double.isNaN(value)) {
            return String.format(Locale.ROOT, "%.2f", hundredths / 100.0);
        }
        return hundredths / 100 + "." + twoDigits((int) (hundredths % 100));
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
