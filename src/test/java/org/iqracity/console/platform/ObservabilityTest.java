package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.http.ManagementServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * What an operator watches: Prometheus metrics on the management port (scraped over real HTTP), the request log, and
 * the form of every log line (date, node, optionally JSON), with the platform's own log configuration.
 */
class ObservabilityTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final String NODE = "node-observed";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PlatformFixture fixture;
    private static LogCapture log;
    private static String admin;

    @BeforeAll
    static void start() {
        log = new LogCapture();
        fixture = PlatformFixture.startH2(300, c -> c.withNodeId(NODE).withOperations(
                PlatformConfig.Operations.DEFAULT.withManagement("127.0.0.1", 0, null)));
        TestApi api = fixture.api();
        admin = api.signIn("nb-admin");
        assertThat(api.get(ApiPaths.COURSE_LEARNERS.replace("{courseId}", CS101), admin).status())
                .isEqualTo(200);
        assertThat(api.get(ApiPaths.BASE + "/no-such-thing/CS101", admin).status()).isEqualTo(404);
        // wrong passwords until the sign-in throttle refuses
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = api.signInResponse("nb-ta", "not-the-password", null).status();
        }
        assertThat(status).isEqualTo(429);
        // chain checks until the heavy-call limit (10 a minute) refuses one
        String officer = api.signIn("nb-security");
        status = 0;
        for (int i = 0; i < 12 && status != 429; i++) {
            status = api.get(ApiPaths.ACCESS_LOG_VERIFY, officer).status();
        }
        assertThat(status).isEqualTo(429);
    }

    @AfterAll
    static void stop() {
        try {
            if (fixture != null) {
                fixture.close();
            }
        } finally {
            log.close();
        }
    }

    private static HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + fixture.platform().managementPort().orElseThrow() + ManagementServer.METRICS));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestsAreCountedAndTimedByRouteTemplateAndStatusWithHistogramBuckets() throws Exception {
        HttpResponse<String> r = scrape(null);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        List<String> learners = lines(r.body(), "http_server_requests_seconds_bucket{",
                "route=\"/api/v1/courses/{courseId}/learners\"");
        assertThat(learners).as("a histogram: one line per bucket")
                .anyMatch(l -> l.contains("status=\"200\"") && l.contains("le=\"0.1\""))
                .anyMatch(l -> l.contains("le=\"+Inf\"") && (l.endsWith(" 1") || l.endsWith(" 1.0")));
        assertThat(lines(r.body(), "http_server_requests_seconds_count{", "route=\"(no route)\"",
                "status=\"404\"")).hasSize(1);
        assertThat(lines(r.body(), "http_server_requests_seconds_count{", "route=\"/api/v1/session\"",
                "status=\"429\"")).hasSize(1);
        assertThat(r.body()).as("ids and names stay out of the metrics").doesNotContain("CS101")
                .doesNotContain("nb-admin").doesNotContain("nb-ta").doesNotContain("no-such-thing");
    }

    @Test
    void thePoolTheThrottleTheSenderAndTheJvmAreMeteredAndEverySeriesNamesTheNode() throws Exception {
        String body = scrape(null).body();
        assertThat(lines(body, "hikaricp_connections_active{")).isNotEmpty();
        assertThat(lines(body, "hikaricp_connections_max{")).isNotEmpty();
        assertThat(lines(body, "platform_refusals_total{", "code=\"throttled\"", "route=\"/api/v1/session\""))
                .singleElement().satisfies(l -> assertThat(l).endsWith(" 1.0"));
        assertThat(lines(body, "jvm_memory_used_bytes{")).isNotEmpty();
        assertThat(lines(body, "jvm_threads_live_threads{")).isNotEmpty();
        assertThat(lines(body, "process_uptime_seconds{")).isNotEmpty();
        assertThat(body.lines().filter(l -> !l.startsWith("#") && !l.isBlank()))
                .allMatch(l -> l.contains("node=\"" + NODE + "\""));
    }

    @Test
    void theApiPortDoesNotServeTheMetrics() {
        assertThat(fixture.api().get("/metrics", null).status()).isEqualTo(404);
        assertThat(fixture.api().get("/metrics", admin).status()).isEqualTo(404);
    }

    @Test
    void aManagementPortWithItsOwnTokenRefusesAScrapeWithoutIt() throws Exception {
        try (ManagementServer guarded = ManagementServer.start("127.0.0.1", 0, "s3cret-scrape", () -> "up 1\n")) {
            URI uri = URI.create("http://127.0.0.1:" + guarded.port() + ManagementServer.METRICS);
            assertThat(HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(401);
            assertThat(HTTP.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
            HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer s3cret-scrape").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).isEqualTo("up 1\n");
        }
        assertThatThrownBy(() -> ManagementServer.start("0.0.0.0", 0, null, () -> ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLATFORM_MANAGEMENT_TOKEN");
    }

    @Test
    void eachRequestLeavesOneLogLineWithItsRouteTemplateStatusAndDurationAndNoIds() {
        List<String> lines = log.from("platform.request").stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(l -> l.matches("GET /api/v1/courses/\\{courseId}/learners 200 \\d+\\.\\d ms"))
                .anyMatch(l -> l.matches("POST /api/v1/session 429 \\d+\\.\\d ms"))
                .anyMatch(l -> l.matches("GET \\(no route\\) 404 \\d+\\.\\d ms"));
        assertThat(lines).noneMatch(l -> l.contains("CS101") || l.contains("nb-") || l.contains("no-such-thing"));
    }

    @Test
    void throttledSignInsAndRefusedHeavyCallsAreLoggedAndCountedWithoutWho() throws Exception {
        List<String> messages = log.events().stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(messages).contains("Refused for now (throttled) on POST /api/v1/session",
                "Refused for now (rate_limited) on GET /api/v1/access-log/verify");
        assertThat(messages).noneMatch(m -> m.contains("nb-ta") || m.contains("nb-security"));
        assertThat(lines(scrape(null).body(), "platform_refusals_total{", "code=\"rate_limited\"",
                "route=\"/api/v1/access-log/verify\"")).singleElement()
                .satisfies(l -> assertThat(l).endsWith(" 1.0"));
    }

    @Test
    void logLinesStartWithTheDateAndTheNodeOrAreJsonObjectsWhenAsked() throws Exception {
        Encoder<ILoggingEvent> encoder = platformEncoder();
        ILoggingEvent event = log.from("platform.request").getFirst();
        String text = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertThat(text).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z " + NODE
                + " INFO  platform.request - .+ ms\\R");

        PlatformLog.useJson(true);
        try {
            String json = new String(encoder.encode(event), StandardCharsets.UTF_8);
            assertThat(json).endsWith("\n").doesNotContain("\n{");
            JsonNode line = new ObjectMapper().readTree(json);
            assertThat(line.path("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(line.path("node").asText()).isEqualTo(NODE);
            assertThat(line.path("level").asText()).isEqualTo("INFO");
            assertThat(line.path("logger").asText()).isEqualTo("platform.request");
            assertThat(line.path("message").asText()).isEqualTo(event.getFormattedMessage());
        } finally {
            PlatformLog.useJson(false);
        }
    }

    /** The encoder of the platform's own logback.xml (the tests run with logback-test.xml). */
    @SuppressWarnings("unchecked")
    private static Encoder<ILoggingEvent> platformEncoder() throws Exception {
        LoggerContext context = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(ObservabilityTest.class.getResource("/logback.xml"));
        ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) context
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        Encoder<ILoggingEvent> encoder = stderr.getEncoder();
        assertThat(encoder).isInstanceOf(PlatformLogEncoder.class);
        return encoder;
    }

    private static List<String> lines(String body, String start, String... containing) {
        return body.lines().filter(l -> l.startsWith(start))
                .filter(l -> Arrays.stream(containing).allMatch(l::contains)).toList();
    }
}
