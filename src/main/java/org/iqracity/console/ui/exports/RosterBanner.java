package org.iqracity.console.ui.exports;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.stream.Collectors;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.ViewWords;

/** What an open roster says about itself, in words: who exported it and when, its signature, the views it holds. */
final class RosterBanner {
    private final Messages messages;

    RosterBanner(Messages messages) {
        this.messages = messages;
    }

    String exported(RosterManifest m) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(messages.locale()).withZone(ZoneId.systemDefault());
        DateTimeFormatter day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(messages.locale())
                .withZone(ZoneId.systemDefault());
        return messages.format("offline.banner.exported", m.exportedByName(), m.exportedBy(), m.memberName(),
                when.format(m.exportedAt()), m.expiresAt() == null ? "-" : day.format(m.expiresAt()), m.rowCount(),
                m.courses().size());
    }

    String signature(boolean verified, String verifiedBy) {
        return verified ? messages.format("offline.banner.verified", verifiedBy)
                : messages.get("offline.banner.unverified");
    }

    /**
     * What part of each course the roster holds when it is a view of the Learners screen (its search, filters and
     * order, signed with the rows), one sentence a course; empty for whole courses.
     */
    String views(RosterManifest m) {
        ViewWords words = new ViewWords(messages);
        return m.courses().stream().filter(c -> c.view() != null)
                .map(c -> messages.format("offline.view", c.courseId(), c.rowCount(), words.describe(c.view())))
                .collect(Collectors.joining(" "));
    }
}
