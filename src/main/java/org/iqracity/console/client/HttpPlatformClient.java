package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.RefreshRequest;
import org.iqracity.console.api.RosterConversionDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.api.TrackingRevertRequest;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.iqracity.console.api.breach.ApprovalRequest;
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
import org.iqracity.console.api.breach.ReasonRequest;
import org.iqracity.console.api.breach.ResolveDeliveryRequest;
import org.iqracity.console.api.breach.SiteNoticeApproval;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.research.ResearchExportRequest;

/** {@link PlatformClient} over OkHttp. Thread-safe: one instance serves every background task of a session. */
public final class HttpPlatformClient implements PlatformClient {

    private static final TypeReference<Page<CourseDto>> COURSE_PAGE = new TypeReference<>() { };
    private static final TypeReference<Page<LearnerRowDto>> LEARNER_PAGE = new TypeReference<>() { };
    /** Renew a little before the platform would refuse the token, so a call rarely meets a 401 at all. */
    private static final long EARLY_REFRESH_SECONDS = 20;

    private final URI baseUri;
    private final HttpUrl base;
    private final HttpExchange http;
    /** For answers the platform must compute before the first byte (a research export of a large course). */
    private final HttpExchange patient;
    private final Clock clock;
    private volatile Tokens tokens;

    public HttpPlatformClient(URI baseUri, OkHttpClient okHttp, Clock clock) {
        this.baseUri = Objects.requireNonNull(baseUri);
        this.base = Objects.requireNonNull(HttpUrl.get(baseUri.toString()));
        this.http = new HttpExchange(okHttp);
        this.patient = new HttpExchange(okHttp.newBuilder().readTimeout(Duration.ofMinutes(5))
                .callTimeout(Duration.ofMinutes(15)).build());
        this.clock = clock;
    }

    @Override
    public URI baseUri() {
        return baseUri;
    }

    @Override
    public HealthDto health() {
        return http.send(get(ApiPaths.HEALTH).build(), HealthDto.class);
    }

    @Override
    public SessionDto signIn(String username, String password, String totp) {
        Request request = post(ApiPaths.SESSION, new SessionRequest(username, password, totp));
        SessionDto session = http.send(request, SessionDto.class);
        tokens = Tokens.of(session, clock);
        return session;
    }

    @Override
    public void signOut() {
        Tokens current = tokens;
        tokens = null;
        if (current == null) {
            return;
        }
        try {
            http.sendNoContent(authorize(new Request.Builder().url(url(ApiPaths.SESSION)).delete(), current));
        } catch (ApiHttpException e) {
            if (e.status() != 401) {
                throw e;
            }
            // Already ended on the platform's side: nothing left to revoke.
        }
    }

    @Override
    public boolean signedIn() {
        return tokens != null;
    }

    @Override
    public MeDto me() {
        return authed(get(ApiPaths.ME), new TypeReference<MeDto>() { });
    }

