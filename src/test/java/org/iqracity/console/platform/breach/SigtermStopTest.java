package org.iqracity.console.platform.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.iqracity.console.testing.TempFolders;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to a real {@code member-console platform} process (a child JVM, as in {@link BreachNodesTest}): its shutdown
 * hook makes the node not ready at once, it serves through the drain period, then it stops and exits (143, as a JVM
 * stopped by SIGTERM does).
 */
class SigtermStopTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void sigtermMakesTheNodeNotReadyWhileItStillServesThenItStopsCleanly() throws Exception {
        Path dir = TempFolders.create("sigterm-stop");
        Path log = dir.resolve("node.log");
        // the platform's own log configuration, not the tests' (which keeps the platform at WARN)
        String logback = Path.of(SigtermStopTest.class.getResource("/logback.xml").toURI()).toString();
        try {
            ChildPlatform child = ChildPlatform.start(dir.resolve("data"), 200, List.of("--drain-seconds", "4",
                    "--node-id", "node-term"), log, Map.of(), List.of("-Dlogback.configurationFile=" + logback));
            URI base = child.base();
            assertThat(get(base, "/api/v1/health/ready").statusCode()).isEqualTo(200);
            long signalled = System.nanoTime();
            child.terminate();

            HttpResponse<String> ready = get(base, "/api/v1/health/ready");
            for (int i = 0; i < 100 && ready.statusCode() != 503; i++) {
                Thread.sleep(20);
                ready = get(base, "/api/v1/health/ready");
            }
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("\"status\":\"DRAINING\"");
            assertThat(get(base, "/api/v1/health/live").statusCode()).as("still serving").isEqualTo(200);
            assertThat(get(base, "/api/v1/openapi.yaml").statusCode()).as("still serving").isEqualTo(200);

            Integer exit = child.exitWithin(Duration.ofSeconds(40));
            double took = (System.nanoTime() - signalled) / 1e9;
            assertThat(exit).as("the JVM's exit code after a SIGTERM it handled: 128 + 15").isEqualTo(143);
            assertThat(took).as("it served through the drain period").isGreaterThanOrEqualTo(4.0);
            // the child's output is copied to the log by a thread of this JVM: let it catch up
            String lines = Files.readString(log);
            for (int i = 0; i < 100 && !lines.contains("Stopped"); i++) {
                Thread.sleep(50);
                lines = Files.readString(log);
            }
            assertThat(lines).contains("node-term INFO  o.i.c.platform.Platform - Stopping: not ready from now on")
                    .contains("node-term INFO  o.i.c.platform.Platform - Stopped")
                    .doesNotContain("Exception").doesNotContain("ERROR");
        } finally {
            TempFolders.delete(dir);
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
