package org.iqracity.console.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.TestApi;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How long the insights of the sandbox's biggest course take through HTTP: the first call after the platform starts
 * (database cache cold), then recounts (the platform's one-minute cache expired by moving its clock), then a call the
 * cache answers. {@code -Dinsights.data=DIR} is an H2 data folder (seeded with {@code -Dinsights.learners} when
 * empty; migration V9 changes an older one, so give a copy); results go to {@code target/insights-benchmark.md}.
 */
@Tag("benchmark")
class InsightsBenchmark {
    private static final String BIG = "course-v1:Northbridge+CS101+2026_T1";

    @Test
    void insightsOfTheBiggestCourse() throws Exception {
        Path data = Path.of(System.getProperty("insights.data", "target/bench-data/insights-20k"));
        int learners = Integer.getInteger("insights.learners", 20_000);
        int recounts = Integer.getInteger("insights.recounts", 5);
        MutableClock clock = MutableClock.systemNow();
        long startedAt = System.nanoTime();
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(learners),
                StartupListener.NONE, clock)) {
            double startSeconds = (System.nanoTime() - startedAt) / 1e9;
            TestApi api = new TestApi(platform.baseUri(), clock);
            String token = api.signIn("nb-admin");
            String path = ApiPaths.courseInsights(BIG);
            double first = time(api, path, token);
            List<Double> counted = new ArrayList<>();
            for (int i = 0; i < recounts; i++) {
                clock.advance(Duration.ofSeconds(61));
                counted.add(time(api, path, token));
            }
            double cached = time(api, path, token);
            long enrolled = api.get(path, token).json().path("enrolled").path("count").asLong();
            List<Double> sorted = counted.stream().sorted().toList();
            String line = String.format(Locale.ROOT, "| insights of %,d enrollments (%s, %,d learners) | "
                    + "first after start %.0f ms; recount median %.0f ms, max %.0f ms (%d runs); cached %.0f ms | "
                    + "platform start incl. migrations %.1f s |", enrolled, data.getFileName(), learners, first,
                    sorted.get(sorted.size() / 2), sorted.getLast(), recounts, cached, startSeconds);
            System.out.println(line);
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/insights-benchmark.md"), line + System.lineSeparator());
            assertThat(enrolled).isPositive();
        }
    }

    private static double time(TestApi api, String path, String token) {
        long t = System.nanoTime();
        TestApi.Response r = api.send(api.request(path, token).timeout(Duration.ofMinutes(10)).GET().build());
        double ms = (System.nanoTime() - t) / 1e6;
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return ms;
    }
}
