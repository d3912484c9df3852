package org.iqracity.console.ui.breach;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.ui.common.Messages;

/** The breach screen's codes in words: states, channels, delivery statuses, data categories, the clock. */
public final class BreachWords {

    private final Messages messages;

    public BreachWords(Messages messages) {
        this.messages = messages;
    }

    public String state(IncidentState state) {
        return state == null ? "" : messages.get("breach.state." + state.name());
    }

    public String channel(NoticeChannel channel) {
        return channel == null ? messages.get("breach.filter.anyChannel") : messages.get("breach.channel." + channel);
    }

    public String status(DeliveryStatus status) {
        return status == null ? messages.get("breach.filter.anyStatus") : messages.get("breach.status." + status);
    }

    public String category(DataCategory category) {
        return messages.get("breach.category." + category.name());
    }

    public String categories(List<DataCategory> categories) {
        return categories.stream().map(this::category).collect(Collectors.joining(", "));
    }

    /** A timeline step the console does not know yet reads as its code, tidied. */
    public String step(String code) {
        if (code == null) {
            return "";
        }
        String words = messages.get("breach.step." + code);
        if (!words.startsWith("!")) {
            return words;
        }
        String tidy = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return tidy.isEmpty() ? tidy : Character.toUpperCase(tidy.charAt(0)) + tidy.substring(1);
    }

    /** "58 h 12 min left", "Overdue by 3 h 5 min"; "Authority notified" or "Clock stopped" once it stopped. */
    public String countdown(Countdown c) {
        if (!c.known()) {
            return "";
        }
        if (c.finished()) {
            return messages.get(c.notified() ? "breach.clock.notified" : "breach.clock.stopped");
        }
        if (c.overdue()) {
            return messages.format("breach.clock.overdue", span(c.left().negated()));
        }
        return messages.format("breach.clock.left", span(c.left()));
    }

    /** "2 d 4 h", "58 h 12 min", "35 min". */
    public String span(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long hours = minutes / 60;
        if (hours >= 96) {
            return messages.format("breach.span.days", hours / 24, hours % 24);
        }
        if (hours > 0) {
            return messages.format("breach.span.hours", hours, minutes % 60);
        }
        return messages.format("breach.span.minutes", minutes);
    }
}
