package org.iqracity.console.platform.service.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LoginFailureRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sign-in throttle's cases on PostgreSQL, where every node counts in one table: the same waits and caps as in
 * memory, and two throttles on one database (two nodes) count each other's failures.
 */
class PostgresLoginThrottleTest extends LoginThrottleTest {
    static Database database;
    static Jdbc jdbc;

    @BeforeAll
    static void open() throws Exception {
        database = Database.server(TestPostgres.freshDatabase("login_throttle", null), TestPostgres.USER,
                TestPostgres.PASSWORD);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    LoginThrottle throttle(MutableClock clock) {
        jdbc.update("DELETE FROM login_failure");
        return LoginThrottle.shared(clock, new LoginFailureRepository(jdbc));
    }

    @Test
    void twoNodesCountTogetherSoTheSixthWrongPasswordWaitsWhicheverNodeHearsIt() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        List<LoginThrottle> nodes = List.of(throttle(clock),
                LoginThrottle.shared(clock, new LoginFailureRepository(jdbc)));
        for (int attempt = 1; attempt <= LoginThrottle.ACCOUNT_FREE_FAILURES; attempt++) {
            LoginThrottle node = nodes.get(attempt % 2);
            assertThat(node.retryAfter("nb-admin", "10.0.0." + attempt)).as("attempt %d", attempt).isEmpty();
            node.failed("nb-admin", "10.0.0." + attempt);
        }
        assertThat(nodes.get(0).retryAfter("nb-admin", "10.0.0.9")).hasValue(30);
        assertThat(nodes.get(1).retryAfter("nb-admin", "10.0.0.9")).hasValue(30);
    }

    @Test
    void theTableHoldsNoUsernameOrAddressAndForgetsWhatNoWindowLooksAt() {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        LoginThrottle node = throttle(clock);
        node.failed("nb-admin", "203.0.113.7");
        assertThat(jdbc.query("SELECT subject FROM login_failure", rs -> rs.getString(1)))
                .hasSize(2).noneMatch(s -> s.contains("nb-admin") || s.contains("203.0.113"));
        clock.advance(LoginThrottle.WINDOW.plusSeconds(1));
        node.forgetOld();
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM login_failure", rs -> rs.getLong(1))).hasValue(0L);
    }
}
