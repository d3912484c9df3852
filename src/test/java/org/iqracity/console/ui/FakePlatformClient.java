package org.iqracity.console.ui;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.Versioned;

/** A platform in memory: records what was asked, answers what the test set up. */
public class FakePlatformClient implements PlatformClient {

    public final List<LearnerQuery> learnerQueries = new ArrayList<>();
    public final List<String> signInAttempts = new ArrayList<>();
    public int healthChecks;
    public int signOuts;
    public RuntimeException failNext;
    public RuntimeException failSignIn;
    public int apiVersion = 1;
    public List<Role> roles = List.of(Role.COURSE_ADMIN);
    public List<CourseDto> courses = List.of(course("course-v1:NB+CS101+2026", 120), course("course-v1:NB+MA201+2026", 80));
    public Function<LearnerQuery, Page<LearnerRowDto>> learnerPages = FakePlatformClient::pagesOf120;
    public final FakeTracking tracking = new FakeTracking();
    private final URI baseUri;
    private boolean signedIn;

    public FakePlatformClient(URI baseUri) {
        this.baseUri = baseUri;
    }

    public static CourseDto course(String id, long enrolled) {
        return CourseDto.exact(id, "Course " + id, "NB", "X", "2026", Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-06-01T00:00:00Z"), enrolled, enrolled);
    }

    public static LearnerRowDto row(int i) {
        return new LearnerRowDto("id-" + i, "learner" + i, "Learner " + i, "learner" + i + "@example.org", "KE",
                Instant.parse("2026-01-02T00:00:00Z"), EnrollmentMode.AUDIT, true, 0.5, 0.6, false,
                Instant.parse("2026-02-02T00:00:00Z"), false, false);
    }

    /** 120 learners, 50 a page; the cursor is the index of the next row. */
    public static Page<LearnerRowDto> pagesOf120(LearnerQuery q) {
        int from = q.at() != null ? q.at() : q.cursor() == null ? 0 : Integer.parseInt(q.cursor());
        int to = Math.min(120, from + q.limit());
        List<LearnerRowDto> rows = IntStream.range(from, to).mapToObj(FakePlatformClient::row).toList();
        return new Page<>(rows, to < 120 ? String.valueOf(to) : null, 120);
    }

    public MeDto me(String username) {
        return new MeDto(username, "Nadia Ta", new MemberRef("northbridge", "Northbridge University"), roles,
                CourseScope.allCourses());
    }

    private void maybeFail() {
        RuntimeException e = failNext;
        if (e != null) {
            failNext = null;
            throw e;
        }
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public HealthDto health() {
        healthChecks++;
        maybeFail();
        return new HealthDto("UP", "UP", apiVersion, "test");
    }

    @Override
    public SessionDto signIn(String username, String password, String totp) {
        signInAttempts.add(username + ":" + (totp == null ? "-" : totp));
        if (failSignIn != null) {
            RuntimeException e = failSignIn;
            failSignIn = null;
            throw e;
        }
        signedIn = true;
        return new SessionDto("a", "r", 600, 3600, me(username));
    }

    @Override
    public void signOut() {
        signOuts++;
        signedIn = false;
    }

    @Override
    public boolean signedIn() {
        return signedIn;
    }

    @Override
    public MeDto me() {
        maybeFail();
        return me("nb-ta");
    }

    @Override
    public List<CourseDto> courses() {
        maybeFail();
        return courses;
    }

    @Override
    public CourseDto course(String courseId) {
        maybeFail();
        return courses.stream().filter(c -> c.id().equals(courseId)).findFirst().orElseThrow();
    }

    @Override
    public Page<LearnerRowDto> learners(String courseId, LearnerQuery query) {
        learnerQueries.add(query);
        maybeFail();
        return learnerPages.apply(query);
    }

    /** The learners whose detail was asked for, in order: what the platform would log as viewed (R12). */
    public final List<String> learnerViews = new ArrayList<>();

    @Override
    public LearnerDetailDto learner(String courseId, String learnerId) {
        maybeFail();
        learnerViews.add(learnerId);
        return new LearnerDetailDto(
                new org.iqracity.console.api.ProfileDto(learnerId, "user-" + learnerId, false, "full", false, List.of()),
                new org.iqracity.console.api.EnrollmentDto(courseId, EnrollmentMode.AUDIT,
                        Instant.parse("2026-01-02T00:00:00Z"), null, true, null),
                new org.iqracity.console.api.PerformanceDto(0.6, 0.5, false, false, List.of(),
                        new org.iqracity.console.api.PerformanceDto.ActivityDto(null, 0, 0, 0, 0)),
                null);
    }

    @Override
    public Versioned<TrackingSettingsDto> tracking(String courseId) {
        maybeFail();
        return tracking.get(courseId);
    }

    @Override
    public Versioned<TrackingSettingsDto> saveTracking(String courseId, String ifMatch,
                                                       TrackingSettingsRequest settings) {
        maybeFail();
        return tracking.save(courseId, ifMatch, settings);
    }

    @Override
    public List<TrackingVersionDto> trackingHistory(String courseId) {
        maybeFail();
        return tracking.history(courseId);
    }

    @Override
    public TrackingSettingsDto trackingAt(String courseId, long version) {
        maybeFail();
        return tracking.at(courseId, version);
    }

    @Override
    public Versioned<TrackingSettingsDto> revertTracking(String courseId, String ifMatch, long version) {
        maybeFail();
        return tracking.revert(courseId, ifMatch, version);
    }

    @Override
    public EffectiveTrackingDto effectiveTracking(String courseId, boolean analytics, boolean functional,
                                                  boolean marketing, boolean gpc) {
        throw new UnsupportedOperationException("the console computes the preview itself");
    }

    @Override
    public ConsentCoverageDto consentCoverage(String courseId) {
        maybeFail();
        return tracking.coverage(courseId);
    }

    /** What {@link #courseInsights} answers, by course id; a course not here has no learners. */
    public final java.util.Map<String, org.iqracity.console.api.insights.CourseInsightsDto> insights =
            new java.util.HashMap<>();
    public final List<String> insightRequests = new ArrayList<>();

    @Override
    public org.iqracity.console.api.insights.CourseInsightsDto courseInsights(String courseId) {
        insightRequests.add(courseId);
        maybeFail();
        return insights.getOrDefault(courseId, new org.iqracity.console.api.insights.CourseInsightsDto(courseId,
                "Course " + courseId, Instant.parse("2026-03-01T00:00:00Z"), false,
                org.iqracity.console.api.insights.InsightCell.of("enrolled", 0), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
    }

    @Override
    public org.iqracity.console.api.SigningKeyDto signingKey() {
        maybeFail();
        if (signingKey == null) {
            throw new UnsupportedOperationException("set signingKey in the test that needs it");
        }
        return signingKey;
    }

    /** The key the fake platform signs with; null until a test sets it. */
    public org.iqracity.console.api.SigningKeyDto signingKey;

    @Override
    public org.iqracity.console.api.RosterSummary roster(String courseId,
            List<org.iqracity.console.api.RosterField> fields, org.iqracity.console.api.RosterView view,
            org.iqracity.console.client.RosterLines lines) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    /** Conversion reports the platform accepted; {@code failConversions} makes the next ones fail. */
    public final List<org.iqracity.console.api.RosterConversionReport> conversionReports = new ArrayList<>();
    public RuntimeException failConversions;

    @Override
    public org.iqracity.console.api.RosterConversionDto reportConversion(
            org.iqracity.console.api.RosterConversionReport report) {
        maybeFail();
        if (failConversions != null) {
            throw failConversions;
        }
        boolean repeated = conversionReports.stream().anyMatch(r -> r.reportId().equals(report.reportId()));
        if (!repeated) {
            conversionReports.add(report);
        }
        return new org.iqracity.console.api.RosterConversionDto(report.reportId(), java.time.Instant.EPOCH, repeated);
    }

    // Access log and sponsor reports: what the test set up, and what was asked.

    public final List<String> accessLogCursors = new ArrayList<>();
    public final List<org.iqracity.console.api.AccessLogFilter> accessLogFilters = new ArrayList<>();
    public Function<String, Page<org.iqracity.console.api.AccessLogEntryDto>> accessLogPages = cursor ->
            new Page<>(List.of(), null, 0);
    public org.iqracity.console.api.ChainVerificationDto verification =
            new org.iqracity.console.api.ChainVerificationDto(true, 0, null);
    public String accessLogCsv = "seq,at\n";
    public List<org.iqracity.console.api.SponsorSummaryDto> sponsors = List.of();
    public Function<String, org.iqracity.console.api.SponsorReportDto> sponsorReports = course -> {
        throw new UnsupportedOperationException("no report set up");
    };
    public final List<String> releaseKeys = new ArrayList<>();
    public final List<org.iqracity.console.api.SponsorReleaseDto> releases = new ArrayList<>();
    public String releaseCsv = "learner_name\n";
    public byte[] releasePdf = "%PDF-1.7 fake".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final java.util.Map<String, org.iqracity.console.api.SponsorReleaseDto> releasesByKey =
            new java.util.HashMap<>();

    @Override
    public Page<org.iqracity.console.api.AccessLogEntryDto> accessLog(org.iqracity.console.api.AccessLogFilter filter,
            String cursor, int limit) {
        accessLogFilters.add(filter);
        accessLogCursors.add(cursor);
        maybeFail();
        return accessLogPages.apply(cursor);
    }

    /** The research exports asked for, as "courseId k stableKey". */
    public final List<String> researchRequests = new ArrayList<>();
    /** What a research export answers: the archive's bytes, written in chunks of {@link #researchChunk}. */
    public byte[] researchArchive = new byte[0];
    public int researchChunk = 1 << 16;

    @Override
    public long researchExport(String courseId, org.iqracity.console.api.research.ResearchExportRequest request,
                               java.io.OutputStream out) {
        researchRequests.add(courseId + " " + request.kOrDefault() + " " + request.stableKeyOrDefault());
        maybeFail();
        try {
            for (int at = 0; at < researchArchive.length; at += researchChunk) {
                out.write(researchArchive, at, Math.min(researchChunk, researchArchive.length - at));
            }
        } catch (java.io.IOException e) {
            throw new org.iqracity.console.client.PlatformUnreachableException("the answer broke off", e);
        }
        return researchArchive.length;
    }

    @Override
    public long accessLogCsv(org.iqracity.console.api.AccessLogFilter filter, java.io.OutputStream out) {
        maybeFail();
        byte[] bytes = accessLogCsv.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            out.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.length;
    }

    /** The checkpoint the last verification handed in. */
    public volatile String verifiedWith;

    @Override
    public org.iqracity.console.api.ChainVerificationDto verifyAccessLog(String checkpoint) {
        maybeFail();
        verifiedWith = checkpoint;
        return verification;
    }

    @Override
    public List<org.iqracity.console.api.SponsorSummaryDto> sponsors() {
        maybeFail();
        return sponsors;
    }

    @Override
    public org.iqracity.console.api.SponsorReportDto sponsorReport(String sponsorId, String courseId) {
        maybeFail();
        return sponsorReports.apply(courseId);
    }

    /** Like the platform: a key used before answers its first release and makes no other. */
    @Override
    public org.iqracity.console.api.SponsorReleaseDto releaseSponsorReport(String sponsorId, String courseId,
            String idempotencyKey) {
        releaseKeys.add(idempotencyKey);
        maybeFail();
        var earlier = releasesByKey.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        var release = new org.iqracity.console.api.SponsorReleaseDto("rel-" + (releases.size() + 1), sponsorId,
                courseId, Instant.parse("2026-11-29T09:00:00Z"), "Nia Admin", 3);
        releasesByKey.put(idempotencyKey, release);
        releases.add(0, release);
        return release;
    }

    @Override
    public List<org.iqracity.console.api.SponsorReleaseDto> sponsorReleases(String sponsorId) {
        maybeFail();
        return List.copyOf(releases);
    }

    @Override
    public String sponsorReleaseCsv(String sponsorId, String releaseId) {
        maybeFail();
        return releaseCsv;
    }

    // Breach notices: the platform's rules in memory (FakeBreach).

    public final FakeBreach breach = new FakeBreach();

    @Override
    public List<org.iqracity.console.api.breach.IncidentSummaryDto> incidents() {
        maybeFail();
        return breach.list();
    }

    @Override
    public List<org.iqracity.console.api.breach.JurisdictionDto> jurisdictions() {
        maybeFail();
        return breach.jurisdictions();
    }

    @Override
    public Versioned<org.iqracity.console.api.breach.IncidentDto> createIncident(
            org.iqracity.console.api.breach.IncidentRequest request) {
        maybeFail();
        return breach.create(request);
    }

    @Override
    public Versioned<org.iqracity.console.api.breach.IncidentDto> incident(String incidentId) {
        maybeFail();
        return breach.get(incidentId);
    }

    @Override
    public Versioned<org.iqracity.console.api.breach.IncidentDto> saveIncident(String incidentId, String ifMatch,
            org.iqracity.console.api.breach.IncidentRequest request) {
        maybeFail();
        return breach.save(incidentId, ifMatch, request);
    }

    @Override
    public org.iqracity.console.api.breach.BreachPreviewDto breachPreview(String incidentId) {
        maybeFail();
        return breach.preview(incidentId);
    }

    @Override
    public org.iqracity.console.api.breach.NoticeMessageDto noticeMessage(String incidentId, String learnerId) {
        maybeFail();
        return breach.message(incidentId, learnerId);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto submitIncident(String incidentId) {
        maybeFail();
        return breach.submit(incidentId);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto returnIncident(String incidentId, String reason) {
        maybeFail();
        return breach.returnToDraft(incidentId, reason);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto approveIncident(String incidentId, String textFingerprint,
            String recipientsFingerprint) {
        maybeFail();
        return breach.approve(incidentId, textFingerprint, recipientsFingerprint);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto sendNotices(String incidentId) {
        maybeFail();
        return breach.send(incidentId);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto cancelIncident(String incidentId, String reason) {
        maybeFail();
        return breach.cancel(incidentId, reason);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto recordRegulatorNotification(String incidentId,
            org.iqracity.console.api.breach.RegulatorNotificationRequest request) {
        maybeFail();
        return breach.recordRegulator(incidentId, request);
    }

    @Override
    public Page<org.iqracity.console.api.breach.DeliveryDto> deliveries(String incidentId,
            org.iqracity.console.api.breach.DeliveryStatus status,
            org.iqracity.console.api.breach.NoticeChannel channel, String cursor, int limit) {
        maybeFail();
        return breach.deliveries(incidentId, status, channel, cursor, limit);
    }

    @Override
    public org.iqracity.console.api.breach.IncidentDto retryDeliveries(String incidentId) {
        maybeFail();
        return breach.retry(incidentId);
    }

    @Override
    public org.iqracity.console.api.breach.DeliveryDto resolveDelivery(String incidentId, long deliveryId,
            org.iqracity.console.api.breach.DeliveryResolution resolution) {
        maybeFail();
        return breach.resolve(incidentId, deliveryId, resolution);
    }

    @Override
    public long lettersPdf(String incidentId, java.io.OutputStream out) {
        maybeFail();
        return breach.letters(incidentId, out);
    }

    @Override
    public long incidentRecord(String incidentId, RecordFormat format, java.io.OutputStream out) {
        maybeFail();
        return breach.record(incidentId, format, out);
    }

    @Override
    public org.iqracity.console.api.breach.SiteNoticeDto proposeSiteNotice(String incidentId,
            org.iqracity.console.api.breach.SiteNoticeRequest request) {
        maybeFail();
        return breach.proposeSiteNotice(incidentId, request);
    }

    @Override
    public org.iqracity.console.api.breach.SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint) {
        maybeFail();
        return breach.approveSiteNotice(incidentId, textFingerprint);
    }

    @Override
    public void withdrawSiteNotice(String incidentId) {
        maybeFail();
        breach.withdrawSiteNotice(incidentId);
    }

    @Override
    public byte[] sponsorReleasePdf(String sponsorId, String releaseId) {
        maybeFail();
        return releasePdf.clone();
    }
}
