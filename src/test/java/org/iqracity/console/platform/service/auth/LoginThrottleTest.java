package org.iqracity.console.platform.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.iqracity.console.platform.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * R13's brake on guessing, on a clock the test moves: per-account waits that grow, and a per-address cap. Counted in
 * memory here; {@code PostgresLoginThrottleTest} runs the same cases on the table every node shares.
 */
class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    private final LoginThrottle throttle = throttle(clock);

    LoginThrottle throttle(MutableClock clock) {
        return new LoginThrottle(clock);
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(user, address);
        }
    }

    @Test
    void theFirstFailuresCostNothing() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES - 1);
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void waitsGrowWithEachFurtherFailureUpToTheCap() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES);
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).hasValue(30);
        throttle.failed("nb-admin", "10.0.0.1");
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).hasValue(60);
        throttle.failed("nb-admin", "10.0.0.1");
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).hasValue(120);
        fail("nb-admin", "10.0.0.1", 10);
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).hasValue(LoginThrottle.ACCOUNT_MAX_WAIT.toSeconds());
    }

    @Test
    void theWaitCountsDownAndEnds() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES);
        clock.advance(Duration.ofSeconds(20));
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).hasValue(10);
        clock.advance(Duration.ofSeconds(10));
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES - 1);
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        throttle.failed("nb-admin", "10.0.0.1");
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void successClearsTheAccount() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES + 2);
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).isPresent();
        throttle.succeeded("nb-admin");
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.1")).isEmpty();
    }

    @Test
    void accountsAreMatchedWithoutRegardToCase() {
        fail("NB-Admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES);
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.2")).isPresent();
        throttle.succeeded("NB-ADMIN");
        assertThat(throttle.retryAfter("nb-admin", "10.0.0.2")).isEmpty();
    }

    @Test
    void oneAccountsFailuresDoNotSlowAnother() {
        fail("nb-admin", "10.0.0.1", LoginThrottle.ACCOUNT_FREE_FAILURES + 3);
        assertThat(throttle.retryAfter("nb-ta", "10.0.0.9")).isEmpty();
    }

    @Test
    void anAddressTryingManyAccountsIsCapped() {
        for (int i = 0; i < LoginThrottle.ADDRESS_MAX_FAILURES; i++) {
            throttle.failed("user-" + i, "203.0.113.7");
            clock.advance(Duration.ofSeconds(1));
        }
        OptionalLong wait = throttle.retryAfter("someone-new", "203.0.113.7");
        assertThat(wait).isPresent();
        assertThat(wait.getAsLong()).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
        assertThat(throttle.retryAfter("someone-new", "198.51.100.1")).isEmpty();
        // Success on one account does not lift the address cap.
        throttle.succeeded("user-1");
        assertThat(throttle.retryAfter("someone-new", "203.0.113.7")).isPresent();
        clock.advance(LoginThrottle.WINDOW);
        assertThat(throttle.retryAfter("someone-new", "203.0.113.7")).isEmpty();
    }

    @Test
    void aMissingUsernameOrAddressIsTolerated() {
        fail(null, null, 3);
        assertThat(throttle.retryAfter(null, null)).isEmpty();
    }
}
