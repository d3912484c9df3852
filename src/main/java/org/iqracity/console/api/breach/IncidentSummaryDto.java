package org.iqracity.console.api.breach;

import java.time.Instant;

/** An incident in the list, with its 72-hour clock ({@code regulatorDeadline} = discovered + 72 h). */
public record IncidentSummaryDto(String id, String title, IncidentState state, Instant discoveredAt,
                                 Instant regulatorDeadline, String createdBy, Instant createdAt, long recipientCount,
                                 DeliveryProgressDto progress) {
}
