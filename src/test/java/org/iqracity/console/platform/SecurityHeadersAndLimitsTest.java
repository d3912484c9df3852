package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ProblemCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer, served or refused at whatever layer, carries the security headers; the heavy calls (roster streams,
 * access-log exports and verifications) have per-caller budgets that end in 429 with Retry-After. On a platform of
 * its own, so spending budgets here leaves the other tests theirs.
 */
class SecurityHeadersAndLimitsTest {
    static final String LK_COURSE_SQL = "SELECT id FROM course WHERE member_id = 'lakeside' ORDER BY id";

    static PlatformFixture fixture;
    static RawHttp raw;
    static String admin;
    static String officer;
    static String course;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(300);
        raw = new RawHttp(fixture.api().base());
        admin = fixture.api().signIn("nb-admin");
        officer = fixture.api().signIn("nb-security");
        course = fixture.jdbc().queryOne("SELECT id FROM course WHERE member_id = 'northbridge' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    static RawHttp.Response get(String target, String token) {
        return raw.send("GET", target, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }

    static void assertSecurityHeaders(String what, RawHttp.Response r) {
        assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(r.header("Cache-Control")).as(what).contains("no-store");
        assertThat(r.header("Content-Security-Policy")).as(what).contains("default-src 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
        assertThat(r.header("Strict-Transport-Security")).as("%s: HSTS only over TLS", what).isEmpty();
        assertThat(r.header("Server")).as(what).isEmpty();
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersWhateverLayerWroteIt() {
        Map<String, RawHttp.Response> answers = new LinkedHashMap<>();
        answers.put("health 200", get(ApiPaths.HEALTH, null));
        answers.put("openapi 200", get(ApiPaths.OPENAPI, null));
        answers.put("me 200", get(ApiPaths.ME, admin));
        answers.put("learners 200", get(ApiPaths.courseLearners(course) + "?limit=3", admin));
        answers.put("roster 200", get(ApiPaths.course(course) + "/roster", admin));
        answers.put("access log csv 200", get(ApiPaths.ACCESS_LOG_EXPORT, officer));
        answers.put("401", get(ApiPaths.ME, null));
        answers.put("403", get(ApiPaths.ACCESS_LOG, admin));
        answers.put("404 route", get("/api/v1/nothing-here", admin));
        answers.put("405", raw.send("PATCH", ApiPaths.ME, Map.of("Authorization", "Bearer " + admin), null));
        answers.put("422", get(ApiPaths.courseLearners(course) + "?limit=-1", admin));
        answers.put("400 path", get("/api/v1/courses/;%1", admin));
        answers.put("400 jetty", raw.exchange("GET /api/v1/me HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)));
        answers.put("505 jetty", raw.exchange("GET /api/v1/me HTTP/9.9\r\nHost: x\r\n\r\n"
                .getBytes(StandardCharsets.ISO_8859_1)));
        answers.put("413", raw.send("POST", ApiPaths.SESSION, Map.of("Content-Type", "application/json"),
                ("{\"username\":\"" + "a".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)));
        answers.put("415", raw.send("POST", ApiPaths.SESSION, Map.of("Content-Type", "text/plain"),
                "{}".getBytes(StandardCharsets.UTF_8)));
        answers.put("431", raw.send("GET", ApiPaths.ME, Map.of("X-Big", "b".repeat(20_000)), null));
        answers.forEach(SecurityHeadersAndLimitsTest::assertSecurityHeaders);
        assertThat(answers.get("400 jetty").status()).isEqualTo(400);
        assertThat(answers.get("431").status()).isEqualTo(431);
    }

    @Test
    void rosterStreamsHaveAPerMinuteBudgetPerStaffMember() {
        String ta = fixture.api().signIn("lk-admin");
        String lakeside = fixture.jdbc().queryOne(LK_COURSE_SQL, rs -> rs.getString(1)).orElseThrow();
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Response refused = null;
        for (int i = 0; i < 70 && refused == null; i++) {
            RawHttp.Response r = get(ApiPaths.course(lakeside) + "/roster", ta);
            statuses.add(r.status());
            if (r.status() == 429) {
                refused = r;
            }
        }
        assertThat(statuses).as("the budget, then a refusal").hasSize(61).containsOnly(200, 429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains(ProblemCode.RATE_LIMITED);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(get(ApiPaths.course(course) + "/roster", admin).status()).as("others keep theirs").isEqualTo(200);

        fixture.clock().advance(Duration.ofSeconds(61));
        assertThat(get(ApiPaths.course(lakeside) + "/roster", ta).status()).as("a minute later").isEqualTo(200);
    }

    @Test
    void aRefusedRosterCostsNoBudget() {
        String sahelCourse = fixture.jdbc().queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        String token = fixture.api().signIn("nb-ta");
        for (int i = 0; i < 70; i++) {
            assertThat(get(ApiPaths.course(sahelCourse) + "/roster", token).status()).isEqualTo(404);
        }
    }

    @Test
    void accessLogExportsAndVerificationsHaveTheirOwnBudgets() {
        String sahelOfficer = fixture.api().signIn("sahel-security");
        int exports = 0;
        RawHttp.Response r;
        while ((r = get(ApiPaths.ACCESS_LOG_EXPORT, sahelOfficer)).status() == 200) {
            exports++;
        }
        assertThat(exports).isEqualTo(10);
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotEmpty();
        assertThat(get(ApiPaths.ACCESS_LOG_VERIFY, sahelOfficer).status()).as("a budget of its own").isEqualTo(200);
        assertThat(get(ApiPaths.ACCESS_LOG, sahelOfficer).status()).as("reading pages is not limited").isEqualTo(200);
        // Someone who may not export at all hears 403, not 429, however often they ask.
        for (int i = 0; i < 12; i++) {
            assertThat(get(ApiPaths.ACCESS_LOG_EXPORT, admin).status()).isEqualTo(403);
        }
    }
}
