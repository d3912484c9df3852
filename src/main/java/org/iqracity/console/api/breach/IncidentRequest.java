package org.iqracity.console.api.breach;

import java.time.Instant;
import java.util.List;

/**
 * What a security officer writes when creating or editing a draft. Ids, Member, author, state and timestamps are the
 * platform's and cannot be sent. {@code subject} and {@code body} are the notice template: placeholders such as
 * {@code {{learner_name}}} are filled per learner; lines starting with "# " are headings.
 */
public record IncidentRequest(String title, Instant discoveredAt, Instant occurredFrom, Instant occurredTo,
                              String whatHappened, List<DataCategory> dataCategories, String systems, String measures,
                              String learnerActions, String contact, BreachScope scope, String subject, String body) {
    public IncidentRequest {
        dataCategories = dataCategories == null ? List.of() : List.copyOf(dataCategories);
    }
}
