package org.iqracity.console.api.breach;

import java.time.Instant;

/**
 * An incident in the list, with its 72-hour clock ({@code regulatorDeadline} = discovered + 72 h), which stops at
 * {@code regulatorNotifiedAt} (null until the supervisory authority's notification is recorded).
 * {@code awaitsYourApproval}: it is submitted and the caller is an officer who may approve it.
 */
public record IncidentSummaryDto(String id, String title, IncidentState state, Instant discoveredAt,
                                 Instant regulatorDeadline, String createdBy, Instant createdAt, long recipientCount,
                                 DeliveryProgressDto progress, Instant regulatorNotifiedAt,
                                 boolean awaitsYourApproval) {
}
