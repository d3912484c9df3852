package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.MutableClock;
import org.junit.jupiter.api.Test;

/** The heavy calls' budgets, in memory here; {@code PostgresWorkLimitsTest} runs the same on the shared ledger. */
class WorkLimitsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    final WorkLimits limits = limits(clock);

    WorkLimits limits(MutableClock clock) {
        return new WorkLimits(clock);
    }

    static void assertBusy(Runnable call, long maxWait) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.code()).isEqualTo(ProblemCode.RATE_LIMITED);
            assertThat(e.retryAfterSeconds()).isBetween(1L, maxWait);
        });
    }

    @Test
    void aCallerRunsTwoRostersAtOnceAndAThirdWaitsUntilOneEndsClosingTwiceFreesOneSlot() {
        Caller a = Callers.staff("a");
        WorkLimits.Permit first = limits.begin(a, WorkLimits.Kind.ROSTER);
        WorkLimits.Permit second = limits.begin(a, WorkLimits.Kind.ROSTER);

        assertBusy(() -> limits.begin(a, WorkLimits.Kind.ROSTER), 5);
        first.close();
        first.close();
        WorkLimits.Permit third = limits.begin(a, WorkLimits.Kind.ROSTER);
        assertBusy(() -> limits.begin(a, WorkLimits.Kind.ROSTER), 5);
        second.close();
        third.close();
        limits.begin(a, WorkLimits.Kind.ROSTER).close();
    }

    @Test
    void researchExportsHoldACourseInMemorySoTheWholePlatformRunsTwoAtOnceAndEachCallerOne() {
        WorkLimits.Permit a = limits.begin(Callers.staff("a"), WorkLimits.Kind.RESEARCH_EXPORT);
        assertBusy(() -> limits.begin(Callers.staff("a"), WorkLimits.Kind.RESEARCH_EXPORT), 5);
        WorkLimits.Permit b = limits.begin(Callers.staff("b"), WorkLimits.Kind.RESEARCH_EXPORT);
        assertBusy(() -> limits.begin(Callers.staff("c"), WorkLimits.Kind.RESEARCH_EXPORT), 5);
        limits.begin(Callers.staff("c"), WorkLimits.Kind.ROSTER).close();
        a.close();
        limits.begin(Callers.staff("c"), WorkLimits.Kind.RESEARCH_EXPORT).close();
        b.close();
    }

    @Test
    void startsAreCountedPerMinuteAndTheWaitSaysWhenTheOldestLeavesTheWindow() {
        Caller a = Callers.staff("a");
        for (int i = 0; i < 60; i++) {
            limits.begin(a, WorkLimits.Kind.ROSTER).close();
            clock.advance(Duration.ofMillis(500));
        }
        assertBusy(() -> limits.begin(a, WorkLimits.Kind.ROSTER), 30);
        assertThat(limits.begin(Callers.staff("b"), WorkLimits.Kind.ROSTER))
                .as("another caller has a budget of their own").isNotNull();
        limits.begin(a, WorkLimits.Kind.ACCESS_LOG_EXPORT).close();

        clock.advance(Duration.ofSeconds(31));
        limits.begin(a, WorkLimits.Kind.ROSTER).close();
    }

    @Test
    void theWholePlatformRunsAtMostEightHeavyCallsAtOnce() {
        List<WorkLimits.Permit> running = new ArrayList<>();
        for (int i = 0; i < WorkLimits.PLATFORM_CONCURRENT; i++) {
            running.add(limits.begin(Callers.staff("s" + i), WorkLimits.Kind.ROSTER));
        }
        assertBusy(() -> limits.begin(Callers.staff("late"), WorkLimits.Kind.ACCESS_LOG_EXPORT), 5);
        running.removeFirst().close();
        limits.begin(Callers.staff("late"), WorkLimits.Kind.ACCESS_LOG_EXPORT).close();
        running.forEach(WorkLimits.Permit::close);
    }

    @Test
    void anAccessLogExportRunsOneAtATimeAndTenAMinute() {
        Caller officer = Callers.staff("officer");
        WorkLimits.Permit running = limits.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT);
        assertBusy(() -> limits.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT), 5);
        running.close();
        for (int i = 1; i < 10; i++) {
            limits.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT).close();
        }
        assertBusy(() -> limits.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT), 60);
    }
}