    @Override
    public List<CourseDto> courses() {
        List<CourseDto> all = new ArrayList<>();
        String cursor = null;
        do {
            // The first request carries no parameters: a Member has few courses, and the platform's default page fits.
            HttpUrl.Builder url = url(ApiPaths.COURSES).newBuilder();
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            Page<CourseDto> page = authed(new Request.Builder().url(url.build()).get(), COURSE_PAGE);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return List.copyOf(all);
    }

    @Override
    public CourseDto course(String courseId) {
        return authed(get(ApiPaths.course(courseId)), new TypeReference<CourseDto>() { });
    }

    @Override
    public Page<LearnerRowDto> learners(String courseId, LearnerQuery query) {
        HttpUrl url = LearnerQueryUrl.of(url(ApiPaths.courseLearners(courseId)), query);
        return authed(new Request.Builder().url(url).get(), LEARNER_PAGE);
    }

    @Override
    public LearnerDetailDto learner(String courseId, String learnerId) {
        return authed(get(ApiPaths.courseLearner(courseId, learnerId)), new TypeReference<LearnerDetailDto>() { });
    }

    @Override
    public Versioned<TrackingSettingsDto> tracking(String courseId) {
        return authed(get(ApiPaths.courseTracking(courseId)),
                r -> http.sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public Versioned<TrackingSettingsDto> saveTracking(String courseId, String ifMatch,
                                                       TrackingSettingsRequest settings) {
        Request.Builder put = new Request.Builder().url(url(ApiPaths.courseTracking(courseId)))
                .put(http.jsonBody(settings)).header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return authed(put, r -> http.sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public List<TrackingVersionDto> trackingHistory(String courseId) {
        return authed(get(ApiPaths.courseTracking(courseId) + "/history"),
                new TypeReference<List<TrackingVersionDto>>() { });
    }

    @Override
    public TrackingSettingsDto trackingAt(String courseId, long version) {
        HttpUrl at = url(ApiPaths.courseTracking(courseId) + "/history").newBuilder()
                .addQueryParameter("version", Long.toString(version)).build();
        return authed(new Request.Builder().url(at).get(), new TypeReference<TrackingSettingsDto>() { });
    }

    @Override
    public Versioned<TrackingSettingsDto> revertTracking(String courseId, String ifMatch, long version) {
        Request.Builder post = new Request.Builder().url(url(ApiPaths.courseTracking(courseId) + "/revert"))
                .post(http.jsonBody(new TrackingRevertRequest(version)))
                .header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return authed(post, r -> http.sendVersioned(r, TrackingSettingsDto.class));
    }

    @Override
    public EffectiveTrackingDto effectiveTracking(String courseId, boolean analytics, boolean functional,
                                                  boolean marketing, boolean gpc) {
        HttpUrl effective = url(ApiPaths.courseTracking(courseId) + "/effective").newBuilder()
                .addQueryParameter("analytics", Boolean.toString(analytics))
                .addQueryParameter("functional", Boolean.toString(functional))
                .addQueryParameter("marketing", Boolean.toString(marketing))
                .addQueryParameter("gpc", Boolean.toString(gpc)).build();
        return authed(new Request.Builder().url(effective).get(), new TypeReference<EffectiveTrackingDto>() { });
    }

    @Override
    public ConsentCoverageDto consentCoverage(String courseId) {
        return authed(get(ApiPaths.courseTracking(courseId) + "/coverage"),
                new TypeReference<ConsentCoverageDto>() { });
    }

    @Override
    public CourseInsightsDto courseInsights(String courseId) {
        return authed(get(ApiPaths.courseInsights(courseId)),
                new TypeReference<CourseInsightsDto>() { });
    }

    private <T> T authed(Request.Builder request, TypeReference<T> type) {
        return authed(request, r -> http.send(r, type));
    }

    @Override
    public SigningKeyDto signingKey() {
        return http.send(get(ApiPaths.SIGNING_KEY).build(), SigningKeyDto.class);
    }

    @Override
    public RosterSummary roster(String courseId, List<RosterField> fields, RosterView view, RosterLines lines) {
        HttpUrl path = url(ApiPaths.course(courseId) + "/roster");
        HttpUrl.Builder url = (view == null ? path : LearnerQueryUrl.view(path, view)).newBuilder();
        if (!fields.isEmpty()) {
            url.addQueryParameter("fields", String.join(",",
                    fields.stream().map(RosterField::column).toList()));
        }
        return authed(new Request.Builder().url(url.build()).get(), r -> http.stream(r, in -> RosterNdjson.read(in, lines)));
    }

    @Override
    public long researchExport(String courseId, ResearchExportRequest request,
                               OutputStream out) {
        return authed(postBuilder(ApiPaths.courseResearchExports(courseId), request),
                r -> patient.stream(r, in -> in.transferTo(out)));
    }

    private <T> T authed(Request.Builder request, Function<Request, T> call) {
        return authed(request, call, false);
    }

    private <T> T authed(Request.Builder request, Function<Request, T> call, boolean background) {
        Tokens used = tokens;
        if (used == null) {
            throw new SessionExpiredException("not signed in", null);
        }
        if (used.expiresBefore(clock.instant().plusSeconds(EARLY_REFRESH_SECONDS))) {
            used = refresh(used, background);
        }
        try {
            return call.apply(authorize(request, used).build());
        } catch (ApiHttpException e) {
            if (!isAuthFailure(e)) {
                throw e;
            }
        }
        Tokens fresh = refresh(used, background);
        try {
            return call.apply(authorize(request, fresh).build());
        } catch (ApiHttpException e) {
            if (isAuthFailure(e)) {
                tokens = null;
                throw new SessionExpiredException("refused after a token refresh", e);
            }
            throw e;
        }
    }

    private static boolean isAuthFailure(ApiHttpException e) {
        return e.status() == 401 && (e.code() == null || e.is(ProblemCode.UNAUTHENTICATED)
                || e.is(ProblemCode.SESSION_EXPIRED));
    }

    /** One refresh for all threads that met the same stale token; the others reuse its result. */
    private synchronized Tokens refresh(Tokens stale, boolean background) {
        Tokens current = tokens;
        if (current == null) {
            throw new SessionExpiredException("signed out", null);
        }
        if (current != stale) {
            return current;
        }
        try {
            Request renew = post(ApiPaths.SESSION_REFRESH, new RefreshRequest(current.refresh()));
            if (background) {
                renew = renew.newBuilder().header(ApiPaths.BACKGROUND_HEADER, "true").build();
            }
            SessionDto renewed = http.send(renew, SessionDto.class);
            tokens = Tokens.of(renewed, clock);
            return tokens;
        } catch (ApiHttpException e) {
            if (e.status() == 400 || e.status() == 401 || e.status() == 403) {
                tokens = null;
                throw new SessionExpiredException("the platform refused to renew the session", e);
            }
            throw e;
        }
    }

    private Request.Builder authorize(Request.Builder request, Tokens with) {
        return request.header("Authorization", "Bearer " + with.access());
    }

    private Request.Builder get(String path) {
        return new Request.Builder().url(url(path)).get();
    }

    private Request post(String path, Object body) {
        return new Request.Builder().url(url(path)).post(http.jsonBody(body)).build();
    }

    /** Paths from {@link ApiPaths} are already percent-encoded; keep them as they are. */
    private HttpUrl url(String encodedPath) {
        String prefix = base.encodedPath().replaceAll("/+$", "");
        return base.newBuilder().encodedPath(prefix + encodedPath).build();
    }

    private record Tokens(String access, String refresh, Instant accessExpiresAt) {
        static Tokens of(SessionDto session, Clock clock) {
            return new Tokens(session.accessToken(), session.refreshToken(),
                    clock.instant().plusSeconds(Math.max(0, session.expiresIn())));
        }

        boolean expiresBefore(Instant when) {
            return accessExpiresAt.isBefore(when);
        }

        @Override
        public String toString() {
            return "Tokens[***]";
        }
    }

    // Access log (R12) and sponsor reports (R7).

    private static final TypeReference<Page<AccessLogEntryDto>> ACCESS_LOG_PAGE = new TypeReference<>() { };

    @Override
    public Page<AccessLogEntryDto> accessLog(AccessLogFilter filter, String cursor, int limit) {
        HttpUrl.Builder url = accessLogUrl(ApiPaths.ACCESS_LOG, filter).addQueryParameter("limit",
                Integer.toString(limit));
        if (cursor != null) {
            url.addQueryParameter("cursor", cursor);
        }
        return authed(new Request.Builder().url(url.build()).get(), ACCESS_LOG_PAGE);
    }

    @Override
    public long accessLogCsv(AccessLogFilter filter, OutputStream out) {
        HttpUrl url = accessLogUrl(ApiPaths.ACCESS_LOG_EXPORT, filter).build();
        return authed(new Request.Builder().url(url).get(), r -> http.stream(r, in -> in.transferTo(out)));
    }

    @Override
    public ChainVerificationDto verifyAccessLog(String checkpoint) {
        HttpUrl.Builder url = url(ApiPaths.ACCESS_LOG_VERIFY).newBuilder();
        if (checkpoint != null) {
            url.addQueryParameter("checkpoint", checkpoint);
        }
        return authed(new Request.Builder().url(url.build()).get(), new TypeReference<ChainVerificationDto>() { });
    }

    @Override
    public List<SponsorSummaryDto> sponsors() {
        return authed(get(ApiPaths.SPONSOR_REPORTS), new TypeReference<List<SponsorSummaryDto>>() { });
    }

    @Override
    public SponsorReportDto sponsorReport(String sponsorId, String courseId) {
        HttpUrl url = url(sponsorPath(sponsorId)).newBuilder().addQueryParameter("courseId", courseId).build();
        return authed(new Request.Builder().url(url).get(), new TypeReference<SponsorReportDto>() { });
    }

    @Override
    public SponsorReleaseDto releaseSponsorReport(String sponsorId, String courseId, String idempotencyKey) {
        HttpUrl url = url(sponsorPath(sponsorId) + "/releases").newBuilder().addQueryParameter("courseId", courseId)
                .build();
        // The builder is reused when a stale token is renewed: the retry carries the same key, so it releases once.
        Request.Builder request = new Request.Builder().url(url)
                .post(RequestBody.create(new byte[0], null))
                .header("Idempotency-Key", Objects.requireNonNull(idempotencyKey));
        return authed(request, new TypeReference<SponsorReleaseDto>() { });
    }

    @Override
    public RosterConversionDto reportConversion(RosterConversionReport report) {
        return authed(new Request.Builder().url(url(ApiPaths.ROSTER_CONVERSIONS)).post(http.jsonBody(report)),
                new TypeReference<RosterConversionDto>() { });
    }

    @Override
    public List<SponsorReleaseDto> sponsorReleases(String sponsorId) {
        return authed(get(sponsorPath(sponsorId) + "/releases"), new TypeReference<List<SponsorReleaseDto>>() { });
    }

    @Override
    public String sponsorReleaseCsv(String sponsorId, String releaseId) {
        String path = sponsorPath(sponsorId) + "/releases/" + ApiPaths.segment(releaseId) + "/csv";
        return authed(get(path), r -> http.stream(r,
                in -> new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] sponsorReleasePdf(String sponsorId, String releaseId) {
        String path = sponsorPath(sponsorId) + "/releases/" + ApiPaths.segment(releaseId) + "/pdf";
        return authed(get(path), r -> http.stream(r, InputStream::readAllBytes));
    }

    private HttpUrl.Builder accessLogUrl(String path, AccessLogFilter filter) {
        HttpUrl.Builder url = url(path).newBuilder();
        AccessLogFilter f = filter == null ? AccessLogFilter.none() : filter;
        addIfSet(url, "actor", f.actor());
        addIfSet(url, "action", f.action());
        addIfSet(url, "objectId", f.objectId());
        addIfSet(url, "from", f.from() == null ? null : f.from().toString());
        addIfSet(url, "to", f.to() == null ? null : f.to().toString());
        return url;
    }

    private static void addIfSet(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value.strip());
        }
    }

    private static String sponsorPath(String sponsorId) {
        return ApiPaths.SPONSOR_REPORTS + "/" + ApiPaths.segment(sponsorId);
    }

    // Breach notices (R8).

    private static final TypeReference<Page<DeliveryDto>> DELIVERY_PAGE = new TypeReference<>() { };
    private static final TypeReference<IncidentDto> INCIDENT = new TypeReference<>() { };

    @Override
    public List<IncidentSummaryDto> incidents() {
        return authed(get(ApiPaths.BREACH_NOTICES), new TypeReference<List<IncidentSummaryDto>>() { });
    }

    @Override
    public List<IncidentSummaryDto> incidentsInBackground() {
        TypeReference<List<IncidentSummaryDto>> type = new TypeReference<>() { };
        return authed(get(ApiPaths.BREACH_NOTICES).header(ApiPaths.BACKGROUND_HEADER, "true"),
                r -> http.send(r, type), true);
    }

    @Override
    public List<JurisdictionDto> jurisdictions() {
        return authed(get(ApiPaths.BREACH_JURISDICTIONS), new TypeReference<List<JurisdictionDto>>() { });
    }

    @Override
    public Versioned<IncidentDto> createIncident(IncidentRequest request) {
        Request.Builder post = new Request.Builder().url(url(ApiPaths.BREACH_NOTICES)).post(http.jsonBody(request));
        return authed(post, r -> http.sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public Versioned<IncidentDto> incident(String incidentId) {
        return authed(get(ApiPaths.breachNotice(incidentId)),
                r -> http.sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public Versioned<IncidentDto> saveIncident(String incidentId, String ifMatch, IncidentRequest request) {
        Request.Builder put = new Request.Builder().url(url(ApiPaths.breachNotice(incidentId)))
                .put(http.jsonBody(request)).header("If-Match", Objects.requireNonNull(ifMatch, "ifMatch"));
        return authed(put, r -> http.sendVersioned(r, IncidentDto.class, IncidentDto::etag));
    }

    @Override
    public BreachPreviewDto breachPreview(String incidentId) {
        return authed(get(ApiPaths.breachNotice(incidentId) + "/preview"), new TypeReference<BreachPreviewDto>() { });
    }

    @Override
    public NoticeMessageDto noticeMessage(String incidentId, String learnerId) {
        HttpUrl message = url(ApiPaths.breachNotice(incidentId) + "/preview/message").newBuilder()
                .addQueryParameter("learnerId", Objects.requireNonNull(learnerId, "learnerId")).build();
        return authed(new Request.Builder().url(message).get(), new TypeReference<NoticeMessageDto>() { });
    }

    @Override
    public IncidentDto submitIncident(String incidentId) {
        return authed(emptyPost(ApiPaths.breachNotice(incidentId) + "/submit"), INCIDENT);
    }

    @Override
    public IncidentDto returnIncident(String incidentId, String reason) {
        return authed(postBuilder(ApiPaths.breachNotice(incidentId) + "/return", new ReasonRequest(reason)), INCIDENT);
    }

    @Override
    public IncidentDto approveIncident(String incidentId, String textFingerprint, String recipientsFingerprint) {
        return authed(postBuilder(ApiPaths.breachNotice(incidentId) + "/approve",
                new ApprovalRequest(textFingerprint, recipientsFingerprint)), INCIDENT);
    }

    @Override
    public IncidentDto sendNotices(String incidentId) {
        return authed(emptyPost(ApiPaths.breachNotice(incidentId) + "/send"), INCIDENT);
    }

    @Override
    public IncidentDto cancelIncident(String incidentId, String reason) {
        return authed(postBuilder(ApiPaths.breachNotice(incidentId) + "/cancel", new ReasonRequest(reason)), INCIDENT);
    }

    @Override
    public Page<DeliveryDto> deliveries(String incidentId, DeliveryStatus status, NoticeChannel channel,
                                        String cursor, int limit) {
        HttpUrl.Builder url = url(ApiPaths.breachNotice(incidentId) + "/deliveries").newBuilder()
                .addQueryParameter("limit", Integer.toString(limit));
        addIfSet(url, "status", status == null ? null : status.name());
        addIfSet(url, "channel", channel == null ? null : channel.name());
        addIfSet(url, "cursor", cursor);
        return authed(new Request.Builder().url(url.build()).get(), DELIVERY_PAGE);
    }

    @Override
    public IncidentDto recordRegulatorNotification(String incidentId, RegulatorNotificationRequest request) {
        return authed(postBuilder(ApiPaths.breachNotice(incidentId) + "/regulator-notification", request), INCIDENT);
    }

    @Override
    public IncidentDto retryDeliveries(String incidentId) {
        return authed(emptyPost(ApiPaths.breachNotice(incidentId) + "/deliveries/retry"), INCIDENT);
    }

    @Override
    public DeliveryDto resolveDelivery(String incidentId, long deliveryId, DeliveryResolution resolution) {
        String path = ApiPaths.breachNotice(incidentId) + "/deliveries/" + deliveryId + "/resolve";
        return authed(postBuilder(path, new ResolveDeliveryRequest(resolution)), new TypeReference<DeliveryDto>() { });
    }

    @Override
    public long lettersPdf(String incidentId, OutputStream out) {
        return authed(get(ApiPaths.breachNotice(incidentId) + "/letters"),
                r -> http.stream(r, in -> in.transferTo(out)));
    }

    @Override
    public long incidentRecord(String incidentId, RecordFormat format, OutputStream out) {
        HttpUrl url = url(ApiPaths.breachNotice(incidentId) + "/record").newBuilder()
                .addQueryParameter("format", format.name().toLowerCase(Locale.ROOT)).build();
        return authed(new Request.Builder().url(url).get(), r -> http.stream(r, in -> in.transferTo(out)));
    }

    @Override
    public SiteNoticeDto proposeSiteNotice(String incidentId, SiteNoticeRequest request) {
        Request.Builder put = new Request.Builder().url(url(ApiPaths.breachNotice(incidentId) + "/site-notice"))
                .put(http.jsonBody(request));
        return authed(put, new TypeReference<SiteNoticeDto>() { });
    }

    @Override
    public SiteNoticeDto approveSiteNotice(String incidentId, String textFingerprint) {
        Request.Builder post = new Request.Builder()
                .url(url(ApiPaths.breachNotice(incidentId) + "/site-notice/approve"))
                .post(http.jsonBody(new SiteNoticeApproval(textFingerprint)));
        return authed(post, new TypeReference<SiteNoticeDto>() { });
    }

    @Override
    public void withdrawSiteNotice(String incidentId) {
        Request.Builder delete = new Request.Builder().url(url(ApiPaths.breachNotice(incidentId) + "/site-notice"))
                .delete();
        authed(delete, r -> {
            http.sendNoContent(r.newBuilder());
            return null;
        });
    }

    private Request.Builder postBuilder(String path, Object body) {
        return new Request.Builder().url(url(path)).post(http.jsonBody(body));
    }

    private Request.Builder emptyPost(String path) {
        return new Request.Builder().url(url(path)).post(RequestBody.create(new byte[0], null));
    }
}
