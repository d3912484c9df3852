package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One officer's previews must not stall everyone else: four clients preview (and keep changing) breach notices whose
 * scope is a list of 200,000 entries while a course administrator opens the first page of a course. The
 * administrator's page stays within 3x its idle time.
 *
 * <pre>
 * mvn -B -ntp -Pbenchmark test -Dtest=BreachPreviewLoadBenchmark
 * </pre>
 */
@Tag("benchmark")
class BreachPreviewLoadBenchmark {
    private static final int LIST = Integer.getInteger("bench.list", 200_000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 300);
    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("bench.seconds", 40));

    @Test
    void fourPreviewsOfA200000EntryListLeaveAnotherStaffMembersPageWithin3xItsIdleTime(@TempDir Path dir)
            throws Exception {
        try (ChildPlatform platform = ChildPlatform.start(dir.resolve("data"), 20_000, List.of(),
                dir.resolve("platform.log"))) {
            TestApi api = new TestApi(platform.base(), MutableClock.systemNow());
            String admin = api.signIn("nb-admin");
            String course = api.get(ApiPaths.COURSES, admin).json().path("items").get(0).path("id").asText();
            String page = ApiPaths.courseLearners(course) + "?limit=50";
            List<String> learners = new ArrayList<>();
            for (JsonNode item : api.get(ApiPaths.courseLearners(course) + "?limit=500", admin).json().path("items")) {
                learners.add(item.path("learnerId").asText());
            }
            timings(api, page, admin, 1_000, null); // warm-up: the platform's code compiled, its caches filled
            double[] idle = timings(api, page, admin, SAMPLES, null);

            List<Previewer> previewers = new ArrayList<>();
            for (String officer : List.of("nb-security", "nb-security2")) {
                String token = new TestApi(platform.base(), MutableClock.systemNow()).signIn(officer);
                for (int i = 0; i < 2; i++) {
                    previewers.add(new Previewer(api, token, learners, previewers.size()));
                }
            }
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = previewers.stream().map(p -> Thread.ofPlatform().start(() -> p.run(running)))
                    .toList();
            Thread.sleep(3_000); // the first resolutions are under way
            double[] loaded = timings(api, page, admin, SAMPLES, LOAD);
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
            int previews = previewers.stream().mapToInt(p -> p.done.get()).sum();
            int refused = previewers.stream().mapToInt(p -> p.refused.get()).sum();
            System.out.printf("BREACH PREVIEW LOAD: list %,d; first page idle p50 %.1f ms p95 %.1f ms; under 4 "
                            + "previewing clients p50 %.1f ms p95 %.1f ms (x%.1f, x%.1f); %d previews answered, "
                            + "%d refused with 429%n", LIST, pct(idle, 50), pct(idle, 95), pct(loaded, 50),
                    pct(loaded, 95), pct(loaded, 50) / pct(idle, 50), pct(loaded, 95) / pct(idle, 95), previews,
                    refused);
            assertThat(previews).as("previews answered").isPositive();
            assertThat(pct(loaded, 50)).as("median first page under load, ms").isLessThanOrEqualTo(3 * pct(idle, 50));
            assertThat(pct(loaded, 95)).as("p95 first page under load, ms").isLessThanOrEqualTo(3 * pct(idle, 95));
        }
    }

    /** Page times in ms: {@code n} of them, or as many as fit in {@code atLeast} when given. */
    private static double[] timings(TestApi api, String path, String token, int n, Duration atLeast) {
        List<Double> out = new ArrayList<>();
        long end = atLeast == null ? 0 : System.nanoTime() + atLeast.toNanos();
        while (out.size() < n || System.nanoTime() < end) {
            long t0 = System.nanoTime();
            TestApi.Response r = api.get(path, token);
            out.add((System.nanoTime() - t0) / 1e6);
            assertThat(r.status()).isEqualTo(200);
        }
        double[] a = out.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a;
    }

    private static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /**
     * An officer's client previewing its own notice again and again. Four lists of 200,000 are more than the kept
     * resolutions hold together, so the previews keep resolving lists afresh.
     */
    private static final class Previewer {
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final TestApi api;
        private final String token;
        private final List<String> entries;
        private IncidentDto draft;

        Previewer(TestApi api, String token, List<String> learners, int n) {
            this.api = api;
            this.token = token;
            this.entries = new ArrayList<>(learners);
            for (int i = entries.size(); i < LIST; i++) {
                entries.add("someone" + n + "." + i + "@example.org");
            }
            BreachApi breach = new BreachApi(api);
            draft = breach.created(token, breach.request("Preview load " + n, scope(), Instant.now()
                    .minus(Duration.ofHours(1))));
        }

        private BreachScope scope() {
            return new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(), entries);
        }

        void run(AtomicBoolean running) {
            while (running.get()) {
                TestApi.Response preview = api.get(ApiPaths.breachNotice(draft.id()) + "/preview", token);
                if (preview.status() == 200) {
                    done.incrementAndGet();
                } else if (preview.status() == 429) {
                    refused.incrementAndGet();
                    sleep(200);
                } else {
                    throw new AssertionError(preview.status() + " " + preview.body());
                }
            }
        }

        private static void sleep(long ms) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
