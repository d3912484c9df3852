package org.iqracity.console.ui.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.ui.common.Messages;

/** The keys of insight cells in words: months, weeks, buckets, funnel stages, countries, levels of education. */
public final class InsightWords {
    private final Messages messages;
    private final DateTimeFormatter month;
    private final DateTimeFormatter day;

    public InsightWords(Messages messages) {
        this.messages = messages;
        this.month = DateTimeFormatter.ofPattern("MMM yyyy", messages.locale());
        this.day = DateTimeFormatter.ofPattern("d MMM yyyy", messages.locale());
    }

    /** What a reader sees for a suppressed cell: never a number (R11). */
    public String suppressed() {
        return messages.get("insights.suppressed");
    }

    public String count(InsightCell cell) {
        return cell.suppressed() ? suppressed() : String.format(messages.locale(), "%,d", cell.count());
    }

    /** "Jan 2026" for "2026-01". */
    public String month(String key) {
        return month.format(YearMonth.parse(key));
    }

    /** "12 Jan 2026" for the Monday "2026-01-12". */
    public String week(String key) {
        return day.format(LocalDate.parse(key));
    }

    /** "50–60 %" for "50-60". */
    public String bucket(String key) {
        return range(key) + " %";
    }

    /** "50–60" for "50-60", where the axis says what the numbers are. */
    public static String range(String key) {
        return key.replace("-", "\u2013");
    }

    public String stage(String key) {
        return lookup("insights.stage." + key, key);
    }

    public String mode(String mode) {
        return lookup("insights.mode." + mode, mode);
    }

    /** The country's name in the console's language, "Not stated" for {@link CourseInsightsDto#NOT_STATED}. */
    public String country(String key) {
        if (CourseInsightsDto.NOT_STATED.equals(key)) {
            return messages.get("insights.notStated");
        }
        String name = Locale.of("", key).getDisplayCountry(messages.locale());
        return name.isBlank() ? key : name;
    }

    public String education(String key) {
        if (CourseInsightsDto.NOT_STATED.equals(key)) {
            return messages.get("insights.notStated");
        }
        return lookup("insights.education." + key, key);
    }

    private String lookup(String key, String fallback) {
        String words = messages.get(key);
        return words.startsWith("!") ? fallback : words;
    }
}
