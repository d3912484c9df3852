package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iqracity.console.client.Fixtures.COURSE_ID;
import static org.iqracity.console.client.Fixtures.json;
import static org.iqracity.console.client.Fixtures.session;
import static org.iqracity.console.client.Fixtures.write;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ConsentCoverageDto;
import org.iqracity.console.api.ConsentCoverageDto.AggregateCount;
import org.iqracity.console.api.EffectiveTrackingDto;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.TrackingCategory;
import org.iqracity.console.api.TrackingCategorySetting;
import org.iqracity.console.api.TrackingRevertRequest;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPlatformClientTrackingTest {

    private static final String TRACKING = ApiPaths.courseTracking(COURSE_ID);

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

    private static TrackingSettingsDto settings(long version) {
        return new TrackingSettingsDto(COURSE_ID, version, true,
                List.of(new TrackingCategorySetting(TrackingCategory.STRICTLY_NECESSARY, true),
                        new TrackingCategorySetting(TrackingCategory.PERFORMANCE, true),
                        new TrackingCategorySetting(TrackingCategory.FUNCTIONALITY, false),
                        new TrackingCategorySetting(TrackingCategory.MARKETING, false)),
                List.of(), Instant.parse("2026-03-01T10:00:00Z"), "Nora Whitfield");
    }

    private static MockResponse tagged(TrackingSettingsDto dto) {
        return new MockResponse.Builder(json(200, dto)).setHeader("ETag", dto.etag()).build();
    }

    private static MockResponse problem(int status, String code, List<Problem.FieldError> errors) {
        Problem p = new Problem("about:blank", "Problem", status, "detail", code, errors, null);
        return new MockResponse.Builder().code(status).addHeader("Content-Type", Problem.MEDIA_TYPE)
                .body(write(p)).build();
    }

    @Test
    void readingSettingsKeepsTheEtagTheyCameWith() throws Exception {
        server.enqueue(tagged(settings(4)));

        Versioned<TrackingSettingsDto> answer = client.tracking().current(COURSE_ID);

        assertThat(answer.etag()).isEqualTo("\"v4\"");
        assertThat(answer.value().version()).isEqualTo(4);
        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().encodedPath()).isEqualTo(TRACKING);
        assertThat(get.getHeaders().get("Authorization")).isEqualTo("Bearer access-1");
    }

    @Test
    void settingsWithoutAnEtagAreNotTrusted() {
        server.enqueue(json(200, settings(4)));

        assertThatThrownBy(() -> client.tracking().current(COURSE_ID)).isInstanceOf(MalformedResponseException.class);
    }

    @Test
    void savingSendsIfMatchAndTheBodyAndReturnsTheNewEtag() throws Exception {
        server.enqueue(tagged(settings(5)));
        TrackingSettingsRequest body = settings(4).toRequest();

        Versioned<TrackingSettingsDto> saved = client.tracking().save(COURSE_ID, "\"v4\"", body);

        assertThat(saved.etag()).isEqualTo("\"v5\"");
        RecordedRequest put = server.takeRequest();
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getHeaders().get("If-Match")).isEqualTo("\"v4\"");
        assertThat(Json.mapper().readValue(put.getBody().utf8(), TrackingSettingsRequest.class)).isEqualTo(body);
    }

    @Test
    void staleVersionIsAVersionConflict() {
        server.enqueue(problem(412, ProblemCode.VERSION_CONFLICT, List.of()));

        assertThatThrownBy(() -> client.tracking().save(COURSE_ID, "\"v3\"", settings(3).toRequest()))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(412);
                    assertThat(e.is(ProblemCode.VERSION_CONFLICT)).isTrue();
                });
    }

    @Test
    void refusedFieldsComeWithTheirPaths() {
        server.enqueue(problem(422, ProblemCode.VALIDATION_FAILED, List.of(
                new Problem.FieldError("technologies[2].optOutUrl", "An opt-out link must be an https:// address."),
                new Problem.FieldError("categories[0].enabled", "Always on."))));

        assertThatThrownBy(() -> client.tracking().save(COURSE_ID, "\"v3\"", settings(3).toRequest()))
                .isInstanceOfSatisfying(ApiHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.problem().errors()).extracting(Problem.FieldError::field)
                            .containsExactly("technologies[2].optOutUrl", "categories[0].enabled");
                });
    }

    @Test
    void revertPostsTheVersionWithIfMatch() throws Exception {
        server.enqueue(tagged(settings(6)));

        Versioned<TrackingSettingsDto> reverted = client.tracking().revert(COURSE_ID, "\"v5\"", 2);

        assertThat(reverted.etag()).isEqualTo("\"v6\"");
        RecordedRequest post = server.takeRequest();
        assertThat(post.getUrl().encodedPath()).isEqualTo(TRACKING + "/revert");
        assertThat(post.getHeaders().get("If-Match")).isEqualTo("\"v5\"");
        assertThat(Json.mapper().readValue(post.getBody().utf8(), TrackingRevertRequest.class).version()).isEqualTo(2);
    }

    @Test
    void historyAndOneVersionAreReadFromTheHistoryPath() throws Exception {
        server.enqueue(json(200, List.of(new TrackingVersionDto(2, Instant.parse("2026-03-02T10:00:00Z"), "Nora",
                List.of("Marketing was switched on."), null))));
        server.enqueue(json(200, settings(1)));

        assertThat(client.tracking().history(COURSE_ID)).singleElement()
                .satisfies(v -> assertThat(v.changes()).containsExactly("Marketing was switched on."));
        assertThat(client.tracking().at(COURSE_ID, 1).version()).isEqualTo(1);

        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(TRACKING + "/history");
        RecordedRequest at = server.takeRequest();
        assertThat(at.getUrl().queryParameter("version")).isEqualTo("1");
    }

    @Test
    void coverageKeepsSuppressedCountsAsGiven() throws Exception {
        AggregateCount few = new AggregateCount(null, "fewer than 5");
        server.enqueue(json(200, new ConsentCoverageDto(new AggregateCount(500L, "500"),
                List.of(new ConsentCoverageDto.CategoryCoverage(TrackingCategory.MARKETING, few)), few)));

        ConsentCoverageDto coverage = client.tracking().coverage(COURSE_ID);

        assertThat(coverage.categories().getFirst().allowing()).isEqualTo(few);
        assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo(TRACKING + "/coverage");
    }

    @Test
    void effectiveSendsTheLearnersChoices() throws Exception {
        server.enqueue(json(200, new EffectiveTrackingDto(true, false, false, true,
                List.of(), List.of())));

        client.tracking().effective(COURSE_ID, true, false, false, true);

        RecordedRequest get = server.takeRequest();
        assertThat(get.getUrl().queryParameter("analytics")).isEqualTo("true");
        assertThat(get.getUrl().queryParameter("functional")).isEqualTo("false");
        assertThat(get.getUrl().queryParameter("gpc")).isEqualTo("true");
    }
}
