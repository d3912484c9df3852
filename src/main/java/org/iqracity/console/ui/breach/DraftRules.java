package org.iqracity.console.ui.breach;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.ui.common.Messages;

/** What is wrong with a draft as it stands, by field, in words; {@link DraftChecks} says when each shows. */
final class DraftRules {
    private final Messages messages;
    private final Clock clock;
    private final DraftForm form;

    DraftRules(Messages messages, Clock clock, DraftForm form) {
        this.messages = messages;
        this.clock = clock;
        this.form = form;
    }

    Map<DraftField, String> broken() {
        Map<DraftField, String> wrong = new EnumMap<>(DraftField.class);
        facts(wrong);
        scope(wrong);
        if (form.subject.get().isBlank()) {
            wrong.put(DraftField.SUBJECT, messages.get("breach.check.subject"));
        }
        if (form.body.get().isBlank()) {
            wrong.put(DraftField.BODY, messages.get("breach.check.body"));
        }
        return wrong;
    }

    private void facts(Map<DraftField, String> wrong) {
        if (form.title.get().isBlank()) {
            wrong.put(DraftField.TITLE, messages.get("breach.check.title"));
        }
        if (form.discoveredAt.get() == null) {
            wrong.put(DraftField.DISCOVERED_AT, messages.get("breach.check.discovered"));
        } else if (form.discoveredAt.get().isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            wrong.put(DraftField.DISCOVERED_AT, messages.get("breach.check.discoveredFuture"));
        }
        if (form.occurredFrom.get() != null && form.occurredTo.get() != null
                && form.occurredTo.get().isBefore(form.occurredFrom.get())) {
            wrong.put(DraftField.OCCURRED_TO, messages.get("breach.check.occurred"));
        }
    }

    private void scope(Map<DraftField, String> wrong) {
        if (form.mode.get() == null) {
            wrong.put(DraftField.SCOPE, messages.get("breach.check.scope"));
        } else if (form.mode.get() == ScopeMode.LIST && form.listCount.get() == 0) {
            wrong.put(DraftField.SCOPE_LEARNERS, messages.get("breach.check.list"));
        } else if (form.mode.get() == ScopeMode.FILTER && !form.chosen()) {
            wrong.put(DraftField.SCOPE_COURSES, messages.get("breach.check.courses"));
        }
        if (form.mode.get() == ScopeMode.FILTER && form.enrolledFrom.get() != null && form.enrolledTo.get() != null
                && form.enrolledTo.get().isBefore(form.enrolledFrom.get())) {
            wrong.put(DraftField.SCOPE_ENROLLED_TO, messages.get("breach.check.enrolled"));
        }
    }
}
