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

    /**
     * A fingerprint as people compare it by eye: its first 16 characters in groups of four, "3f2a 91bc 07de 55a1",
     * the same part the timeline names. Empty for none.
     */
    static String shortFingerprint(String full) {
        if (full == null || full.isBlank()) {
            return "";
        }
        String head = full.strip().substring(0, Math.min(16, full.strip().length()));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < head.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(head, i, Math.min(head.length(), i + 4));
        }
        return out.toString();
    }
}
