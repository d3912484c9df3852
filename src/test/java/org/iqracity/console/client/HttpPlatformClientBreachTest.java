package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.client.Fixtures.json;
import static org.iqracity.console.client.Fixtures.problem;
import static org.iqracity.console.client.Fixtures.session;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Page;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.JurisdictionDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.ReasonRequest;
import org.iqracity.console.api.breach.ResolveDeliveryRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.SiteNoticeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The breach-notice calls: paths, If-Match and ETags, bodies, streamed files, and refusals as typed errors. */
class HttpPlatformClientBreachTest {

    private static final Instant DISCOVERED = Instant.parse("2026-11-29T08:00:00Z");
    /** An id that needs percent-encoding in a path, to show it is encoded once. */
    private static final String ID = "inc 1";
    private static final String PATH = ApiPaths.BREACH_NOTICES + "/inc%201";

    private MockWebServer server;
    private PlatformClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new HttpPlatformClient(server.url("/").uri(), new OkHttpClient(), Clock.systemUTC());
        server.enqueue(json(200, session("access-1", "refresh-1", 600)));
        client.signIn("nb-security", "pw", "123456");
        server.takeRequest();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static IncidentRequest request() {
        return new IncidentRequest("Reporting server open", DISCOVERED, null, null, "It was open.",
                List.of(DataCategory.NAME, DataCategory.EMAIL), "Reports", "Closed.", "Be careful.",
                "privacy@northbridge.example",
                new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(), List.of("ada@example.org")),
                "Subject", "# What happened\nDear {{learner_name}}");
    }

    private static IncidentDto incident(long version, IncidentState state) {
        IncidentRequest r = request();
        return new IncidentDto(ID, r.title(), state, version, DISCOVERED, DISCOVERED.plus(Duration.ofHours(72)), null,
                null, r.whatHappened(), r.dataCategories(), r.systems(), r.measures(), r.learnerActions(),
                r.contact(), r.scope(), r.subject(), r.body(), "Nadia Ta", DISCOVERED, null, null, null, null,
                state == IncidentState.DRAFT ? null : "t-1", state == IncidentState.DRAFT ? null : "r-1", 1,
                DeliveryProgressDto.NONE, null, List.of(), null, false, null);
    }

    private static MockResponse tagged(int code, IncidentDto dto) {
        return new MockResponse.Builder(json(code, dto)).setHeader("ETag", dto.etag()).build();
    }

    @Test
    void createPostsTheRequestAndKeepsTheEtag() throws Exception {
        server.enqueue(tagged(201, incident(1, IncidentState.DRAFT)));

        Versioned<IncidentDto> created = client.breach().create(request());

        assertThat(created.etag()).isEqualTo("\"v1\"");
        assertThat(created.value().state()).isEqualTo(IncidentState.DRAFT);
        RecordedRequest post = server.takeRequest();
        assertThat(post.getMethod()).isEqualTo("POST");
        assertThat(post.getUrl().encodedPath()).isEqualTo(ApiPaths.BREACH_NOTICES);
        assertThat(Json.mapper().readValue(post.getBody().utf8(), IncidentRequest.class)).isEqualTo(request());
    }

    @Test
    void savingADraftSendsIfMatchToTheEncodedPath() throws Exception {
        server.enqueue(tagged(200, incident(4, IncidentState.DRAFT)));

        Versioned<IncidentDto> saved = client.breach().save(ID, "\"v3\"", request());

        assertThat(saved.etag()).isEqualTo("\"v4\"");
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo(PATH);
        assertThat(put.getHeaders().get("If-Match")).isEqualTo("\"v3\"");
    }

    @Test
    void anIncidentWithoutAnEtagHeaderTakesTheVersionItCarries() {
        server.enqueue(json(200, incident(7, IncidentState.SENDING)));

        assertThat(client.breach().incident(ID).etag()).isEqualTo("\"v7\"");
    }

    @Test
    void aStaleDraftIsAVersionConflict() {
        server.enqueue(problem(412, ProblemCode.VERSION_CONFLICT));

        assertThatThrownBy(() -> client.breach().save(ID, "\"v2\"", request()))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.is(ProblemCode.VERSION_CONFLICT)).isTrue();
                });
    }

    @Test
    void previewAndOneLearnersMessage() throws Exception {
        BreachPreviewDto preview = new BreachPreviewDto(1, 1, 0, 0, 0, 0, 0, 0, List.of(), 1,
                List.of("stranger@example.org"), List.of(new BreachPreviewDto.SampleLearner("l-1", "ada")), "r-1");
        NoticeMessageDto message = new NoticeMessageDto("l-1", List.of(NoticeChannel.EMAIL), "ada@example.org",
                "Subject", "Dear Ada", "<p>Dear Ada</p>", null, List.of());
        server.enqueue(json(200, preview));
        server.enqueue(json(200, message));

        assertThat(client.breach().preview(ID)).isEqualTo(preview);
        assertThat(client.breach().noticeMessage(ID, "l-1")).isEqualTo(message);

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(PATH + "/preview");
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo(PATH + "/preview/message");
        assertThat(get.getUrl().queryParameter("learnerId")).isEqualTo("l-1");
    }

    @Test
    void approvalSendsBothFingerprints() throws Exception {
        server.enqueue(json(200, incident(6, IncidentState.APPROVED)));

        assertThat(client.breach().approve(ID, "t-1", "r-1").state()).isEqualTo(IncidentState.APPROVED);

        RecordedRequest post = server.takeRequest();
        assertThat(post.getUrl().encodedPath()).isEqualTo(PATH + "/approve");
        assertThat(Json.mapper().readValue(post.getBody().utf8(), ApprovalRequest.class))
                .isEqualTo(new ApprovalRequest("t-1", "r-1"));
    }

    @Test
    void theAuthorApprovingIsForbidden() {
        server.enqueue(problem(403, ProblemCode.FORBIDDEN));

        assertThatThrownBy(() -> client.breach().approve(ID, "t-1", "r-1"))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void submitSendReturnCancelAndRetryPostToTheirPaths() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.enqueue(json(200, incident(5 + i, IncidentState.SUBMITTED)));
        }

        client.breach().submit(ID);
        client.breach().returnToAuthor(ID, "Name the systems.");
        client.breach().send(ID);
        client.breach().cancel(ID, "Raised in error.");
        client.breach().retryDeliveries(ID);

        RecordedRequest submit = server.takeRequest();
        assertThat(submit.getMethod()).isEqualTo("POST");
        assertThat(submit.getUrl().encodedPath()).isEqualTo(PATH + "/submit");
        RecordedRequest back = server.takeRequest();
        assertThat(back.getUrl().encodedPath()).isEqualTo(PATH + "/return");
        assertThat(Json.mapper().readValue(back.getBody().utf8(), ReasonRequest.class).reason())
                .isEqualTo("Name the systems.");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(PATH + "/send");
        RecordedRequest cancel = server.takeRequest();
        assertThat(cancel.getUrl().encodedPath()).isEqualTo(PATH + "/cancel");
        assertThat(Json.mapper().readValue(cancel.getBody().utf8(), ReasonRequest.class).reason())
                .isEqualTo("Raised in error.");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(PATH + "/deliveries/retry");
    }

    @Test
    void deliveriesSendOnlyTheFiltersThatAreSet() throws Exception {
        DeliveryDto row = new DeliveryDto(12, "l-1", "ada", NoticeChannel.EMAIL, DeliveryStatus.FAILED, 3,
                DISCOVERED, null, "550 Mailbox unavailable", "<m-12@notice>", "KE");
        server.enqueue(json(200, new Page<>(List.of(row), "12", 40)));
        server.enqueue(json(200, new Page<>(List.of(), null, 0)));

        Page<DeliveryDto> page = client.breach().deliveries(ID, DeliveryStatus.FAILED, NoticeChannel.EMAIL, null, 100);
        client.breach().deliveries(ID, null, null, "12", 100);

        assertThat(page.items()).containsExactly(row);
        RecordedRequest first = server.takeRequest();
        assertThat(first.getUrl().encodedPath()).isEqualTo(PATH + "/deliveries");
        assertThat(first.getUrl().queryParameter("status")).isEqualTo("FAILED");
        assertThat(first.getUrl().queryParameter("channel")).isEqualTo("EMAIL");
        assertThat(first.getUrl().queryParameterNames()).containsExactlyInAnyOrder("status", "channel", "limit");
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().queryParameterNames()).containsExactlyInAnyOrder("cursor", "limit");
        assertThat(second.getUrl().queryParameter("cursor")).isEqualTo("12");
    }

    @Test
    void resolvingAnInDoubtDeliveryPostsTheResolution() throws Exception {
        DeliveryDto row = new DeliveryDto(12, "l-1", "ada", NoticeChannel.EMAIL, DeliveryStatus.SENT, 1, DISCOVERED,
                DISCOVERED, null, "<m-12@notice>", "KE");
        server.enqueue(json(200, row));

        assertThat(client.breach().resolveDelivery(ID, 12, DeliveryResolution.DELIVERED)).isEqualTo(row);

        RecordedRequest post = server.takeRequest();
        assertThat(post.getUrl().encodedPath()).isEqualTo(PATH + "/deliveries/12/resolve");
        assertThat(Json.mapper().readValue(post.getBody().utf8(), ResolveDeliveryRequest.class).resolution())
                .isEqualTo(DeliveryResolution.DELIVERED);
    }

    @Test
    void lettersAndRecordStreamIntoTheOutput() throws Exception {
        byte[] pdf = "%PDF-1.7 letters".getBytes(StandardCharsets.US_ASCII);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/pdf")
                .body(new okio.Buffer().write(pdf)).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/csv")
                .body("step,at\nCREATED,2026-11-29\n").build());
        ByteArrayOutputStream letters = new ByteArrayOutputStream();
        ByteArrayOutputStream record = new ByteArrayOutputStream();

        assertThat(client.breach().lettersPdf(ID, letters)).isEqualTo(pdf.length);
        client.breach().record(ID, BreachClient.RecordFormat.CSV, record);

        assertThat(letters.toByteArray()).isEqualTo(pdf);
        assertThat(record.toString(StandardCharsets.UTF_8)).isEqualTo("step,at\nCREATED,2026-11-29\n");
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(PATH + "/letters");
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo(PATH + "/record");
        assertThat(get.getUrl().queryParameter("format")).isEqualTo("csv");
    }

    @Test
    void lettersBeforeApprovalComeBackAsARefusalAndWriteNothing() {
        server.enqueue(problem(409, ProblemCode.VERSION_CONFLICT));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertThatThrownBy(() -> client.breach().lettersPdf(ID, out)).isInstanceOf(ApiHttpException.class);
        assertThat(out.size()).isZero();
    }

    @Test
    void siteNoticeIsProposedWithPutApprovedWithItsFingerprintAndWithdrawnWithDelete() throws Exception {
        SiteNoticeDto proposed = new SiteNoticeDto("sn-1", "northbridge", "Northbridge University", ID, "Notice",
                "Text", null, null, "Nadia Ta", DISCOVERED, null, "fp-1", false);
        SiteNoticeDto up = new SiteNoticeDto("sn-1", "northbridge", "Northbridge University", ID, "Notice",
                "Text", DISCOVERED, null, "Nadia Ta", DISCOVERED, "Grace Liu", "fp-1", false);
        server.enqueue(json(200, proposed));
        server.enqueue(json(200, up));
        server.enqueue(new MockResponse.Builder().code(204).build());

        assertThat(client.breach().proposeSiteNotice(ID, new SiteNoticeRequest("Notice", "Text"))).isEqualTo(proposed);
        assertThat(client.breach().approveSiteNotice(ID, "fp-1")).isEqualTo(up);
        client.breach().withdrawSiteNotice(ID);

        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getUrl().encodedPath()).isEqualTo(PATH + "/site-notice");
        RecordedRequest approve = server.takeRequest();
        assertThat(approve.getMethod()).isEqualTo("POST");
        assertThat(approve.getUrl().encodedPath()).isEqualTo(PATH + "/site-notice/approve");
        assertThat(approve.getBody().utf8()).isEqualTo("{\"textFingerprint\":\"fp-1\"}");
        RecordedRequest delete = server.takeRequest();
        assertThat(delete.getMethod()).isEqualTo("DELETE");
        assertThat(delete.getUrl().encodedPath()).isEqualTo(PATH + "/site-notice");
        assertThat(delete.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void listAndJurisdictionsReadTheirPaths() throws Exception {
        server.enqueue(json(200, List.of()));
        server.enqueue(json(200, List.of(new JurisdictionDto("US", "MA",
                "United States, Massachusetts", false, true, null))));

        assertThat(client.breach().incidents()).isEmpty();
        assertThat(client.breach().jurisdictions()).singleElement().satisfies(j -> assertThat(j.letter()).isTrue());

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(ApiPaths.BREACH_NOTICES);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(ApiPaths.BREACH_JURISDICTIONS);
    }
}
