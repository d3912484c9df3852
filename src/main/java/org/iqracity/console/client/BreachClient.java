package org.iqracity.console.client;

import java.io.OutputStream;
import java.util.List;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;

/** Breach notices (R8), for security officers: {@link PlatformClient#breach()}. */
public interface BreachClient {

    /** How the incident record for the regulator's file is written. */
    enum RecordFormat { CSV, PDF }

    /** The Member's incidents, newest first, each with its 72-hour clock. */
    List<IncidentSummaryDto> incidents();

    /**
     * The same list, asked as the console's own periodic check: the platform does not count it as the person's
     * activity, so an idle session still ends on time.
     */
    default List<IncidentSummaryDto> incidentsInBackground() {
        return incidents();
    }

    /** The jurisdiction table: which channels each country (or region) calls for. */
    List<JurisdictionDto> jurisdictions();

    /** Creates a draft; the answer carries the entity tag the next change must send back. */
    Versioned<IncidentDto> create(IncidentRequest request);

    Versioned<IncidentDto> incident(String incidentId);

    /**
     * Changes a draft. Fails with 412 {@code version_conflict} when {@code ifMatch} no longer names the current
     * version, 409 once it is no longer a draft, 422 {@code validation_failed} naming the fields.
     */
    Versioned<IncidentDto> save(String incidentId, String ifMatch, IncidentRequest request);

    /** Who the saved draft reaches and how: counts per channel and jurisdiction, flags, sample learners. */
    BreachPreviewDto preview(String incidentId);

    /** The notice as one learner in the scope would receive it; 404 when the learner is not in the scope. */
    NoticeMessageDto noticeMessage(String incidentId, String learnerId);

    /** Draft to submitted: the text and recipients get their fingerprints. */
    IncidentDto submit(String incidentId);

    /** Back to its author as a draft, with the reason. */
    IncidentDto returnToAuthor(String incidentId, String reason);

    /** Approves what the fingerprints name; 403 for the author, 409 when either no longer matches. */
    IncidentDto approve(String incidentId, String textFingerprint, String recipientsFingerprint);

    /** Starts sending in the background; progress comes with {@link #incident}. */
    IncidentDto send(String incidentId);

    IncidentDto cancel(String incidentId, String reason);

    /** Records that the supervisory authority was notified; the incident's 72-hour clock stops then. */
    IncidentDto recordRegulatorNotification(String incidentId, RegulatorNotificationRequest request);

    /** One page of delivery records; {@code status} and {@code channel} null for all, {@code cursor} null first. */
    Page<DeliveryDto> deliveries(String incidentId, DeliveryStatus status, NoticeChannel channel, String cursor,
                                 int limit);

    /** Failed emails go back to the sender. */
    IncidentDto retryDeliveries(String incidentId);

    /** Settles an in-doubt message after the mail server's log was checked. */
    DeliveryDto resolveDelivery(String incidentId, long deliveryId, DeliveryResolution resolution);

    /** Streams the letters PDF (one letter per learner who needs one) into {@code out}; answers the bytes written. */
    long lettersPdf(String incidentId, OutputStream out);

    /** Streams the whole incident record for the regulator into {@code out}; answers the bytes written. */
    long record(String incidentId, RecordFormat format, OutputStream out);

    /**
     * Proposes a site notice for this incident (to replace the one that is up, if any); it goes up once another
     * officer approves it.
     */
    SiteNoticeDto proposeSiteNotice(String incidentId, SiteNoticeRequest request);

    /** Puts up the site notice another officer proposed, naming the fingerprint of the text read. */
    SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint);

    /** Takes the site notice down and discards a proposal waiting for approval. */
    void withdrawSiteNotice(String incidentId);
}
