package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.client.Fixtures.COURSE_ID;
import static org.iqracity.console.client.Fixtures.json;
import static org.iqracity.console.client.Fixtures.problem;
import static org.iqracity.console.client.Fixtures.session;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.RefreshRequest;
import org.iqracity.console.api.SessionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPlatformClientSessionTest {

    private MockWebServer server;
    private MutableClock clock;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
        client = new HttpPlatformClient(server.url("/").uri(), new OkHttpClient(), clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signInPostsTheCredentialsAndUsesTheAccessToken() throws Exception {
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        server.enqueue(json(200, Fixtures.me()));

        client.signIn("nb-security", "sandbox-password", "123456");
        client.me();

        RecordedRequest signIn = server.takeRequest();
        assertThat(signIn.getMethod()).isEqualTo("POST");
        assertThat(signIn.getUrl().encodedPath()).isEqualTo(ApiPaths.SESSION);
        SessionRequest sent = Json.mapper().readValue(signIn.getBody().utf8(), SessionRequest.class);
        assertThat(sent).isEqualTo(new SessionRequest("nb-security", "sandbox-password", "123456"));
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void unauthenticatedCallRefreshesOnceAndRetries() throws Exception {
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        server.enqueue(problem(401, ProblemCode.UNAUTHENTICATED));
        server.enqueue(json(200, session("access-2", "refresh-2", 600)));
        server.enqueue(json(200, Fixtures.me()));
        client.signIn("nb-ta", "pw", null);

        assertThat(client.me().username()).isEqualTo("nb-ta");

        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        RecordedRequest refresh = server.takeRequest();
        assertThat(refresh.getUrl().encodedPath()).isEqualTo(ApiPaths.SESSION_REFRESH);
        assertThat(Json.mapper().readValue(refresh.getBody().utf8(), RefreshRequest.class).refreshToken())
                .isEqualTo("refresh-1");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    }

    @Test
    void expiredAccessTokenIsRenewedBeforeTheCall() throws Exception {
        server.enqueue(json(200, session("access-1", "refresh-1", 60)));
        server.enqueue(json(200, session("access-2", "refresh-2", 600)));
        server.enqueue(json(200, Fixtures.me()));
        client.signIn("nb-ta", "pw", null);
        clock.advanceSeconds(120);

        client.me();

        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(ApiPaths.SESSION_REFRESH);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    }

    @Test
    void refusedRefreshEndsTheSession() {
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        server.enqueue(problem(401, ProblemCode.SESSION_EXPIRED));
        server.enqueue(problem(401, ProblemCode.INVALID_REFRESH_TOKEN));
        client.signIn("nb-ta", "pw", null);

        assertThatThrownBy(client::me).isInstanceOf(SessionExpiredException.class);
        assertThat(client.signedIn()).isFalse();
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void secondRefusalAfterARefreshEndsTheSessionWithoutLooping() {
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        server.enqueue(problem(401, ProblemCode.UNAUTHENTICATED));
        server.enqueue(json(200, session("access-2", "refresh-2", 600)));
        server.enqueue(problem(401, ProblemCode.UNAUTHENTICATED));
        client.signIn("nb-ta", "pw", null);

        assertThatThrownBy(client::me).isInstanceOf(SessionExpiredException.class);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void callsBeforeSignInAskForSignIn() {
        assertThatThrownBy(() -> client.courses().all()).isInstanceOf(SessionExpiredException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void signOutRevokesTheSessionAndForgetsTheTokens() throws Exception {
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        server.enqueue(new mockwebserver3.MockResponse.Builder().code(204).build());
        client.signIn("nb-ta", "pw", null);

        client.signOut();

        server.takeRequest();
        RecordedRequest revoke = server.takeRequest();
        assertThat(revoke.getMethod()).isEqualTo("DELETE");
        assertThat(revoke.getUrl().encodedPath()).isEqualTo(ApiPaths.SESSION);
        assertThat(revoke.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
        assertThat(client.signedIn()).isFalse();
    }

    @Test
    void courseIdsArePercentEncodedInPaths() throws Exception {
        server.enqueue(json(200, session("a", "r", 600)));
        server.enqueue(json(200, Fixtures.course(COURSE_ID)));
        client.signIn("nb-ta", "pw", null);

        assertThat(client.courses().get(COURSE_ID).id()).isEqualTo(COURSE_ID);

        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo("/api/v1/courses/course-v1%3ANorthbridge%2BCS101%2B2026_T1");
    }

    @Test
    void learnerQueryIsSentAsParameters() throws Exception {
        server.enqueue(json(200, session("a", "r", 600)));
        server.enqueue(json(200, Fixtures.page(List.of(Fixtures.row("l1", "amina")), "c2", 1)));
        client.signIn("nb-ta", "pw", null);
        LearnerQuery query = LearnerQuery.firstPage().withSearch("amina@")
                .withFilters(new LearnerQuery.Filters(EnrollmentMode.VERIFIED, true, false, List.of("KE", "de"), 0.25,
                        0.75, 0.5, 0.9, 30))
                .withSort(LearnerSort.PROGRESS, true).withCursor("c1");

        var page = client.learners().page(COURSE_ID, query);

        assertThat(page.total()).isEqualTo(1);
        assertThat(page.nextCursor()).isEqualTo("c2");
        server.takeRequest();
        var url = server.takeRequest().getUrl();
        assertThat(url.queryParameter("q")).isEqualTo("amina@");
        assertThat(url.queryParameter("mode")).isEqualTo("VERIFIED");
        assertThat(url.queryParameter("active")).isEqualTo("true");
        assertThat(url.queryParameter("passed")).isEqualTo("false");
        assertThat(url.queryParameter("country")).isEqualTo("KE,de");
        assertThat(url.queryParameter("minProgress")).isEqualTo("0.25");
        assertThat(url.queryParameter("maxProgress")).isEqualTo("0.75");
        assertThat(url.queryParameter("minGrade")).isEqualTo("0.5");
        assertThat(url.queryParameter("maxGrade")).isEqualTo("0.9");
        assertThat(url.queryParameter("inactiveDays")).isEqualTo("30");
        assertThat(url.queryParameter("sort")).isEqualTo("-progress");
        assertThat(url.queryParameter("limit")).isEqualTo("50");
        assertThat(url.queryParameter("cursor")).isEqualTo("c1");
    }

    @Test
    void coursesFollowEveryPage() throws Exception {
        server.enqueue(json(200, session("a", "r", 600)));
        server.enqueue(json(200, Fixtures.page(List.of(Fixtures.course("c1")), "next", 2)));
        server.enqueue(json(200, Fixtures.page(List.of(Fixtures.course("c2")), null, 2)));
        client.signIn("nb-ta", "pw", null);

        assertThat(client.courses().all()).extracting(c -> c.id()).containsExactly("c1", "c2");
        server.takeRequest();
        assertThat(server.takeRequest().getUrl().querySize()).isZero();
        assertThat(server.takeRequest().getUrl().queryParameter("cursor")).isEqualTo("next");
    }

    /** A clock the test moves by hand, so token expiry needs no sleeping. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            now = start;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
