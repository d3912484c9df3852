package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.client.Fixtures.json;
import static org.iqracity.console.client.Fixtures.problem;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.api.ProblemCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpPlatformClientErrorsTest {

    private final OkHttpClient okHttp = new OkHttpClient.Builder()
            .connectTimeout(2, TimeUnit.SECONDS).readTimeout(2, TimeUnit.SECONDS).build();
    private MockWebServer server;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new HttpPlatformClient(server.url("/").uri(), okHttp, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {ProblemCode.INVALID_CREDENTIALS, ProblemCode.MFA_REQUIRED, ProblemCode.MFA_INVALID})
    void signInRefusalCarriesTheProblemCode(String code) {
        server.enqueue(problem(401, code));

        assertThatThrownBy(() -> client.signIn("nb-ta", "wrong", null))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo(code);
                });
        assertThat(client.signedIn()).isFalse();
    }

    @Test
    void throttledAnswerCarriesTheRetryAfterHeader() {
        server.enqueue(new MockResponse.Builder(problem(429, ProblemCode.THROTTLED, 99L))
                .setHeader("Retry-After", "42").build());

        assertThatThrownBy(() -> client.signIn("nb-ta", "x", null))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.is(ProblemCode.THROTTLED)).isTrue();
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
                });
    }

    @Test
    void throttledAnswerWithoutHeaderFallsBackToTheBody() {
        server.enqueue(problem(429, ProblemCode.THROTTLED, 17L));

        assertThatThrownBy(() -> client.signIn("nb-ta", "x", null))
                .isInstanceOfSatisfying(ApiHttpException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(17)));
    }

    @ParameterizedTest
    @ValueSource(strings = {ProblemCode.NOT_FOUND, ProblemCode.FORBIDDEN, ProblemCode.VALIDATION_FAILED,
            ProblemCode.UNAVAILABLE, ProblemCode.INTERNAL_ERROR})
    void otherProblemsKeepStatusAndCode(String code) {
        int status = switch (code) {
            case ProblemCode.NOT_FOUND -> 404;
            case ProblemCode.FORBIDDEN -> 403;
            case ProblemCode.VALIDATION_FAILED -> 400;
            case ProblemCode.UNAVAILABLE -> 503;
            default -> 500;
        };
        server.enqueue(problem(status, code));

        assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                });
    }

    @Test
    void errorPageThatIsNotAProblemStillGivesTheStatus() {
        server.enqueue(new MockResponse.Builder().code(502).addHeader("Content-Type", "text/html")
                .body("<html><body>Bad gateway</body></html>").build());

        assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(502);
                    assertThat(e.code()).isNull();
                });
    }

    @Test
    void malformedSuccessBodyIsReportedAsSuch() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"status\": \"UP\", \"apiVersion\": ").build());

        assertThatThrownBy(() -> client.health()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void htmlWhereJsonWasExpectedIsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).body("<html>captive portal</html>").build());

        assertThatThrownBy(() -> client.health()).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void unknownFieldsFromANewerPlatformAreTolerated() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"status\":\"UP\",\"database\":\"UP\",\"apiVersion\":1,\"version\":\"0.1\",\"extra\":true}")
                .build());

        assertThat(client.health()).isEqualTo(new HealthDto("UP", "UP", 1, "0.1"));
    }

    @Test
    void connectionRefusedIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        PlatformClient nowhere = new HttpPlatformClient(URI.create("http://127.0.0.1:" + freePort), okHttp,
                Clock.systemUTC());

        assertThatThrownBy(nowhere::health).isInstanceOf(PlatformUnreachableException.class);
    }

    @Test
    void silentServerTimesOutAsUnreachable() {
        server.enqueue(new MockResponse.Builder(json(200, new HealthDto("UP", "UP", 1, "x")))
                .headersDelay(5, TimeUnit.SECONDS).build());

        assertThatThrownBy(() -> client.health()).isInstanceOf(PlatformUnreachableException.class);
    }

    @Test
    void httpsToAPlainHttpServerIsATlsProblem() throws Exception {
        try (ServerSocket plain = new ServerSocket(0)) {
            Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    socket.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes());
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            URI https = URI.create("https://127.0.0.1:" + plain.getLocalPort());
            PlatformClient tls = new HttpPlatformClient(https, okHttp, Clock.systemUTC());

            assertThatThrownBy(tls::health).isInstanceOfSatisfying(TlsProblemException.class,
                    e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.NOT_TLS));
        }
    }

    @Test
    void untrustedCertificateIsATlsProblem() throws Exception {
        server.close();
        server = new MockWebServer();
        server.useHttps(SelfSignedTls.socketFactory());
        server.start();
        server.enqueue(json(200, new HealthDto("UP", "UP", 1, "x")));
        URI https = URI.create("https://127.0.0.1:" + server.getPort());

        assertThatThrownBy(() -> new HttpPlatformClient(https, okHttp, Clock.systemUTC()).health())
                .isInstanceOfSatisfying(TlsProblemException.class,
                        e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.UNTRUSTED));
    }

    @Test
    void healthIsReadFromTheApiBasePath() throws Exception {
        server.enqueue(json(200, new HealthDto("UP", "UP", 1, "0.1.0")));

        assertThat(client.health().apiVersion()).isEqualTo(1);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(ApiPaths.HEALTH);
    }
}
