package org.iqracity.console.api.breach;

import java.time.Instant;
import java.util.List;

/**
 * An incident and its notice. From submission on, {@code textFingerprint} and {@code recipientsFingerprint} name
 * exactly what the approver approves; approval freezes both. {@code siteNotice} is the notice that is up,
 * {@code proposedSiteNotice} one waiting for a second officer. {@code youMayApprove}: the notice waits for approval and
 * the caller is an officer who wrote none of it. {@code regulatorNotification}: that the supervisory authority was
 * told, null until an officer records it; the 72-hour clock ({@code regulatorDeadline}) stops then. {@code scope} is
 * null while no one has chosen who the notice is for.
 */
public record IncidentDto(String id, String title, IncidentState state, long version, Instant discoveredAt,
                          Instant regulatorDeadline, Instant occurredFrom, Instant occurredTo, String whatHappened,
                          List<DataCategory> dataCategories, String systems, String measures, String learnerActions,
                          String contact, BreachScope scope, String subject, String body, String createdBy,
                          Instant createdAt, String submittedBy, Instant submittedAt, String approvedBy,
                          Instant approvedAt, String textFingerprint, String recipientsFingerprint,
                          long recipientCount, DeliveryProgressDto progress, SiteNoticeDto siteNotice,
                          List<TimelineEntryDto> timeline, SiteNoticeDto proposedSiteNotice, boolean youMayApprove,
                          RegulatorNotification regulatorNotification) {

    public String etag() {
        return etagOf(version);
    }

    public static String etagOf(long version) {
        return "\"v" + version + "\"";
    }

    public IncidentRequest toRequest() {
        return new IncidentRequest(title, discoveredAt, occurredFrom, occurredTo, whatHappened, dataCategories,
                systems, measures, learnerActions, contact, scope, subject, body);
    }
}
