package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.ProblemCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database goes away under a running platform (a PostgreSQL restart, a network cut): the platform says so within
 * seconds, as 503 with Retry-After, never as a 500 after half a minute; readiness fails fast for the load balancer
 * while liveness stays up (restarting the node would not help); and all comes back by itself when the database does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {
    /** A TCP pass-through to PostgreSQL that can be cut and restored. */
    static final class Cable implements AutoCloseable {
        private final ServerSocket server;
        private final int target;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile boolean cut;

        Cable(int target) throws IOException {
            this.target = target;
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofPlatform().daemon().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    if (cut) {
                        client.close();
                        continue;
                    }
                    Socket db = new Socket(InetAddress.getLoopbackAddress(), target);
                    open.add(client);
                    open.add(db);
                    pump(client, db);
                    pump(db, client);
                } catch (IOException e) {
                    // closed, or one connection failed: the next accept goes on
                }
            }
        }

        private void pump(Socket from, Socket to) {
            Thread.ofPlatform().daemon().start(() -> {
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // cut
                } finally {
                    closeQuietly(from);
                    closeQuietly(to);
                }
            });
        }

        void cut() {
            cut = true;
            open.forEach(Cable::closeQuietly);
            open.clear();
        }

        void restore() {
            cut = false;
        }

        private static void closeQuietly(Socket s) {
            try {
                s.close();
            } catch (IOException e) {
                // already gone
            }
        }

        @Override
        public void close() throws IOException {
            cut();
            server.close();
        }
    }

    Cable cable;
    PlatformFixture fixture;
    TestApi api;

    @BeforeAll
    void start() throws Exception {
        String direct = TestPostgres.freshDatabase("outage", null);
        URI server = URI.create(direct.substring("jdbc:".length()));
        cable = new Cable(server.getPort());
        fixture = PlatformFixture.startPostgres(direct.replace(":" + server.getPort() + "/", ":" + cable.port() + "/"),
                100);
        api = fixture.api();
    }

    @AfterAll
    void stop() throws IOException {
        fixture.close();
        cable.close();
    }

    long millis(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void withoutItsDatabaseTheNodeSaysUnavailableWithinSecondsAndRecoversByItself() throws Exception {
        String admin = api.signIn("nb-admin");
        assertThat(api.get(ApiPaths.HEALTH_READY, null).status()).isEqualTo(200);
        assertThat(api.get(ApiPaths.COURSES, admin).status()).isEqualTo(200);

        cable.cut();
        TestApi.Response[] ready = new TestApi.Response[1];
        TestApi.Response[] courses = new TestApi.Response[1];
        long readyMs = millis(() -> ready[0] = api.get(ApiPaths.HEALTH_READY, null));
        long coursesMs = millis(() -> courses[0] = api.get(ApiPaths.COURSES, admin));
        long liveMs = millis(() -> assertThat(api.get(ApiPaths.HEALTH_LIVE, null).status()).isEqualTo(200));

        assertThat(ready[0].status()).isEqualTo(503);
        assertThat(ready[0].json().path("database").asText()).isEqualTo("DOWN");
        assertThat(readyMs).as("readiness fails fast").isLessThan(9_000);
        assertThat(courses[0].status()).as(courses[0].body()).isEqualTo(503);
        assertThat(courses[0].code()).isEqualTo(ProblemCode.UNAVAILABLE);
        assertThat(courses[0].headers().firstValue("Retry-After")).hasValue("5");
        assertThat(coursesMs).as("an API call waits seconds, not half a minute").isLessThan(9_000);
        assertThat(liveMs).as("liveness asks nothing of the database").isLessThan(1_000);

        cable.restore();
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = api.get(ApiPaths.HEALTH_READY, null).status();
        }
        assertThat(status).as("ready again once the database is back").isEqualTo(200);
        assertThat(api.get(ApiPaths.COURSES, admin).status()).isEqualTo(200);
    }
}
