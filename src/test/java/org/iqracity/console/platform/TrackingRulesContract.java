package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** R9 (with R1, R3, R11, R12) for course tracking settings, over real HTTP, on every database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TrackingRulesContract {
    TestApi api;
    Jdbc jdbc;
    String admin;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        api = fixture().api();
        jdbc = fixture().jdbc();
        admin = api.signIn("nb-admin");
    }

    static String course(String number) {
        return "course-v1:Northbridge+" + number + "+" + (number.equals("HIST210") ? "2025_T2"
                : number.equals("CS50P") ? "2025_T3" : "2026_T1");
    }

    TestApi.Response put(String courseId, String token, String etag, JsonNode body) {
        HttpRequest.Builder b = api.request(ApiPaths.courseTracking(courseId), token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (etag != null) {
            b.header("If-Match", etag);
        }
        return api.send(b.build());
    }

    TestApi.Response read(String courseId) {
        TestApi.Response r = api.get(ApiPaths.courseTracking(courseId), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    static ObjectNode editable(JsonNode settings) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("honourGlobalPrivacyControl", settings.path("honourGlobalPrivacyControl").asBoolean());
        body.set("categories", settings.path("categories").deepCopy());
        body.set("technologies", settings.path("technologies").deepCopy());
        return body;
    }

    @Test
    void r9SandboxSeedsRealisticSettingsWithOptOutLinks() {
        JsonNode s = read(course("CS101")).json();
        assertThat(s.path("version").asLong()).isPositive();
        List<String> kinds = new ArrayList<>();
        s.path("technologies").forEach(t -> kinds.add(t.path("kind").asText()));
        assertThat(kinds).contains("EMAIL_OPEN_TRACKING", "SCRIPT", "LOCAL_STORAGE");
        s.path("technologies").forEach(t -> {
            if ("THIRD_PARTY".equals(t.path("party").asText())) {
                assertThat(t.path("provider").asText()).isNotBlank();
                assertThat(t.path("optOutUrl").asText()).startsWith("https://");
            }
        });
    }

    @Test
    void r9StrictlyNecessaryCannotBeSwitchedOff() {
        String id = course("MATH110");
        TestApi.Response current = read(id);
        ObjectNode body = editable(current.json());
        ((ObjectNode) body.withArray("categories").get(0)).put("enabled", false);
        assertThat(body.withArray("categories").get(0).path("category").asText()).isEqualTo("STRICTLY_NECESSARY");
        TestApi.Response r = put(id, admin, current.headers().firstValue("ETag").orElseThrow(), body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asText()).isEqualTo("categories[0].enabled");
        assertThat(read(id).json().path("version").asLong()).isEqualTo(current.json().path("version").asLong());
    }

    @Test
    void r9InvalidTechnologiesAreRefusedFieldByField() {
        String id = course("BIO150");
        TestApi.Response current = read(id);
        ObjectNode body = editable(current.json());
        ObjectNode bad = body.withArray("technologies").addObject();
        bad.put("name", "Heatmaps");
        bad.put("kind", "SCRIPT");
        bad.put("party", "THIRD_PARTY");
        bad.put("category", "PERFORMANCE");
        bad.put("purpose", "Shows where learners click.");
        bad.putArray("sets").add("_hm (.heatmaps.example)");
        bad.put("retention", "1 year");
        bad.putArray("runsOn").add("COURSE_PAGES");
        bad.put("optOutUrl", "http://heatmaps.example/opt-out");
        TestApi.Response r = put(id, admin, current.headers().firstValue("ETag").orElseThrow(), body);
        assertThat(r.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        int at = body.withArray("technologies").size() - 1;
        assertThat(fields).containsExactlyInAnyOrder("technologies[" + at + "].provider",
                "technologies[" + at + "].optOutUrl");
    }

    @Test
    void r9MarketingNeverAppliesWithoutConsentOrWithGlobalPrivacyControl() {
        String id = course("CS101");
        JsonNode settings = read(id).json();
        boolean hasMarketing = false;
        for (JsonNode t : settings.path("technologies")) {
            hasMarketing |= "MARKETING".equals(t.path("category").asText());
        }
        if (!hasMarketing) {
            id = course("DS200");
        }
        for (String q : List.of("analytics=true&functional=true&marketing=false&gpc=false",
                "analytics=true&functional=true&marketing=true&gpc=true", "")) {
            JsonNode eff = api.get(ApiPaths.courseTracking(id) + "/effective?" + q, admin).json();
            eff.path("applied").forEach(t -> assertThat(t.path("category").asText()).isNotEqualTo("MARKETING"));
            eff.path("applied").forEach(t -> {
                if (q.isEmpty()) {
                    assertThat(t.path("category").asText()).isEqualTo("STRICTLY_NECESSARY");
                }
            });
        }
        JsonNode all = api.get(ApiPaths.courseTracking(id) + "/effective?analytics=true&functional=true&marketing=true",
                admin).json();
        List<String> categories = new ArrayList<>();
        all.path("applied").forEach(t -> categories.add(t.path("category").asText()));
        assertThat(categories).contains("MARKETING", "STRICTLY_NECESSARY", "PERFORMANCE");
        JsonNode withGpc = api.get(ApiPaths.courseTracking(id)
                + "/effective?analytics=true&functional=true&marketing=true&gpc=true", admin).json();
        List<String> reasons = new ArrayList<>();
        withGpc.path("withheld").forEach(w -> reasons.add(w.path("reason").asText()));
        assertThat(reasons).contains("GLOBAL_PRIVACY_CONTROL");
    }

    @Test
    void r9StaleVersionIsRefusedAndNothingIsOverwritten() {
        String id = course("ECON101");
        TestApi.Response opened = read(id);
        String etag = opened.headers().firstValue("ETag").orElseThrow();
        ObjectNode first = editable(opened.json());
        first.put("honourGlobalPrivacyControl", false);
        TestApi.Response saved = put(id, admin, etag, first);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        ObjectNode second = editable(opened.json());
        second.withArray("technologies").remove(1);
        TestApi.Response stale = put(id, admin, etag, second);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.code()).isEqualTo("version_conflict");
        JsonNode now = read(id).json();
        assertThat(now.path("honourGlobalPrivacyControl").asBoolean()).isFalse();
        assertThat(now.path("technologies").size()).isEqualTo(opened.json().path("technologies").size());
        assertThat(put(id, admin, null, second).status()).isEqualTo(428);
    }

    @Test
    void r9ConcurrentSavesOfTheSameVersionLetExactlyOneWin() throws Exception {
        String id = course("PHYS101");
        TestApi.Response opened = read(id);
        String etag = opened.headers().firstValue("ETag").orElseThrow();
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                ObjectNode body = editable(opened.json());
                ((ObjectNode) body.withArray("technologies").get(0)).put("retention", "Session " + i);
                racers.add(CompletableFuture.supplyAsync(() -> put(id, admin, etag, body).status(), pool));
            }
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 412)).hasSize(5);
        assertThat(read(id).json().path("version").asLong()).isEqualTo(opened.json().path("version").asLong() + 1);
    }

    @Test
    void r9HistoryTellsWhoChangedWhatAndRevertMakesANewVersion() {
        String id = course("CS50P");
        TestApi.Response opened = read(id);
        long v0 = opened.json().path("version").asLong();
        ObjectNode body = editable(opened.json());
        ArrayNode techs = body.withArray("technologies");
        String removed = techs.get(techs.size() - 1).path("name").asText();
        techs.remove(techs.size() - 1);
        TestApi.Response saved = put(id, admin, opened.headers().firstValue("ETag").orElseThrow(), body);
        assertThat(saved.status()).isEqualTo(200);
        JsonNode history = api.get(ApiPaths.courseTracking(id) + "/history", admin).json();
        assertThat(history.get(0).path("version").asLong()).isEqualTo(v0 + 1);
        assertThat(history.get(0).path("by").asText()).isEqualTo("Nora Whitfield");
        assertThat(history.get(0).path("changes").toString()).contains("Removed " + removed);
        TestApi.Response reverted = api.send(api.request(ApiPaths.courseTracking(id) + "/revert", admin)
                .header("Content-Type", "application/json").header("If-Match", saved.headers().firstValue("ETag")
                        .orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + v0 + "}")).build());
        assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
        assertThat(reverted.json().path("version").asLong()).isEqualTo(v0 + 2);
        assertThat(reverted.json().path("technologies")).isEqualTo(opened.json().path("technologies"));
        JsonNode after = api.get(ApiPaths.courseTracking(id) + "/history", admin).json();
        assertThat(after.get(0).path("revertedFrom").asLong()).isEqualTo(v0);
        assertThat(after.get(0).path("changes").toString()).contains("Added " + removed);
    }

    @Test
    void r12EveryChangeIsInTheAccessLog() {
        String id = course("HIST210");
        long before = changes(id);
        TestApi.Response opened = read(id);
        ObjectNode body = editable(opened.json());
        body.put("honourGlobalPrivacyControl", !opened.json().path("honourGlobalPrivacyControl").asBoolean());
        assertThat(put(id, admin, opened.headers().firstValue("ETag").orElseThrow(), body).status()).isEqualTo(200);
        assertThat(changes(id)).isEqualTo(before + 1);
    }

    private long changes(String courseId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action IN ('TRACKING_UPDATE', 'TRACKING_REVERT') "
                + "AND course_id = ?", rs -> rs.getLong(1), courseId).orElseThrow();
    }

    @Test
    void r1AnotherMembersCourseTrackingIsNotFound() {
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        for (String suffix : List.of("", "/history", "/effective", "/coverage")) {
            TestApi.Response r = api.get(ApiPaths.courseTracking(sahel) + suffix, admin);
            assertThat(r.status()).as(suffix).isEqualTo(404);
        }
        JsonNode body = editable(read(course("CS101")).json());
        assertThat(put(sahel, admin, "\"v1\"", body).status()).isEqualTo(404);
    }

    @Test
    void r3CourseAdminChangesOnlyAssignedCourses() {
        String ta = api.signIn("nb-ta");
        assertThat(api.get(ApiPaths.courseTracking(course("CS101")), ta).status()).isEqualTo(404);
        JsonNode body = editable(read(course("CS101")).json());
        assertThat(put(course("CS101"), ta, "\"v1\"", body).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseTracking(course("ENG120")), ta).status()).isEqualTo(200);
    }

    @Test
    void r11CoverageCountsLearnersAndSuppressesSmallCells() {
        JsonNode cov = api.get(ApiPaths.courseTracking(course("CS101")) + "/coverage", admin).json();
        long active = jdbc.queryOne("SELECT COUNT(*) FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE "
                + "e.course_id = ? AND e.active = TRUE AND l.status = 'ACTIVE'", rs -> rs.getLong(1), course("CS101"))
                .orElseThrow();
        assertThat(cov.path("learners").path("count").asLong()).isEqualTo(active);
        long marketing = jdbc.queryOne("SELECT COUNT(*) FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE "
                + "e.course_id = ? AND e.active = TRUE AND l.status = 'ACTIVE' AND l.cookie_marketing = TRUE",
                rs -> rs.getLong(1), course("CS101")).orElseThrow();
        cov.path("categories").forEach(c -> {
            if ("MARKETING".equals(c.path("category").asText())) {
                assertThat(c.path("allowing").path("count").asLong()).isEqualTo(marketing);
            }
        });
        assertThat(org.iqracity.console.platform.service.TrackingServiceProbe.display(3, 1000)).isEqualTo("fewer than 5");
        assertThat(org.iqracity.console.platform.service.TrackingServiceProbe.display(997, 1000))
                .isEqualTo("all but fewer than 5");
        assertThat(org.iqracity.console.platform.service.TrackingServiceProbe.display(500, 1000)).isEqualTo("500");
    }
}
