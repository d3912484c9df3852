package org.iqracity.console.ui.breach;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.Placeholders;
import org.iqracity.console.ui.common.Messages;

/**
 * The notice's subject and text as every learner reads them, for summaries: what is the same for everyone (the
 * Member, the incident's facts) filled in as the platform fills it, what differs per learner shown as a marker such
 * as "‹learner's name›". A placeholder the platform does not know stays as it was written.
 */
final class NoticeFill {


    /** The facts a notice's placeholders come from. */
    record Facts(String title, Instant discoveredAt, Instant occurredFrom, Instant occurredTo, String whatHappened,
                 List<DataCategory> categories, String measures, String learnerActions, String contact) {
    }

    private final Messages messages;
    /** The platform writes dates in learners' notices in UTC, as a day: the summary says the same day. */
    private final DateTimeFormatter date;

    NoticeFill(Messages messages) {
        this.messages = messages;
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", messages.locale()).withZone(ZoneOffset.UTC);
    }

    String fill(String template, String memberName, Facts facts) {
        if (template == null || template.isEmpty()) {
            return "";
        }
        return Placeholders.fill(template, values(memberName, facts));
    }

    private Map<String, String> values(String memberName, Facts f) {
        Map<String, String> v = new HashMap<>();
        v.put("learner_name", messages.get("breach.fill.learnerName"));
        v.put("username", messages.get("breach.fill.username"));
        v.put("member_name", memberName == null || memberName.isBlank() ? messages.get("breach.fill.memberName")
                : memberName);
        v.put("incident_title", text(f.title()));
        v.put("discovered_date", f.discoveredAt() == null ? messages.get("breach.fill.unknownDate")
                : date.format(f.discoveredAt()));
        v.put("occurred", occurred(f.occurredFrom(), f.occurredTo()));
        v.put("what_happened", text(f.whatHappened()));
        v.put("data_involved", involved(f.categories()));
        v.put("measures", text(f.measures()));
        v.put("learner_actions", text(f.learnerActions()));
        v.put("contact", text(f.contact()));
        return v;
    }

    private String occurred(Instant from, Instant to) {
        if (from == null && to == null) {
            return messages.get("breach.fill.occurred.unknown");
        }
        if (to == null || from != null && date.format(from).equals(date.format(to))) {
            return messages.format("breach.fill.occurred.on", date.format(from != null ? from : to));
        }
        if (from == null) {
            return messages.format("breach.fill.occurred.before", date.format(to));
        }
        return messages.format("breach.fill.occurred.between", date.format(from), date.format(to));
    }

    private String involved(List<DataCategory> categories) {
        if (categories == null || categories.isEmpty()) {
            return messages.get("breach.fill.involved.unknown");
        }
        List<String> names = categories.stream().map(c -> messages.get("breach.fill.category." + c.name())).toList();
        return messages.format("breach.fill.involved", String.join("; ", names));
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
