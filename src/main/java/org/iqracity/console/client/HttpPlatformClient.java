package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.RefreshRequest;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.api.SessionRequest;
import org.iqracity.console.api.SigningKeyDto;

/** {@link PlatformClient} over OkHttp. Thread-safe: one instance serves every background task of a session. */
public final class HttpPlatformClient implements PlatformClient {

    /** Renew a little before the platform would refuse the token, so a call rarely meets a 401 at all. */
    private static final long EARLY_REFRESH_SECONDS = 20;

    private final URI baseUri;
    private final HttpUrl base;
    private final HttpExchange http;
    /** For answers the platform must compute before the first byte (a research export of a large course). */
    private final HttpExchange patient;
    private final Clock clock;
    private volatile Tokens tokens;
    private final CoursesClient courses = new HttpCourses(this);
    private final LearnersClient learners = new HttpLearners(this);
    private final TrackingClient tracking = new HttpTracking(this);
    private final InsightsClient insights = new HttpInsights(this);
    private final RostersClient rosters = new HttpRosters(this);
    private final ResearchClient research = new HttpResearch(this);
    private final AccessLogClient accessLog = new HttpAccessLog(this);
    private final SponsorsClient sponsors = new HttpSponsors(this);
    private final BreachClient breach = new HttpBreach(this);

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
    public CoursesClient courses() {
        return courses;
    }

    @Override
    public LearnersClient learners() {
        return learners;
    }

    @Override
    public TrackingClient tracking() {
        return tracking;
    }

    @Override
    public InsightsClient insights() {
        return insights;
    }

    @Override
    public RostersClient rosters() {
        return rosters;
    }

    @Override
    public ResearchClient research() {
        return research;
    }

    @Override
    public AccessLogClient accessLog() {
        return accessLog;
    }

    @Override
    public SponsorsClient sponsors() {
        return sponsors;
    }

    @Override
    public BreachClient breach() {
        return breach;
    }

    // What the parts share: every call they make goes through the session's tokens here.

    <T> T authed(Request.Builder request, TypeReference<T> type) {
        return authed(request, r -> http.send(r, type));
    }

    @Override
    public SigningKeyDto signingKey() {
        return http.send(get(ApiPaths.SIGNING_KEY).build(), SigningKeyDto.class);
    }

    <T> T authed(Request.Builder request, Function<Request, T> call) {
        return authed(request, call, false);
    }

    <T> T authed(Request.Builder request, Function<Request, T> call, boolean background) {
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

    Request.Builder get(String path) {
        return new Request.Builder().url(url(path)).get();
    }

    private Request post(String path, Object body) {
        return new Request.Builder().url(url(path)).post(http.jsonBody(body)).build();
    }

    /** Paths from {@link ApiPaths} are already percent-encoded; keep them as they are. */
    HttpUrl url(String encodedPath) {
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

    static void addIfSet(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value.strip());
        }
    }

    HttpExchange http() {
        return http;
    }

    HttpExchange patient() {
        return patient;
    }

    Request.Builder postBuilder(String path, Object body) {
        return new Request.Builder().url(url(path)).post(http.jsonBody(body));
    }

    Request.Builder emptyPost(String path) {
        return new Request.Builder().url(url(path)).post(RequestBody.create(new byte[0], null));
    }
}
