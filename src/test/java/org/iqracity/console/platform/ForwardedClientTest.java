package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.Test;

/**
 * Over real HTTP: behind a trusted load balancer the access log (R12) records the client's address from
 * X-Forwarded-For; a platform that trusts no proxy (the default) records the peer's and ignores the header, so a
 * client cannot write its way to another address.
 */
class ForwardedClientTest {
    static String loggedAddress(PlatformFixture fixture, String username) {
        return fixture.jdbc().queryOne("SELECT address FROM access_log WHERE actor_username = ? AND action = "
                + "'SIGN_IN' ORDER BY id DESC", rs -> rs.getString(1), username).orElseThrow();
    }

    static int signInVia(TestApi api, String forwardedFor) {
        return api.send(api.request(ApiPaths.SESSION, null).header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"nb-ta\",\"password\":\""
                        + TestApi.PASSWORD + "\"}")).build()).status();
    }

    @Test
    void r12BehindATrustedBalancerTheLogNamesTheForwardedClient() {
        System.setProperty("platform.trustedProxies", "127.0.0.1,::1");
        try (PlatformFixture fixture = PlatformFixture.startH2(100)) {
            assertThat(signInVia(fixture.api(), "203.0.113.7")).isEqualTo(200);
            assertThat(loggedAddress(fixture, "nb-ta")).isEqualTo("203.0.113.7");
        } finally {
            System.clearProperty("platform.trustedProxies");
        }
    }

    @Test
    void r12WithoutTrustedProxiesTheHeaderIsIgnored() {
        try (PlatformFixture fixture = PlatformFixture.startH2(100)) {
            assertThat(signInVia(fixture.api(), "203.0.113.7")).isEqualTo(200);
            assertThat(loggedAddress(fixture, "nb-ta")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }
}
