package org.iqracity.console.platform.service.breach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.platform.store.RecipientRepository.Candidate;
import org.junit.jupiter.api.Test;

/** A scope is resolved once while it and the enrollments stand; whoever asks meanwhile gets that resolution. */
class ScopeResolutionsTest {
    private final AtomicInteger resolutions = new AtomicInteger();
    private final AtomicLong enrollments = new AtomicLong();
    private final Jurisdictions jurisdictions = Jurisdictions.bundled();

    private RecipientResolver.Resolution learners(int n) {
        resolutions.incrementAndGet();
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Candidate("learner" + i, "l" + i + "@example.org", Instant.EPOCH, false, "DE", null, 0));
        }
        return new RecipientResolver.Resolution(out, List.of());
    }

    @Test
    void r8PreviewSubmitAndApprovalOfOneScopeShareOneResolution() {
        ScopeResolutions kept = new ScopeResolutions((m, s) -> learners(3), jurisdictions, enrollments::get);
        var first = kept.get("northbridge", "{\"scope\":1}", BreachScope.allLearners());
        var again = kept.get("northbridge", "{\"scope\":1}", BreachScope.allLearners());

        assertThat(resolutions).hasValue(1);
        assertThat(again).isSameAs(first);
        assertThat(first.plan().size()).isEqualTo(3);
    }

    @Test
    void r8AnotherScopeAnotherMemberOrAChangedEnrollmentIsResolvedAfresh() {
        ScopeResolutions kept = new ScopeResolutions((m, s) -> learners(3), jurisdictions, enrollments::get);
        kept.get("northbridge", "{\"scope\":1}", BreachScope.allLearners());
        kept.get("northbridge", "{\"scope\":2}", BreachScope.allLearners());
        kept.get("sahel", "{\"scope\":1}", BreachScope.allLearners());
        assertThat(resolutions).hasValue(3);

        enrollments.incrementAndGet();
        kept.get("northbridge", "{\"scope\":1}", BreachScope.allLearners());
        assertThat(resolutions).as("after an enrollment changed").hasValue(4);
    }

    @Test
    void fourConcurrentPreviewsWaitForTheOneResolutionUnderWay() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ScopeResolutions kept = new ScopeResolutions((m, s) -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return learners(5);
        }, jurisdictions, enrollments::get);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ScopeResolutions.Resolved>> previews = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                previews.add(pool.submit(() -> kept.get("northbridge", "{\"list\":true}", BreachScope.allLearners())));
            }
            started.await();
            Thread.sleep(100);
            release.countDown();
            for (Future<ScopeResolutions.Resolved> f : previews) {
                assertThat(f.get().plan().size()).isEqualTo(5);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(resolutions).hasValue(1);
    }

    @Test
    void aFailedResolutionIsNotKept() {
        AtomicInteger calls = new AtomicInteger();
        ScopeResolutions kept = new ScopeResolutions((m, s) -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return learners(1);
        }, jurisdictions, enrollments::get);
        assertThatThrownBy(() -> kept.get("northbridge", "{}", BreachScope.allLearners())).hasMessage("database gone");
        assertThat(kept.get("northbridge", "{}", BreachScope.allLearners()).plan().size()).isEqualTo(1);
    }

    @Test
    void resolutionsBeyondTheBudgetDropTheLeastRecentlyUsed() {
        int large = (int) (ScopeResolutions.BUDGET / 2) + 1;
        ScopeResolutions kept = new ScopeResolutions((m, s) -> learners(large), jurisdictions, enrollments::get);
        kept.get("northbridge", "{\"a\":1}", BreachScope.allLearners());
        kept.get("northbridge", "{\"b\":1}", BreachScope.allLearners());
        assertThat(kept.size()).isEqualTo(1);
        kept.get("northbridge", "{\"b\":1}", BreachScope.allLearners());
        assertThat(resolutions).as("the newest stayed").hasValue(2);
    }
}
