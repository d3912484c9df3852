package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.service.auth.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** R13 over real HTTP: credentials, second factor, throttling, token rotation and theft detection, expiry. */
class SessionRulesTest {
    static PlatformFixture fixture;
    static TestApi api;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(200, Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(8));
        api = fixture.api();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void r13SignInAnswersTokensAndTheStaffMember() {
        JsonNode s = api.session("nb-ta");
        assertThat(s.path("expiresIn").asLong()).isBetween(1L, 900L);
        assertThat(s.path("staff").path("member").path("id").asText()).isEqualTo("northbridge");
        assertThat(s.path("staff").path("roles").toString()).contains("COURSE_ADMIN");
        assertThat(s.path("staff").path("courseIds").size()).isEqualTo(2);
        JsonNode me = api.get(ApiPaths.ME, s.path("accessToken").asText()).json();
        assertThat(me.path("username").asText()).isEqualTo("nb-ta");
        assertThat(api.get(ApiPaths.ME, api.signIn("nb-admin")).json().path("courseIds").asText()).isEqualTo("ALL");
    }

    @Test
    void r13TokensCarryAtLeast128BitsAndAreStoredOnlyAsHashes() {
        JsonNode s = api.session("nb-admin");
        String access = s.path("accessToken").asText();
        String refresh = s.path("refreshToken").asText();
        assertThat(access).matches("[A-Za-z0-9_-]{43,}");
        assertThat(refresh).matches("[A-Za-z0-9_-]{43,}").isNotEqualTo(access);
        long raw = fixture.jdbc().queryOne("SELECT COUNT(*) FROM session_token WHERE token_hash IN (?, ?)",
                rs -> rs.getLong(1), access, refresh).orElseThrow();
        assertThat(raw).isZero();
    }

    @Test
    void r13WrongPasswordAndUnknownUserAnswerAlike() {
        TestApi.Response wrong = api.signInResponse("lk-admin", "not-the-password", null);
        TestApi.Response unknown = api.signInResponse("nobody-here", "not-the-password", null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("invalid_credentials");
        assertThat(unknown.body()).isEqualTo(wrong.body());
        assertThat(unknown.status()).isEqualTo(wrong.status());
    }

    @Test
    void r13SecurityOfficerMustPassTheSecondFactorAndEachCodeWorksOnce() {
        TestApi.Response noCode = api.signInResponse("nb-security2", TestApi.PASSWORD, null);
        assertThat(noCode.status()).isEqualTo(401);
        assertThat(noCode.code()).isEqualTo("mfa_required");
        TestApi.Response badCode = api.signInResponse("nb-security2", TestApi.PASSWORD, "000000");
        assertThat(badCode.code()).isEqualTo("mfa_invalid");
        String code = api.nextTotp(TestApi.TOTP_SECRETS.get("nb-security2"));
        assertThat(api.signInResponse("nb-security2", TestApi.PASSWORD, code).status()).isEqualTo(200);
        TestApi.Response replay = api.signInResponse("nb-security2", TestApi.PASSWORD, code);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).as("a right code used twice says so").isEqualTo("mfa_reused");
    }

    @Test
    void r13SecondFactorIsNotAskedBeforeThePasswordIsRight() {
        TestApi.Response r = api.signInResponse("sahel-security", "wrong", null);
        assertThat(r.code()).isEqualTo("invalid_credentials");
    }

