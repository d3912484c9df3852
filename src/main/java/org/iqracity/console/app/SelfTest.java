package org.iqracity.console.app;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;

/**
 * {@code member-console self-test}: proves an installation works without a display. Starts the embedded platform
 * on a small sandbox in a temporary folder, signs in over HTTP, reads a page of learners, and cleans up.
 */
final class SelfTest {
    private static final int LEARNERS = 300;

    private SelfTest() {
    }

    static int run(PrintStream out, PrintStream err) {
        long started = System.nanoTime();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("member-console-self-test");
            try (Platform platform = Platform.start(PlatformConfig.embedded(dir, 0).withLearners(LEARNERS),
                    StartupListener.NONE)) {
                out.println("platform started at " + platform.baseUri());
                HttpPlatformClient client = new HttpPlatformClient(platform.baseUri(), new OkHttpClient(),
                        Clock.systemUTC());
                client.signIn("nb-admin", "sandbox-password", null);
                out.println("signed in over HTTP");
                List<CourseDto> courses = client.courses().all();
                CourseDto largest = courses.stream()
                        .max(Comparator.comparingLong((CourseDto c) -> c.enrollmentsOr(0)))
                        .orElseThrow(() -> new IllegalStateException("the sandbox has no courses"));
                int rows = client.learners().page(largest.id(), LearnerQuery.firstPage()).items().size();
                if (rows == 0) {
                    throw new IllegalStateException("the largest course listed no learners");
                }
                out.printf("read %d learners of %s (%d courses visible)%n", rows, largest.id(), courses.size());
                client.signOut();
            }
            out.printf("self-test passed in %.1f s%n", (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("self-test failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not worth failing the test for
        }
    }
}
