package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.iqracity.console.api.ApiPaths;
import org.junit.jupiter.api.Test;

/**
 * The stop a service manager asks for (SIGTERM runs {@link Platform#stop()}): not ready at once, serving on through
 * the drain period, then the port closes and the requests in flight finish before the pool closes. The request in
 * flight here is a research export held in its handler (the access log's head row is locked until the port has
 * closed); it ends with the whole archive, not an empty reply and a stack trace from a closed pool.
 */
class GracefulStopTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final Duration DRAIN = Duration.ofSeconds(2);

    @Test
    void aStoppingNodeSaysDrainingServesOnThenFinishesTheExportInFlightBeforeItsPoolCloses() throws Exception {
        LogCapture log = new LogCapture();
        PlatformFixture fixture = PlatformFixture.startH2(300, c -> c.withOperations(
                PlatformConfig.Operations.DEFAULT.withStop(DRAIN, Duration.ofSeconds(20))));
        try {
            TestApi api = fixture.api();
            String token = api.signIn("nb-admin");
            int port = api.base().getPort();
            CompletableFuture<HttpResponse<byte[]>> export;
            CompletableFuture<Void> stopping;
            // The export is held in flight where it records itself: the access log's head row is locked here.
            try (Connection holder = fixture.platform().database().dataSource().getConnection()) {
                holder.setAutoCommit(false);
                holder.createStatement().executeQuery("SELECT * FROM access_log_head FOR UPDATE").close();
                export = HttpClient.newHttpClient().sendAsync(api.request(
                        ApiPaths.COURSE_RESEARCH_EXPORTS.replace("{courseId}", CS101), token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                waitUntilBlocked(holder);

                stopping = CompletableFuture.runAsync(() -> fixture.platform().stop());
                TestApi.Response ready = waitForReady(api, 503);
                assertThat(ready.json().path("status").asText()).isEqualTo("DRAINING");
                assertThat(api.get(ApiPaths.HEALTH_LIVE, null).status()).as("alive while draining").isEqualTo(200);
                assertThat(api.get(ApiPaths.COURSES, token).status()).as("new requests still served").isEqualTo(200);

                waitUntilRefused(port);
                assertThat(stopping).as("the stop waits for the request in flight").isNotDone();
                assertThat(export).isNotDone();
                holder.commit();
            }
            HttpResponse<byte[]> reply = export.get(30, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/zip"));
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(reply.body()))) {
                List<String> entries = new ArrayList<>();
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    zip.readAllBytes();
                    entries.add(e.getName());
                }
                assertThat(entries).as("the whole archive").contains("summary.json", "dataset.csv");
            }
            stopping.get(30, TimeUnit.SECONDS);
        } finally {
            fixture.close();
            log.close();
        }
        assertThat(log.events()).as("no failure logged while stopping")
                .noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .noneMatch(e -> e.getThrowableProxy() != null);
        assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(m -> m.startsWith("Stopping: not ready from now on"))
                .anyMatch(m -> m.equals("Stopped"));
    }

    /** Until a session of the database waits for the lock held here: the export is in its handler. */
    private static void waitUntilBlocked(Connection holder) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            try (ResultSet rs = holder.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the export never reached the access log");
    }

    private static TestApi.Response waitForReady(TestApi api, int status) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        TestApi.Response r = api.get(ApiPaths.HEALTH_READY, null);
        while (r.status() != status && System.nanoTime() < until) {
            Thread.sleep(20);
            r = api.get(ApiPaths.HEALTH_READY, null);
        }
        assertThat(r.status()).isEqualTo(status);
        return r;
    }

    /** The port closes once the drain period is over (well within twice its length). */
    private static void waitUntilRefused(int port) throws InterruptedException {
        long until = System.nanoTime() + DRAIN.multipliedBy(3).toNanos();
        while (System.nanoTime() < until) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                Thread.sleep(50);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the port still accepts connections after " + DRAIN.multipliedBy(3));
    }
}
