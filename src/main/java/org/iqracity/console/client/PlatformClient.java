package org.iqracity.console.client;

import java.io.OutputStream;
import java.net.URI;
import java.util.List;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.research.ResearchExportRequest;

/**
 * What the console asks of one platform. Calls block and may run on any thread; failures are {@link ApiException}
 * subtypes. Once signed in, the client renews its access token by itself.
 */
public interface PlatformClient {

    URI baseUri();

    HealthDto health();

    /** @param totp the second factor, or null when the platform has not asked for one */
    SessionDto signIn(String username, String password, String totp);

    /** Revokes the session on the platform; the client forgets its tokens whatever the answer. */
    void signOut();

    boolean signedIn();

    MeDto me();

    /** All courses the signed-in person may see, following every page. */
    List<CourseDto> courses();

    CourseDto course(String courseId);

    Page<LearnerRowDto> learners(String courseId, LearnerQuery query);

    LearnerDetailDto learner(String courseId, String learnerId);

    /** A course's tracking settings now, with the entity tag a change must send back. */
    Versioned<TrackingSettingsDto> tracking(String courseId);

    /**
     * Saves a new version of a course's tracking settings. Fails with 412 {@code version_conflict} when
     * {@code ifMatch} no longer names the current version, and with 422 {@code validation_failed} naming the fields.
     */
    Versioned<TrackingSettingsDto> saveTracking(String courseId, String ifMatch, TrackingSettingsRequest settings);

    /** Every version, newest first, with who changed what. */
    List<TrackingVersionDto> trackingHistory(String courseId);

    /** The settings as they were at one version (0: the platform's default). */
    TrackingSettingsDto trackingAt(String courseId, long version);

    /** Makes a new version with the content of {@code version}; {@code ifMatch} as for {@link #saveTracking}. */
    Versioned<TrackingSettingsDto> revertTracking(String courseId, String ifMatch, long version);

    /** What a learner with these cookie settings gets from the course's saved settings. */
    EffectiveTrackingDto effectiveTracking(String courseId, boolean analytics, boolean functional, boolean marketing,
                                           boolean gpc);

    /** How many active learners allow each category; small counts come suppressed. */
    ConsentCoverageDto consentCoverage(String courseId);

    /** A course's aggregated insights; counts under 5, and what would give them away, come suppressed (R11). */
    CourseInsightsDto courseInsights(String courseId);
    /** The platform's public key for checking signed exports. */
    SigningKeyDto signingKey();

    /**
     * Streams a course roster to {@code lines} as it arrives and answers the platform's signed summary. A
     * {@link RosterLines} that throws stops the download.
     */
    default RosterSummary roster(String courseId, List<RosterField> fields, RosterLines lines) {
        return roster(courseId, fields, null, lines);
    }

    /**
     * As {@link #roster(String, List, RosterLines)}, of the learners of {@code view} alone (the learner list's
     * search, filters and order) in its order; null for the whole course. The summary names the view it holds.
     */
    RosterSummary roster(String courseId, List<RosterField> fields, RosterView view, RosterLines lines);

    /**
     * Tells the platform that an unencrypted copy was made of an exported roster (R14). Safe to send again: the
     * platform records a report id once.
     */
    RosterConversionDto reportConversion(RosterConversionReport report);

    /**
     * Has the platform make a de-identified research dataset of the course (R11) and streams its ZIP archive into
     * {@code out}; answers the bytes written. The platform reads the whole course before the first byte, so this
     * call waits longer for its answer than others do.
     */
    long researchExport(String courseId, ResearchExportRequest request,
                        OutputStream out);

    /** One page of the Member's access log (R12), newest first; {@code cursor} null for the first page. */
    Page<AccessLogEntryDto> accessLog(AccessLogFilter filter, String cursor, int limit);

    /** Streams the filtered access log as CSV into {@code out} as it arrives; answers the bytes written. */
    long accessLogCsv(AccessLogFilter filter, OutputStream out);

    /**
     * Has the platform check the access log's hash chain from the first entry to the last, and that the chain still
     * holds every entry of the checkpoint given at an earlier verification.
     *
     * @param checkpoint {@link org.iqracity.console.api.ChainCheckpoint#token()} of the checkpoint kept, or null
     */
    ChainVerificationDto verifyAccessLog(String checkpoint);

    /** Sponsors with sponsored learners in the caller's courses, with counts per course (R7). */
    List<SponsorSummaryDto> sponsors();

    /** A sponsor's report for one course, with exactly the columns the sponsor would receive (R7). */
    SponsorReportDto sponsorReport(String sponsorId, String courseId);

    /**
     * Releases the report to the sponsor. The same {@code idempotencyKey} again answers the first release and makes
     * no second one, so a caller retries a failed or doubtful release with the key it used before.
     */
    SponsorReleaseDto releaseSponsorReport(String sponsorId, String courseId, String idempotencyKey);

    /** The releases made to this sponsor, newest first. */
    List<SponsorReleaseDto> sponsorReleases(String sponsorId);

    /** A released snapshot as the sponsor receives it (CSV text). */
    String sponsorReleaseCsv(String sponsorId, String releaseId);

    // Breach notices (R8), for security officers.

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
    Versioned<IncidentDto> createIncident(IncidentRequest request);

    Versioned<IncidentDto> incident(String incidentId);

    /**
     * Changes a draft. Fails with 412 {@code version_conflict} when {@code ifMatch} no longer names the current
     * version, 409 once it is no longer a draft, 422 {@code validation_failed} naming the fields.
     */
    Versioned<IncidentDto> saveIncident(String incidentId, String ifMatch, IncidentRequest request);

    /** Who the saved draft reaches and how: counts per channel and jurisdiction, flags, sample learners. */
    BreachPreviewDto breachPreview(String incidentId);

    /** The notice as one learner in the scope would receive it; 404 when the learner is not in the scope. */
    NoticeMessageDto noticeMessage(String incidentId, String learnerId);

    /** Draft to submitted: the text and recipients get their fingerprints. */
    IncidentDto submitIncident(String incidentId);

    /** Back to its author as a draft, with the reason. */
    IncidentDto returnIncident(String incidentId, String reason);

    /** Approves what the fingerprints name; 403 for the author, 409 when either no longer matches. */
    IncidentDto approveIncident(String incidentId, String textFingerprint, String recipientsFingerprint);

    /** Starts sending in the background; progress comes with {@link #incident}. */
    IncidentDto sendNotices(String incidentId);

    IncidentDto cancelIncident(String incidentId, String reason);

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
    long incidentRecord(String incidentId, RecordFormat format, OutputStream out);

    /**
     * Proposes a site notice for this incident (to replace the one that is up, if any); it goes up once another
     * officer approves it.
     */
    SiteNoticeDto proposeSiteNotice(String incidentId, SiteNoticeRequest request);

    /** Puts up the site notice another officer proposed, naming the fingerprint of the text read. */
    SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint);

    /** Takes the site notice down and discards a proposal waiting for approval. */
    void withdrawSiteNotice(String incidentId);

    /** A released snapshot as the sponsor receives it in print: the platform's PDF of the same rows. */
    byte[] sponsorReleasePdf(String sponsorId, String releaseId);
}
