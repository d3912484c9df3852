package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R12, R13: a staff member probing ids they may not see leaves a trace that says so, without flooding the log: the
 * first refusal of a minute at once, the rest as one counted entry; past the limit their requests wait (429).
 */
class RefusalFloodTest {
    static PlatformFixture fixture;
    static TestApi api;
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(200);
        api = fixture.api();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<String> refusalsOf(String username) {
        return fixture.jdbc().query("SELECT object_id FROM access_log WHERE actor_username = ? AND action = "
                + "'ACCESS_NOT_FOUND' ORDER BY seq", rs -> rs.getString(1), username);
    }

    @Test
    void r12AFloodOfRefusalsIsCountedNotWrittenOneByOneAndR13ItIsThrottled() {
        String scoped = api.signIn("nb-ta");
        int answered404 = 0;
        TestApi.Response last = null;
        for (int i = 0; i < 130; i++) {
            last = api.get(ApiPaths.courseLearners(DS200) + "/no-such-learner-" + i, scoped);
            if (last.status() == 404) {
                answered404++;
            }
        }
        assertThat(answered404).isEqualTo(120 + 1);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        // one entry so far: the first refusal of the minute
        assertThat(refusalsOf("nb-ta")).hasSize(1);

        // the minute is over: the next request is heard again, and the minute's repeats are one counted entry
        fixture.clock().advance(Duration.ofSeconds(61));
        TestApi.Response after = api.get(ApiPaths.courseLearners(DS200) + "/no-such-learner-x", scoped);
        assertThat(after.status()).isEqualTo(404);
        List<String> entries = refusalsOf("nb-ta");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(1)).contains("GET /api/v1/courses/{courseId}/learners/{learnerId}")
                .contains("\u00d7120 more in the minute");
        // the chain still holds
        assertThat(api.get(ApiPaths.ACCESS_LOG_VERIFY, api.signIn("nb-security")).json().path("intact").asBoolean())
                .isTrue();
    }
}
