package org.iqracity.console.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.EnrollmentDto;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.PerformanceDto;
import org.iqracity.console.api.ProfileDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
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
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.client.AccessLogClient;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.InsightsClient;
import org.iqracity.console.client.LearnersClient;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.ResearchClient;
import org.iqracity.console.client.RosterLines;
import org.iqracity.console.client.RostersClient;
import org.iqracity.console.client.SponsorsClient;
import org.iqracity.console.client.TrackingClient;
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
    public List<CourseDto> courses = List
            .of(course("course-v1:NB+CS101+2026", 120), course("course-v1:NB+MA201+2026", 80));
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

    public List<CourseDto> allCourses() {
        maybeFail();
        return courses;
    }

    public CourseDto course(String courseId) {
        maybeFail();
        return courses.stream().filter(c -> c.id().equals(courseId)).findFirst().orElseThrow();
    }

    public Page<LearnerRowDto> learners(String courseId, LearnerQuery query) {
        learnerQueries.add(query);
        maybeFail();
        return learnerPages.apply(query);
    }

    /** The learners whose detail was asked for, in order: what the platform would log as viewed (R12). */
    public final List<String> learnerViews = new ArrayList<>();

    public LearnerDetailDto learner(String courseId, String learnerId) {
        maybeFail();
        learnerViews.add(learnerId);
        return new LearnerDetailDto(
                new ProfileDto(learnerId, "user-" + learnerId, false, "full", false, List.of()),
                new EnrollmentDto(courseId, EnrollmentMode.AUDIT,
                        Instant.parse("2026-01-02T00:00:00Z"), null, true, null),
                new PerformanceDto(0.6, 0.5, false, false, List.of(),
                        new PerformanceDto.ActivityDto(null, 0, 0, 0, 0)),
                null);
    }

    public Versioned<TrackingSettingsDto> tracking(String courseId) {
        maybeFail();
        return tracking.get(courseId);
    }

    public Versioned<TrackingSettingsDto> saveTracking(String courseId, String ifMatch,
                                                       TrackingSettingsRequest settings) {
        maybeFail();
        return tracking.save(courseId, ifMatch, settings);
    }

    public List<TrackingVersionDto> trackingHistory(String courseId) {
        maybeFail();
        return tracking.history(courseId);
    }

    public TrackingSettingsDto trackingAt(String courseId, long version) {
        maybeFail();
        return tracking.at(courseId, version);
    }

    public Versioned<TrackingSettingsDto> revertTracking(String courseId, String ifMatch, long version) {
        maybeFail();
        return tracking.revert(courseId, ifMatch, version);
    }

    public EffectiveTrackingDto effectiveTracking(String courseId, boolean analytics, boolean functional,
                                                  boolean marketing, boolean gpc) {
        throw new UnsupportedOperationException("the console computes the preview itself");
    }

    public ConsentCoverageDto consentCoverage(String courseId) {
        maybeFail();
        return tracking.coverage(courseId);
    }

    /** What {@link #courseInsights} answers, by course id; a course not here has no learners. */
    public final Map<String, CourseInsightsDto> insights =
            new HashMap<>();
    public final List<String> insightRequests = new ArrayList<>();

    public CourseInsightsDto courseInsights(String courseId) {
        insightRequests.add(courseId);
        maybeFail();
        return insights.getOrDefault(courseId, new CourseInsightsDto(courseId,
                "Course " + courseId, Instant.parse("2026-03-01T00:00:00Z"), false,
                InsightCell.of("enrolled", 0), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of()));
    }

    @Override
    public SigningKeyDto signingKey() {
        maybeFail();
        if (signingKey == null) {
            throw new UnsupportedOperationException("set signingKey in the test that needs it");
        }
        return signingKey;
    }

    /** The key the fake platform signs with; null until a test sets it. */
    public SigningKeyDto signingKey;

    public RosterSummary roster(String courseId,
            List<RosterField> fields, RosterView view,
            RosterLines lines) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    /** Conversion reports the platform accepted; {@code failConversions} makes the next ones fail. */
    public final List<RosterConversionReport> conversionReports = new ArrayList<>();
    public RuntimeException failConversions;

    public RosterConversionDto reportConversion(
            RosterConversionReport report) {
        maybeFail();
        if (failConversions != null) {
            throw failConversions;
        }
        boolean repeated = conversionReports.stream().anyMatch(r -> r.reportId().equals(report.reportId()));
        if (!repeated) {
            conversionReports.add(report);
        }
        return new RosterConversionDto(report.reportId(), Instant.EPOCH, repeated);
    }

    // Access log and sponsor reports: what the test set up, and what was asked.

    public final List<String> accessLogCursors = new ArrayList<>();
    public final List<AccessLogFilter> accessLogFilters = new ArrayList<>();
    public Function<String, Page<AccessLogEntryDto>> accessLogPages = cursor ->
            new Page<>(List.of(), null, 0);
    public ChainVerificationDto verification =
            new ChainVerificationDto(true, 0, null);
    public String accessLogCsv = "seq,at\n";
    public List<SponsorSummaryDto> sponsors = List.of();
    public Function<String, SponsorReportDto> sponsorReports = course -> {
        throw new UnsupportedOperationException("no report set up");
    };
    public final List<String> releaseKeys = new ArrayList<>();
    public final List<SponsorReleaseDto> releases = new ArrayList<>();
    public String releaseCsv = "learner_name\n";
    public byte[] releasePdf = "%PDF-1.7 fake".getBytes(StandardCharsets.US_ASCII);
    private final Map<String, SponsorReleaseDto> releasesByKey =
            new HashMap<>();

    public Page<AccessLogEntryDto> accessLog(AccessLogFilter filter,
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

    public long researchExport(String courseId, ResearchExportRequest request,
                               OutputStream out) {
        researchRequests.add(courseId + " " + request.kOrDefault() + " " + request.stableKeyOrDefault());
        maybeFail();
        try {
            for (int at = 0; at < researchArchive.length; at += researchChunk) {
                out.write(researchArchive, at, Math.min(researchChunk, researchArchive.length - at));
            }
        } catch (IOException e) {
            throw new PlatformUnreachableException("the answer broke off", e);
        }
        return researchArchive.length;
    }

    public long accessLogCsv(AccessLogFilter filter, OutputStream out) {
        maybeFail();
        byte[] bytes = accessLogCsv.getBytes(StandardCharsets.UTF_8);
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.length;
    }

    /** The checkpoint the last verification handed in. */
    public volatile String verifiedWith;

    public ChainVerificationDto verifyAccessLog(String checkpoint) {
        maybeFail();
        verifiedWith = checkpoint;
        return verification;
    }

    public List<SponsorSummaryDto> allSponsors() {
        maybeFail();
        return sponsors;
    }

    public SponsorReportDto sponsorReport(String sponsorId, String courseId) {
        maybeFail();
        return sponsorReports.apply(courseId);
    }

    /** Like the platform: a key used before answers its first release and makes no other. */
    public SponsorReleaseDto releaseSponsorReport(String sponsorId, String courseId,
            String idempotencyKey) {
        releaseKeys.add(idempotencyKey);
        maybeFail();
        var earlier = releasesByKey.get(idempotencyKey);
        if (earlier != null) {
            return earlier;
        }
        var release = new SponsorReleaseDto("rel-" + (releases.size() + 1), sponsorId,
                courseId, Instant.parse("2026-11-29T09:00:00Z"), "Nia Admin", 3);
        releasesByKey.put(idempotencyKey, release);
        releases.add(0, release);
        return release;
    }

    public List<SponsorReleaseDto> sponsorReleases(String sponsorId) {
        maybeFail();
        return List.copyOf(releases);
    }

    public String sponsorReleaseCsv(String sponsorId, String releaseId) {
        maybeFail();
        return releaseCsv;
    }

    // Breach notices: the platform's rules in memory (FakeBreach).

    public final FakeBreach breach = new FakeBreach();

    public List<IncidentSummaryDto> incidents() {
        maybeFail();
        return breach.list();
    }

    public List<JurisdictionDto> jurisdictions() {
        maybeFail();
        return breach.jurisdictions();
    }

    public Versioned<IncidentDto> createIncident(
            IncidentRequest request) {
        maybeFail();
        return breach.create(request);
    }

    public Versioned<IncidentDto> incident(String incidentId) {
        maybeFail();
        return breach.get(incidentId);
    }

    public Versioned<IncidentDto> saveIncident(String incidentId, String ifMatch,
            IncidentRequest request) {
        maybeFail();
        return breach.save(incidentId, ifMatch, request);
    }

    public BreachPreviewDto breachPreview(String incidentId) {
        maybeFail();
        return breach.preview(incidentId);
    }

    public NoticeMessageDto noticeMessage(String incidentId, String learnerId) {
        maybeFail();
        return breach.message(incidentId, learnerId);
    }

    public IncidentDto submitIncident(String incidentId) {
        maybeFail();
        return breach.submit(incidentId);
    }

    public IncidentDto returnIncident(String incidentId, String reason) {
        maybeFail();
        return breach.returnToDraft(incidentId, reason);
    }

    public IncidentDto approveIncident(String incidentId, String textFingerprint,
            String recipientsFingerprint) {
        maybeFail();
        return breach.approve(incidentId, textFingerprint, recipientsFingerprint);
    }

    public IncidentDto sendNotices(String incidentId) {
        maybeFail();
        return breach.send(incidentId);
    }

    public IncidentDto cancelIncident(String incidentId, String reason) {
        maybeFail();
        return breach.cancel(incidentId, reason);
    }

    public IncidentDto recordRegulatorNotification(String incidentId,
            RegulatorNotificationRequest request) {
        maybeFail();
        return breach.recordRegulator(incidentId, request);
    }

    public Page<DeliveryDto> deliveries(String incidentId,
            DeliveryStatus status,
            NoticeChannel channel, String cursor, int limit) {
        maybeFail();
        return breach.deliveries(incidentId, status, channel, cursor, limit);
    }

    public IncidentDto retryDeliveries(String incidentId) {
        maybeFail();
        return breach.retry(incidentId);
    }

    public DeliveryDto resolveDelivery(String incidentId, long deliveryId,
            DeliveryResolution resolution) {
        maybeFail();
        return breach.resolve(incidentId, deliveryId, resolution);
    }

    public long lettersPdf(String incidentId, OutputStream out) {
        maybeFail();
        return breach.letters(incidentId, out);
    }

    public long incidentRecord(String incidentId, BreachClient.RecordFormat format, OutputStream out) {
        maybeFail();
        return breach.record(incidentId, format, out);
    }

    public SiteNoticeDto proposeSiteNotice(String incidentId,
            SiteNoticeRequest request) {
        maybeFail();
        return breach.proposeSiteNotice(incidentId, request);
    }

    public SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint) {
        maybeFail();
        return breach.approveSiteNotice(incidentId, textFingerprint);
    }

    public void withdrawSiteNotice(String incidentId) {
        maybeFail();
        breach.withdrawSiteNotice(incidentId);
    }

    public byte[] sponsorReleasePdf(String sponsorId, String releaseId) {
        maybeFail();
        return releasePdf.clone();
    }
    // The parts of the client, each handing its calls to the methods above, so that subclasses change one of them.

    @Override
    public CoursesClient courses() {
        return new CoursesClient() {
            @Override
            public List<CourseDto> all() {
                return allCourses();
            }

            @Override
            public CourseDto get(String courseId) {
                return course(courseId);
            }
        };
    }

    @Override
    public LearnersClient learners() {
        return new LearnersClient() {
            @Override
            public Page<LearnerRowDto> page(String courseId, LearnerQuery query) {
                return learners(courseId, query);
            }

            @Override
            public LearnerDetailDto detail(String courseId, String learnerId) {
                return learner(courseId, learnerId);
            }
        };
    }

    @Override
    public TrackingClient tracking() {
        return new TrackingClient() {
            @Override
            public Versioned<TrackingSettingsDto> current(String courseId) {
                return tracking(courseId);
            }

            @Override
            public Versioned<TrackingSettingsDto> save(String courseId, String ifMatch,
                                                       TrackingSettingsRequest settings) {
                return saveTracking(courseId, ifMatch, settings);
            }

            @Override
            public List<TrackingVersionDto> history(String courseId) {
                return trackingHistory(courseId);
            }

            @Override
            public TrackingSettingsDto at(String courseId, long version) {
                return trackingAt(courseId, version);
            }

            @Override
            public Versioned<TrackingSettingsDto> revert(String courseId, String ifMatch, long version) {
                return revertTracking(courseId, ifMatch, version);
            }

            @Override
            public EffectiveTrackingDto effective(String courseId, boolean analytics, boolean functional,
                                                  boolean marketing, boolean gpc) {
                return effectiveTracking(courseId, analytics, functional, marketing, gpc);
            }

            @Override
            public ConsentCoverageDto coverage(String courseId) {
                return consentCoverage(courseId);
            }
        };
    }

    @Override
    public InsightsClient insights() {
        return this::courseInsights;
    }

    @Override
    public RostersClient rosters() {
        return new RostersClient() {
            @Override
            public RosterSummary download(String courseId, List<RosterField> fields, RosterView view,
                                          RosterLines lines) {
                return roster(courseId, fields, view, lines);
            }

            @Override
            public RosterConversionDto reportConversion(RosterConversionReport report) {
                return FakePlatformClient.this.reportConversion(report);
            }
        };
    }

    @Override
    public ResearchClient research() {
        return this::researchExport;
    }

    @Override
    public AccessLogClient accessLog() {
        return new AccessLogClient() {
            @Override
            public Page<AccessLogEntryDto> page(AccessLogFilter filter, String cursor, int limit) {
                return accessLog(filter, cursor, limit);
            }

            @Override
            public long csv(AccessLogFilter filter, OutputStream out) {
                return accessLogCsv(filter, out);
            }

            @Override
            public ChainVerificationDto verify(String checkpoint) {
                return verifyAccessLog(checkpoint);
            }
        };
    }

    @Override
    public SponsorsClient sponsors() {
        return new SponsorsClient() {
            @Override
            public List<SponsorSummaryDto> all() {
                return allSponsors();
            }

            @Override
            public SponsorReportDto report(String sponsorId, String courseId) {
                return sponsorReport(sponsorId, courseId);
            }

            @Override
            public SponsorReleaseDto release(String sponsorId, String courseId, String idempotencyKey) {
                return releaseSponsorReport(sponsorId, courseId, idempotencyKey);
            }

            @Override
            public List<SponsorReleaseDto> releases(String sponsorId) {
                return sponsorReleases(sponsorId);
            }

            @Override
            public String releaseCsv(String sponsorId, String releaseId) {
                return sponsorReleaseCsv(sponsorId, releaseId);
            }

            @Override
            public byte[] releasePdf(String sponsorId, String releaseId) {
                return sponsorReleasePdf(sponsorId, releaseId);
            }
        };
    }

    @Override
    public BreachClient breach() {
        return new FakeBreachClient();
    }

    /** The breach part, in its own class for its length. */
    private final class FakeBreachClient implements BreachClient {
        @Override
        public List<IncidentSummaryDto> incidents() {
            return FakePlatformClient.this.incidents();
        }

        @Override
        public List<JurisdictionDto> jurisdictions() {
            return FakePlatformClient.this.jurisdictions();
        }

        @Override
        public Versioned<IncidentDto> create(IncidentRequest request) {
            return createIncident(request);
        }

        @Override
        public Versioned<IncidentDto> incident(String incidentId) {
            return FakePlatformClient.this.incident(incidentId);
        }

        @Override
        public Versioned<IncidentDto> save(String incidentId, String ifMatch, IncidentRequest request) {
            return saveIncident(incidentId, ifMatch, request);
        }

        @Override
        public BreachPreviewDto preview(String incidentId) {
            return breachPreview(incidentId);
        }

        @Override
        public NoticeMessageDto noticeMessage(String incidentId, String learnerId) {
            return FakePlatformClient.this.noticeMessage(incidentId, learnerId);
        }

        @Override
        public IncidentDto submit(String incidentId) {
            return submitIncident(incidentId);
        }

        @Override
        public IncidentDto returnToAuthor(String incidentId, String reason) {
            return returnIncident(incidentId, reason);
        }

        @Override
        public IncidentDto approve(String incidentId, String textFingerprint, String recipientsFingerprint) {
            return approveIncident(incidentId, textFingerprint, recipientsFingerprint);
        }

        @Override
        public IncidentDto send(String incidentId) {
            return sendNotices(incidentId);
        }

        @Override
        public IncidentDto cancel(String incidentId, String reason) {
            return cancelIncident(incidentId, reason);
        }

        @Override
        public IncidentDto recordRegulatorNotification(String incidentId, RegulatorNotificationRequest request) {
            return FakePlatformClient.this.recordRegulatorNotification(incidentId, request);
        }

        @Override
        public Page<DeliveryDto> deliveries(String incidentId, DeliveryStatus status, NoticeChannel channel,
                                            String cursor, int limit) {
            return FakePlatformClient.this.deliveries(incidentId, status, channel, cursor, limit);
        }

        @Override
        public IncidentDto retryDeliveries(String incidentId) {
            return FakePlatformClient.this.retryDeliveries(incidentId);
        }

        @Override
        public DeliveryDto resolveDelivery(String incidentId, long deliveryId, DeliveryResolution resolution) {
            return FakePlatformClient.this.resolveDelivery(incidentId, deliveryId, resolution);
        }

        @Override
        public long lettersPdf(String incidentId, OutputStream out) {
            return FakePlatformClient.this.lettersPdf(incidentId, out);
        }

        @Override
        public long record(String incidentId, RecordFormat format, OutputStream out) {
            return incidentRecord(incidentId, format, out);
        }

        @Override
        public SiteNoticeDto proposeSiteNotice(String incidentId, SiteNoticeRequest request) {
            return FakePlatformClient.this.proposeSiteNotice(incidentId, request);
        }

        @Override
        public SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint) {
            return FakePlatformClient.this.approveSiteNotice(incidentId, textFingerprint);
        }

        @Override
        public void withdrawSiteNotice(String incidentId) {
            FakePlatformClient.this.withdrawSiteNotice(incidentId);
        }
    }
}
