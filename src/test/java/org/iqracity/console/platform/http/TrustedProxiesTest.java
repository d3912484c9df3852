package org.iqracity.console.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Behind a load balancer every request comes from the balancer: the client's address is taken from
 * X-Forwarded-For only when a trusted proxy passed it on, so nobody else can pick the address their throttles count
 * and their access-log entries show (R12, R13).
 */
class TrustedProxiesTest {
    static final TrustedProxies BALANCERS = TrustedProxies.parse("10.0.0.5, 10.1.0.0/16, fd00::/8");

    @Test
    void aTrustedProxysForwardedClientIsTheClient() {
        assertThat(BALANCERS.clientOf("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientOf("10.1.200.3", "203.0.113.7, 10.0.0.5")).as("two trusted hops")
                .isEqualTo("203.0.113.7");
        assertThat(BALANCERS.clientOf("fd12::1", "2001:db8::42")).isEqualTo("2001:db8::42");
    }

    @Test
    void aClientCannotChooseItsAddressByWritingTheHeader() {
        assertThat(BALANCERS.clientOf("198.51.100.9", "10.9.9.9")).as("not from a trusted proxy")
                .isEqualTo("198.51.100.9");
        assertThat(TrustedProxies.NONE.clientOf("10.0.0.5", "203.0.113.7")).as("no proxy is trusted by default")
                .isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientOf("10.0.0.5", "1.2.3.4, 198.51.100.9")).as("what the client wrote is left of "
                + "the first untrusted hop").isEqualTo("198.51.100.9");
        assertThat(BALANCERS.clientOf("10.0.0.5", "evil.example, 10.0.0.5")).as("a hop that is no address")
                .isEqualTo("10.0.0.5");
        assertThat(BALANCERS.clientOf("10.0.0.5", "10.0.0.5")).as("only proxies").isEqualTo("10.0.0.5");
    }

    @Test
    void onlyAddressesAndBlocksAreTakenNeverNames() {
        for (String bad : new String[] {"proxy.internal", "10.0.0.0/33", "10.0.0.0/x", "10.0.0.1/8/2", "300.1.1.1"}) {
            assertThatThrownBy(() -> TrustedProxies.parse(bad)).as(bad).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(TrustedProxies.SETTING);
        }
        assertThat(TrustedProxies.parse(" ,10.0.0.5,").clientOf("10.0.0.5", "203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
