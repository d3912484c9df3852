package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request means what it says and nothing else: no header turns a GET into a POST, a broken escape or a number
 * with a fraction where a whole one is asked is refused rather than guessed at, a field sent twice is refused, and
 * header text is kept as the client sent it. On a platform of its own (it writes).
 */
class RequestStrictnessTest {
    static PlatformFixture fixture;
    static RawHttp raw;
    static String admin;
    static String officer;
    static String course;
    static String sponsor;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(300);
        raw = new RawHttp(fixture.api().base());
        admin = fixture.api().signIn("nb-admin");
        officer = fixture.api().signIn("nb-security");
        course = fixture.jdbc().queryOne("SELECT id FROM course WHERE member_id = 'northbridge' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        sponsor = fixture.jdbc().queryOne("SELECT sponsor_id FROM enrollment WHERE course_id = ? AND sponsor_id IS "
                + "NOT NULL ORDER BY sponsor_id", rs -> rs.getString(1), course).orElseThrow();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static long releases() {
        return fixture.jdbc().queryOne("SELECT COUNT(*) FROM sponsor_release", rs -> rs.getLong(1)).orElseThrow();
    }

    @Test
    void noHeaderMakesAGetActAsAnotherMethod() {
        String releases = ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", sponsor) + "?courseId="
                + ApiPaths.segment(course);
        long before = releases();
        for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            RawHttp.Response r = raw.send("GET", releases, Map.of("Authorization", "Bearer " + admin, header, "POST",
                    "Idempotency-Key", "override-" + header), null);
            assertThat(r.status()).as(header + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains(header);
        }
        assertThat(releases()).as("nothing released").isEqualTo(before);
        // and with the header a POST is refused too: the method is the request line's alone
        RawHttp.Response post = raw.send("POST", releases, Map.of("Authorization", "Bearer " + admin,
                "X-HTTP-Method-Override", "GET", "Idempotency-Key", "override-post"), new byte[0]);
        assertThat(post.status()).isEqualTo(400);
        assertThat(releases()).isEqualTo(before);
    }

    @Test
    void aBrokenEscapeInTheQueryIsRefusedNotDropped() {
        String learners = ApiPaths.course(course) + "/learners";
        RawHttp.Response broken = raw.send("GET", learners + "?q=%zz", Map.of("Authorization", "Bearer " + admin),
                null);
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).contains("query");
        assertThat(raw.send("GET", learners + "?q=%41", Map.of("Authorization", "Bearer " + admin), null).status())
                .as("a well-formed escape").isEqualTo(200);
    }

    @Test
    void aFractionWhereAWholeNumberIsAskedAndAFieldSentTwiceAreRefusedNamingTheField() {
        TestApi.Response fraction = fixture.api().post(ApiPaths.courseResearchExports(course), admin,
                "{\"k\":5.5}");
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(422);
        assertThat(fraction.json().path("errors").findValuesAsText("field")).containsExactly("k");

        TestApi.Response twice = fixture.api().post(ApiPaths.BREACH_NOTICES, officer, "{\"title\":\"A\","
                + "\"title\":\"B\",\"discoveredAt\":\"" + fixture.api().clock().instant().minusSeconds(60) + "\"}");
        assertThat(twice.status()).as(twice.body()).isEqualTo(422);
        assertThat(twice.json().path("errors").findValuesAsText("field")).containsExactly("title");
        assertThat(fixture.jdbc().queryOne("SELECT COUNT(*) FROM incident WHERE title IN ('A', 'B')",
                rs -> rs.getLong(1)).orElseThrow()).isZero();
    }

    @Test
    void headerTextIsKeptAsTheClientSentIt() {
        String client = "Konsole f\u00fcr B\u00fcro \u2014 \u062d\u0627\u0633\u0648\u0628";
        RawHttp.Response r = raw.send("GET", ApiPaths.course(course) + "/learners?limit=5", Map.of(
                "Authorization", "Bearer " + admin, "X-Client", client), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(fixture.jdbc().query("SELECT client FROM access_log WHERE action = 'LEARNER_LIST' AND client "
                + "IS NOT NULL", rs -> rs.getString(1))).contains(client);
    }
}
