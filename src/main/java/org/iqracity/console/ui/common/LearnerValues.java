package org.iqracity.console.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * A learner's values in the words the Learners screen shows them in, for every screen that shows them: progress and
 * grade as percentages, the enrollment mode by name, Yes and No, and days in the computer's own time zone ("Never"
 * for a day that did not happen). Used on the FX thread: the formats it keeps are not shared between threads.
 */
public final class LearnerValues {
    private final Messages messages;
    private final NumberFormat percent;
    private final DateTimeFormatter date;

    public LearnerValues(Messages messages) {
        this(messages, ZoneId.systemDefault());
    }

    public LearnerValues(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.percent = NumberFormat.getPercentInstance(messages.locale());
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale()).withZone(zone);
    }

    /** 0.42 as "42%". */
    public String percent(double fraction) {
        return percent.format(fraction);
    }

    /** An enrollment mode's name ("VERIFIED") as "Verified". */
    public String mode(String name) {
        return name == null || name.isEmpty() ? "" : name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** A gender code of the platform ("f") in words, or the code as it is when it has none. */
    public String gender(String code) {
        return worded("learners.gender.", code);
    }

    /** A level-of-education code of the platform ("b") in words, or the code as it is when it has none. */
    public String education(String code) {
        return worded("learners.education.", code);
    }

    private String worded(String prefix, String code) {
        return code == null || code.isEmpty() || !messages.has(prefix + code) ? code : messages.get(prefix + code);
    }

    public String yesNo(boolean value) {
        return messages.get(value ? "learners.yes" : "learners.no");
    }

    /** The local day of {@code when}, or "Never". */
    public String day(Instant when) {
        return when == null ? messages.get("detail.never") : date.format(when);
    }
}
