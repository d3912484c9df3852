package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.client.Fixtures.COURSE_ID;
import static org.iqracity.console.client.Fixtures.json;
import static org.iqracity.console.client.Fixtures.problem;
import static org.iqracity.console.client.Fixtures.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.AccessLogFilter;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ChainVerificationDto;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SponsorSummaryDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The access-log and sponsor-report calls: what goes on the wire, and how refusals come back. */
class HttpPlatformClientReportsTest {

    private static final Instant AT = Instant.parse("2026-11-29T09:00:00Z");
    private static final SponsorReleaseDto RELEASE = new SponsorReleaseDto("rel-1", "sp-acme", COURSE_ID, AT,
            "Nia Admin", 12);

    private MockWebServer server;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new HttpPlatformClient(server.url("/").uri(), new OkHttpClient(), Clock.systemUTC());
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        client.signIn("nb-admin", "pw", null);
        server.takeRequest();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void accessLogPageSendsOnlyTheFiltersThatAreSet() throws Exception {
        AccessLogEntryDto entry = new AccessLogEntryDto(7, AT, "nb-ta", "LEARNER_VIEW", "SUCCESS", "LEARNER", "l-1",
                COURSE_ID, "console/1.0", "127.0.0.1");
        server.enqueue(json(200, new Page<>(List.of(entry), "7", 31)));

        Page<AccessLogEntryDto> page = client.accessLog().page(
                new AccessLogFilter("nb-ta", "LEARNER_VIEW", null, AT, null), "12", 100);

        assertThat(page.items()).containsExactly(entry);
        assertThat(page.total()).isEqualTo(31);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo(ApiPaths.ACCESS_LOG);
        assertThat(sent.getUrl().queryParameterNames())
                .containsExactlyInAnyOrder("actor", "action", "from", "limit", "cursor");
        assertThat(sent.getUrl().queryParameter("from")).isEqualTo("2026-11-29T09:00:00Z");
        assertThat(sent.getUrl().queryParameter("cursor")).isEqualTo("12");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void accessLogCsvStreamsTheBodyIntoTheOutput() throws Exception {
        String csv = "seq,at,actor\n1,2026-11-29T09:00:00Z,nb-ta\n";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv").body(csv).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long written = client.accessLog().csv(new AccessLogFilter(null, "SIGN_IN", null, null, null), out);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(csv);
        assertThat(written).isEqualTo(csv.getBytes(StandardCharsets.UTF_8).length);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo(ApiPaths.ACCESS_LOG_EXPORT);
        assertThat(sent.getUrl().queryParameterNames()).containsExactly("action");
    }

    @Test
    void verifyAnswersTheFirstBrokenLink() throws InterruptedException {
        ChainVerificationDto cut = new ChainVerificationDto(false, 40, 17L, ChainVerificationDto.Finding.CUT_BACK,
                ChainVerificationDto.Earlier.BROKEN, null);
        server.enqueue(json(200, cut));

        assertThat(client.accessLog().verify("abc.def")).isEqualTo(cut);
        assertThat(server.takeRequest().getUrl().queryParameter("checkpoint")).isEqualTo("abc.def");
    }

    @Test
    void anOlderPlatformsAnswerWithoutCheckpointsStillReads() throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"intact\":true,\"entries\":40,\"firstBrokenSeq\":null}").build());

        ChainVerificationDto answer = client.accessLog().verify(null);

        assertThat(answer.intact()).isTrue();
        assertThat(answer.checkpoint()).isNull();
        assertThat(server.takeRequest().getUrl().queryParameterNames()).isEmpty();
    }

    @Test
    void accessLogRefusalForAnotherRoleIsATypedForbidden() {
        server.enqueue(problem(403, ProblemCode.FORBIDDEN));

        assertThatThrownBy(() -> client.accessLog().page(AccessLogFilter.none(), null, 50))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> assertThat(e.is(ProblemCode.FORBIDDEN)).isTrue());
    }

    @Test
    void sponsorsAndReportReadTheirShapes() throws Exception {
        SponsorSummaryDto acme = new SponsorSummaryDto("sp-acme", "Acme Logistics", "EMPLOYER",
                List.of(new SponsorSummaryDto.CourseCount(COURSE_ID, "Intro", 12)));
        SponsorReportDto report = new SponsorReportDto("sp-acme", "Acme Logistics", "EMPLOYER", COURSE_ID, "Intro",
                List.of(new SponsorReportRowDto("Ada L", COURSE_ID, "ACTIVE", AT, AT, 4, 0.5, false, false, false)));
        server.enqueue(json(200, List.of(acme)));
        server.enqueue(json(200, report));

        assertThat(client.sponsors().all()).containsExactly(acme);
        assertThat(client.sponsors().report("sp-acme", COURSE_ID)).isEqualTo(report);

        server.takeRequest();
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo(ApiPaths.SPONSOR_REPORTS + "/sp-acme");
        assertThat(sent.getUrl().queryParameter("courseId")).isEqualTo(COURSE_ID);
    }

    @Test
    void releaseSendsTheIdempotencyKey() throws Exception {
        server.enqueue(json(201, RELEASE));

        SponsorReleaseDto release = client.sponsors().release("sp-acme", COURSE_ID, "key-1");

        assertThat(release).isEqualTo(RELEASE);
        RecordedRequest sent = server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("POST");
        assertThat(sent.getUrl().encodedPath()).isEqualTo(ApiPaths.SPONSOR_REPORTS + "/sp-acme/releases");
        assertThat(sent.getUrl().queryParameter("courseId")).isEqualTo(COURSE_ID);
        assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
    }

    @Test
    void releaseRetriedAfterATokenRenewalCarriesTheSameKey() throws Exception {
        server.enqueue(problem(401, ProblemCode.SESSION_EXPIRED));
        server.enqueue(json(200, session("access-2", "refresh-2", 600)));
        server.enqueue(json(200, RELEASE));

        client.sponsors().release("sp-acme", COURSE_ID, "key-1");

        RecordedRequest first = server.takeRequest();
        server.takeRequest();
        RecordedRequest retry = server.takeRequest();
        assertThat(first.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
        assertThat(retry.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
        assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Bearer access-2");
    }

    @Test
    void releaseAnsweredWith200ForAKeyUsedBeforeIsTheSameRelease() {
        server.enqueue(json(200, RELEASE));

        assertThat(client.sponsors().release("sp-acme", COURSE_ID, "key-1")).isEqualTo(RELEASE);
    }

    @Test
    void releaseByACourseAdministratorIsForbidden() {
        server.enqueue(problem(403, ProblemCode.FORBIDDEN));

        assertThatThrownBy(() -> client.sponsors().release("sp-acme", COURSE_ID, "key-1"))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void snapshotPdfComesBackByteForByte() throws Exception {
        byte[] pdf = {'%', 'P', 'D', 'F', '-', (byte) 0xE2, (byte) 0xE3, (byte) 0xCF, (byte) 0xD3, 0, 10};
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf")
                .body(new okio.Buffer().write(pdf)).build());

        assertThat(client.sponsors().releasePdf("sp-acme", "rel-1")).isEqualTo(pdf);

        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo(ApiPaths.SPONSOR_REPORTS + "/sp-acme/releases/rel-1/pdf");
    }

    @Test
    void releasesAndSnapshotCsv() throws Exception {
        server.enqueue(json(200, List.of(RELEASE)));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
                .body("learner_name\nAda L\n").build());

        assertThat(client.sponsors().releases("sp-acme")).containsExactly(RELEASE);
        assertThat(client.sponsors().releaseCsv("sp-acme", "rel-1")).isEqualTo("learner_name\nAda L\n");

        server.takeRequest();
        assertThat(server.takeRequest().getUrl().encodedPath())
                .isEqualTo(ApiPaths.SPONSOR_REPORTS + "/sp-acme/releases/rel-1/csv");
    }

    @Test
    void unknownSponsorIsNotFound() {
        server.enqueue(problem(404, ProblemCode.NOT_FOUND));

        assertThatThrownBy(() -> client.sponsors().releases("sp-other"))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> assertThat(e.is(ProblemCode.NOT_FOUND)).isTrue());
    }
}
