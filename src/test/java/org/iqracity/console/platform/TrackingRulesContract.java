package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Instant;
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
    void r11CoverageCountsTheLearnersWhoAllowEachCategory() {
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
    }

    // R9: strictly necessary cannot carry consent-bound tracking under its label.

    static ObjectNode technology(ArrayNode into, String name, String party, String provider, String purpose) {
        ObjectNode t = into.addObject();
        t.put("name", name);
        t.put("kind", "SCRIPT");
        t.put("party", party);
        if (provider != null) {
            t.put("provider", provider);
        }
        t.put("category", "STRICTLY_NECESSARY");
        t.put("purpose", purpose);
        t.putArray("sets").add("_x (.example)");
        t.put("retention", "Session");
        t.putArray("runsOn").add("COURSE_PAGES");
        return t;
    }

    private static List<String> fields(TestApi.Response r) {
        List<String> fields = new ArrayList<>();
        r.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private JsonNode effectiveForLearnerWhoRefusedEverything(String courseId) {
        TestApi.Response r = api.get(ApiPaths.courseTracking(courseId)
                + "/effective?analytics=false&functional=false&marketing=false&gpc=true", admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static List<String> names(JsonNode technologies) {
        List<String> out = new ArrayList<>();
        technologies.forEach(t -> out.add(t.has("technology") ? t.path("technology").path("name").asText()
                : t.path("name").asText()));
        return out;
    }

    @Test
    void r9TargetedAdsFromAThirdPartyFiledAsNecessaryAreRefusedAndNeverApplied() {
        String id = course("MATH110");
        TestApi.Response current = read(id);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        for (String justification : new String[] {null, "Our sponsor requires it for the course to stay free."}) {
            ObjectNode body = editable(current.json());
            ArrayNode techs = body.withArray("technologies");
            ObjectNode ad = technology(techs, "Learner reach", "THIRD_PARTY", "AdNetwork", "Targeted ads");
            if (justification != null) {
                ad.put("necessityJustification", justification);
            }
            TestApi.Response r = put(id, admin, etag, body);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(fields(r)).containsExactly("technologies[" + (techs.size() - 1) + "].category");
        }
        assertThat(read(id).json().path("version").asLong()).isEqualTo(current.json().path("version").asLong());
        JsonNode eff = effectiveForLearnerWhoRefusedEverything(id);
        eff.path("applied").forEach(t -> assertThat(t.path("provider").asText()).isNotEqualTo("AdNetwork"));
        assertThat(names(eff.path("applied"))).doesNotContain("Learner reach");
    }

    @Test
    void r9AdvertisingWordsAreMatchedAsWordsInNameProviderAndPurpose() {
        String id = course("MATH110");
        TestApi.Response current = read(id);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        List<String[]> refused = List.of(new String[] {"Remarketing tag", null, "Keeps the page working."},
                new String[] {"Consent store", null, "Behavioural advertising across sites."},
                new String[] {"Partner link", null, "Tracks AFFILIATE sales."},
                new String[] {"Load balancer", "GoogleAds", "Routes requests."},
                new String[] {"Router", null, "Counts ad-clicks for the spring campaign."});
        for (String[] words : refused) {
            ObjectNode body = editable(current.json());
            ArrayNode techs = body.withArray("technologies");
            technology(techs, words[0], "FIRST_PARTY", words[1], words[2]);
            TestApi.Response r = put(id, admin, etag, body);
            assertThat(r.status()).as(words[0]).isEqualTo(422);
            assertThat(fields(r)).as(words[0]).containsExactly("technologies[" + (techs.size() - 1) + "].category");
        }
        ObjectNode body = editable(current.json());
        ArrayNode techs = body.withArray("technologies");
        technology(techs, "Download guard", "FIRST_PARTY", null,
                "Reads request headers so that the lecture loads and downloads resume; an ad hoc check of readiness.");
        technology(techs, "Adaptive reader", "FIRST_PARTY", "Adobe", "Keeps the reading position (shadow copy).");
        TestApi.Response ok = put(id, admin, etag, body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        ok.json().path("technologies").forEach(t -> assertThat(t.path("necessityFlag").isNull()).isTrue());
    }

    @Test
    void r9ThirdPartyNecessaryNeedsAJustificationAndIsThenFlagged() {
        String id = course("ENG120");
        TestApi.Response current = read(id);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        ObjectNode body = editable(current.json());
        ArrayNode techs = body.withArray("technologies");
        ObjectNode cdn = technology(techs, "Course files CDN", "THIRD_PARTY", "FastEdge CDN",
                "Serves the course's scripts, fonts and videos.");
        int at = techs.size() - 1;
        TestApi.Response missing = put(id, admin, etag, body);
        assertThat(missing.status()).as(missing.body()).isEqualTo(422);
        assertThat(fields(missing)).containsExactly("technologies[" + at + "].necessityJustification");

        for (String bad : new String[] {"x".repeat(1001), "Pages fail" + (char) 7 + " without it", "n/a"}) {
            cdn.put("necessityJustification", bad);
            TestApi.Response r = put(id, admin, etag, body);
            assertThat(r.status()).as(bad).isEqualTo(422);
            assertThat(fields(r)).as(bad).containsExactly("technologies[" + at + "].necessityJustification");
        }

        String why = "The course pages load their scripts from this CDN; without it no page opens.";
        cdn.put("necessityJustification", why);
        TestApi.Response saved = put(id, admin, etag, body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode stored = saved.json().path("technologies").get(at);
        assertThat(stored.path("necessityJustification").asText()).isEqualTo(why);
        assertThat(stored.path("necessityFlag").asText()).isEqualTo("THIRD_PARTY");

        JsonNode history = api.get(ApiPaths.courseTracking(id) + "/history", admin).json();
        assertThat(history.get(0).path("flagged")).hasSize(1);
        assertThat(history.get(0).path("flagged").get(0).path("name").asText()).isEqualTo("Course files CDN");
        assertThat(history.get(0).path("flagged").get(0).path("necessityFlag").asText()).isEqualTo("THIRD_PARTY");
        assertThat(history.get(0).path("flagged").get(0).path("necessityJustification").asText()).isEqualTo(why);
        long v = saved.json().path("version").asLong();
        JsonNode atVersion = api.get(ApiPaths.courseTracking(id) + "/history?version=" + v, admin).json();
        assertThat(atVersion.path("technologies").get(at).path("necessityFlag").asText()).isEqualTo("THIRD_PARTY");

        JsonNode eff = effectiveForLearnerWhoRefusedEverything(id);
        List<String> flagged = new ArrayList<>();
        eff.path("applied").forEach(t -> {
            if (!t.path("necessityFlag").isNull() && !t.path("necessityFlag").isMissingNode()) {
                flagged.add(t.path("name").asText() + ":" + t.path("necessityFlag").asText());
            }
        });
        assertThat(flagged).containsExactly("Course files CDN:THIRD_PARTY");
    }

    @Test
    void r9FirstPartySessionCookieIsNecessaryWithoutJustificationOrFlag() {
        String id = course("ENG120");
        TestApi.Response current = read(id);
        ObjectNode body = editable(current.json());
        technology(body.withArray("technologies"), "Sign-in session", "FIRST_PARTY", null,
                "Keeps the learner signed in between course pages.");
        TestApi.Response saved = put(id, admin, current.headers().firstValue("ETag").orElseThrow(), body);
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        saved.json().path("technologies").forEach(t -> {
            if ("FIRST_PARTY".equals(t.path("party").asText())) {
                assertThat(t.path("necessityFlag").isNull()).as(t.path("name").asText()).isTrue();
            }
        });
        JsonNode history = api.get(ApiPaths.courseTracking(id) + "/history", admin).json();
        assertThat(names(history.get(0).path("flagged"))).doesNotContain("Sign-in session", "Session cookie");
        JsonNode eff = effectiveForLearnerWhoRefusedEverything(id);
        assertThat(names(eff.path("applied"))).contains("Sign-in session", "Session cookie");
    }

    @Test
    void r9AnOlderStoredVersionStillReadsAndItsNecessaryAdvertisingIsWithheld() {
        String id = course("BIO150");
        TestApi.Response current = read(id);
        long v = current.json().path("version").asLong();
        ObjectNode doc = editable(current.json());
        technology(doc.withArray("technologies"), "Learner reach", "THIRD_PARTY", "AdNetwork", "Targeted ads");
        doc.withArray("technologies").forEach(t -> ((ObjectNode) t).remove(List.of("necessityJustification",
                "necessityFlag")));
        // as a version saved before the rule existed, in the stored shape of that time
        jdbc.update("INSERT INTO tracking_version (course_id, version, created_at, actor_id, actor_name, "
                + "reverted_from, document) VALUES (?, ?, ?, ?, ?, ?, ?)", id, v + 1, Instant.now(), null,
                "Before the rule", null, doc.toString());
        TestApi.Response legacy = read(id);
        assertThat(legacy.json().path("version").asLong()).isEqualTo(v + 1);
        JsonNode eff = effectiveForLearnerWhoRefusedEverything(id);
        assertThat(names(eff.path("applied"))).doesNotContain("Learner reach").contains("Session cookie");
        assertThat(names(eff.path("withheld"))).contains("Learner reach");
        JsonNode history = api.get(ApiPaths.courseTracking(id) + "/history", admin).json();
        assertThat(history.get(0).path("flagged").get(0).path("necessityFlag").asText()).isEqualTo("ADVERTISING");

        TestApi.Response fixed = put(id, admin, legacy.headers().firstValue("ETag").orElseThrow(),
                editable(current.json()));
        assertThat(fixed.status()).as(fixed.body()).isEqualTo(200);
        TestApi.Response back = api.send(api.request(ApiPaths.courseTracking(id) + "/revert", admin)
                .header("Content-Type", "application/json").header("If-Match", fixed.headers().firstValue("ETag")
                        .orElseThrow())
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":" + (v + 1) + "}")).build());
        assertThat(back.status()).as(back.body()).isEqualTo(422);
        assertThat(fields(back)).containsExactly("version");
        assertThat(read(id).json().path("version").asLong()).isEqualTo(v + 2);
    }
}
