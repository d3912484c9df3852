package org.iqracity.console.ui.breach;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.iqracity.console.ui.common.Messages;

/** Dates, times and counts as the breach screen shows them, in the person's time zone and locale. */
final class BreachFormat {

    private final DateTimeFormatter dateTime;
    private final NumberFormat count;
    private final Messages messages;

    BreachFormat(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(zone);
        this.count = NumberFormat.getIntegerInstance(messages.locale());
    }

    String when(Instant at) {
        return at == null ? messages.get("breach.unknown") : dateTime.format(at);
    }

    String count(long n) {
        return count.format(n);
    }
}