    @Test
    void r13RepeatedFailuresAreThrottledWithRetryAfter() {
        TestApi.Response last = null;
        for (int i = 0; i < 6; i++) {
            last = api.signInResponse("ghost-account", "guess-" + i, null);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.code()).isEqualTo("throttled");
        long retry = Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retry).isPositive();
        assertThat(last.json().path("retryAfterSeconds").asLong()).isEqualTo(retry);
        // Even the right password waits while the account is throttled.
        for (int i = 0; i < 5; i++) {
            api.signInResponse("nb-security", "guess-" + i, null);
        }
        String code = Totp.code(TestApi.TOTP_SECRETS.get("nb-security"), Totp.step(fixture.clock().instant()));
        assertThat(api.signInResponse("nb-security", TestApi.PASSWORD, code).status()).isEqualTo(429);
    }

    @Test
    void r13RefreshRotatesAndTheOldRefreshTokenStopsWorking() {
        JsonNode first = api.session("nb-admin");
        TestApi.Response refreshed = api.post(ApiPaths.SESSION_REFRESH, null,
                "{\"refreshToken\":" + TestApi.q(first.path("refreshToken").asText()) + "}");
        assertThat(refreshed.status()).isEqualTo(200);
        String newAccess = refreshed.json().path("accessToken").asText();
        assertThat(newAccess).isNotEqualTo(first.path("accessToken").asText());
        assertThat(api.get(ApiPaths.ME, newAccess).status()).isEqualTo(200);
    }

    @Test
    void r13ReusingARefreshTokenRevokesTheWholeSession() {
        JsonNode first = api.session("nb-admin");
        String body = "{\"refreshToken\":" + TestApi.q(first.path("refreshToken").asText()) + "}";
        String stolenUse = api.post(ApiPaths.SESSION_REFRESH, null, body).json().path("accessToken").asText();
        TestApi.Response reuse = api.post(ApiPaths.SESSION_REFRESH, null, body);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.code()).isEqualTo("invalid_refresh_token");
        TestApi.Response after = api.get(ApiPaths.ME, stolenUse);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.code()).isEqualTo("session_expired");
    }

    @Test
    void r13SignOutRevokesAccessAndRefresh() {
        JsonNode s = api.session("lk-admin");
        String access = s.path("accessToken").asText();
        assertThat(api.delete(ApiPaths.SESSION, access).status()).isEqualTo(204);
        assertThat(api.get(ApiPaths.ME, access).status()).isEqualTo(401);
        assertThat(api.post(ApiPaths.SESSION_REFRESH, null,
                "{\"refreshToken\":" + TestApi.q(s.path("refreshToken").asText()) + "}").status()).isEqualTo(401);
    }

    @Test
    void r13AccessTokenExpiresButRefreshKeepsAnActiveSessionGoing() {
        JsonNode s = api.session("nb-admin");
        fixture.clock().advance(Duration.ofMinutes(11));
        TestApi.Response expired = api.get(ApiPaths.ME, s.path("accessToken").asText());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("unauthenticated");
        TestApi.Response refreshed = api.post(ApiPaths.SESSION_REFRESH, null,
                "{\"refreshToken\":" + TestApi.q(s.path("refreshToken").asText()) + "}");
        assertThat(refreshed.status()).isEqualTo(200);
    }

    @Test
    void r13IdleSessionEnds() {
        JsonNode s = api.session("nb-admin");
        fixture.clock().advance(Duration.ofMinutes(31));
        TestApi.Response r = api.post(ApiPaths.SESSION_REFRESH, null,
                "{\"refreshToken\":" + TestApi.q(s.path("refreshToken").asText()) + "}");
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void r13SessionEndsAtTheAbsoluteLimitEvenWhenActive() {
        JsonNode s = api.session("nb-admin");
        String refresh = s.path("refreshToken").asText();
        for (int i = 0; i < 17; i++) {
            fixture.clock().advance(Duration.ofMinutes(29));
            TestApi.Response r = api.post(ApiPaths.SESSION_REFRESH, null,
                    "{\"refreshToken\":" + TestApi.q(refresh) + "}");
            if (r.status() != 200) {
                assertThat(i).as("ended only past 8 hours").isGreaterThanOrEqualTo(16);
                assertThat(r.code()).isEqualTo("session_expired");
                return;
            }
            refresh = r.json().path("refreshToken").asText();
        }
        throw new AssertionError("the session outlived its absolute limit");
    }

    @Test
    void r13DisablingAnAccountEndsItsSessions() {
        JsonNode s = api.session("sahel-admin");
        String staffId = fixture.jdbc().queryOne("SELECT id FROM staff WHERE username = 'sahel-admin'",
                rs -> rs.getString(1)).orElseThrow();
        fixture.platform().auth().disable(staffId);
        try {
            assertThat(api.get(ApiPaths.ME, s.path("accessToken").asText()).code()).isEqualTo("session_expired");
            assertThat(api.signInResponse("sahel-admin", TestApi.PASSWORD, null).code())
                    .isEqualTo("invalid_credentials");
        } finally {
            fixture.jdbc().update("UPDATE staff SET status = 'ACTIVE' WHERE id = ?", staffId);
        }
    }

    @Test
    void r13SignInsAndFailuresAreInTheAccessLog() {
        api.signInResponse("lk-admin", "wrong-password", null);
        api.signIn("lk-admin");
        List<String> outcomes = fixture.jdbc().query("SELECT outcome FROM access_log WHERE member_id = 'lakeside' "
                + "AND action = 'SIGN_IN' ORDER BY seq", rs -> rs.getString(1));
        assertThat(outcomes).contains("FAILURE", "SUCCESS");
    }

    @Test
    void totpMatchesTheRfc6238ReferenceValues() {
        // RFC 6238 appendix B, SHA-1 secret "12345678901234567890" (base32 below), truncated to six digits.
        String secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        assertThat(Totp.code(secret, 59 / 30)).isEqualTo("287082");
        assertThat(Totp.code(secret, 1111111109L / 30)).isEqualTo("081804");
        assertThat(Totp.code(secret, 20000000000L / 30)).isEqualTo("353130");
    }
}
