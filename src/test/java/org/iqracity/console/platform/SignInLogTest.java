package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * R12, R13: a username is one account whatever its case, for signing in, for the throttle and for the log; a
 * Member's officers see the failed sign-ins and lock-outs of their Member's accounts. On a platform of its own (it
 * locks accounts).
 */
class SignInLogTest {
    static PlatformFixture fixture;
    static TestApi api;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(200);
        api = fixture.api();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static List<JsonNode> memberLog(String officer, String action) {
        List<JsonNode> out = new ArrayList<>();
        api.get(ApiPaths.ACCESS_LOG + "?limit=500", officer).json().path("items").forEach(e -> {
            if (e.path("action").asText().equals(action)) {
                out.add(e);
            }
        });
        return out;
    }

    @Test
    void r13AUsernameIsOneAccountWhateverItsCase() {
        TestApi.Response upper = api.signInResponse("NB-ADMIN", TestApi.PASSWORD, null);
        assertThat(upper.status()).as(upper.body()).isEqualTo(200);
        assertThat(upper.json().path("staff").path("username").asText()).isEqualTo("nb-admin");
        assertThat(api.signInResponse("Nb-Admin", TestApi.PASSWORD, null).status()).isEqualTo(200);
    }

    @Test
    void r12FailedSignInsAndTheLockOutOfAnAccountAreInItsMembersLogUnderItsName() {
        String officer = api.signIn("nb-security");
        int failuresBefore = memberLog(officer, "SIGN_IN").stream()
                .filter(e -> e.path("outcome").asText().equals("FAILURE")).toList().size();
        for (String typed : List.of("NB-TA", "nb-ta", "Nb-Ta", "NB-ta", "nB-tA")) {
            assertThat(api.signInResponse(typed, "a wrong guess", null).status()).isEqualTo(401);
        }
        TestApi.Response locked = api.signInResponse("nb-ta", TestApi.PASSWORD, null);
        assertThat(locked.status()).as("the right password waits too, in any case").isEqualTo(429);

        List<JsonNode> failures = memberLog(officer, "SIGN_IN").stream()
                .filter(e -> e.path("outcome").asText().equals("FAILURE")).toList();
        assertThat(failures.size() - failuresBefore).isEqualTo(5);
        assertThat(failures.subList(0, 5)).allSatisfy(e -> assertThat(e.path("actor").asText()).contains("nb-ta"));
        List<JsonNode> lockouts = memberLog(officer, "SIGN_IN_LOCKED");
        assertThat(lockouts).hasSize(1);
        assertThat(lockouts.getFirst().path("actor").asText()).contains("nb-ta");
        assertThat(lockouts.getFirst().path("outcome").asText()).isEqualTo("DENIED");
        // the officer finds them by the name in any case
        assertThat(api.get(ApiPaths.ACCESS_LOG + "?actor=NB-TA&action=SIGN_IN_LOCKED", officer).json().path("items"))
                .hasSize(1);
        // another Member's officer sees none of it
        String sahel = api.signIn("sahel-security");
        assertThat(memberLog(sahel, "SIGN_IN_LOCKED")).isEmpty();
    }
}
