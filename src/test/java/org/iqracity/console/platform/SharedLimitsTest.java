package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.store.MasterKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platform nodes on one PostgreSQL behind a round robin allow exactly what one node does (issue 30): the sixth
 * wrong password waits whichever node hears it, a staff member's minute of access-log exports and of refused
 * requests is counted over both. Real HTTP to each node; the requests alternate between them.
 */
class SharedLimitsTest {
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static Platform nodeA;
    static Platform nodeB;
    static MutableClock clock;
    static List<TestApi> nodes;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        String url = TestPostgres.freshDatabase("shared_limits", null);
        // frozen at the start of a minute: the refusals below all fall in one minute
        clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Path a = Files.createDirectories(dir.resolve("a"));
        Path b = Files.createDirectories(dir.resolve("b"));
        nodeA = Platform.start(config(a, url, "node-a"), StartupListener.NONE, clock);
        // the nodes share the master key, as every node of one platform must
        Files.copy(a.resolve(MasterKey.FILE), b.resolve(MasterKey.FILE));
        nodeB = Platform.start(config(b, url, "node-b"), StartupListener.NONE, clock);
        nodes = List.of(new TestApi(nodeA.baseUri(), clock), new TestApi(nodeB.baseUri(), clock));
    }

    static PlatformConfig config(Path dir, String url, String node) {
        return PlatformConfig.embedded(dir, 0).withLearners(300)
                .withDatabase(url, TestPostgres.USER, TestPostgres.PASSWORD, true).withNodeId(node);
    }

    @AfterAll
    static void stop() {
        nodeB.close();
        nodeA.close();
    }

    static TestApi node(int request) {
        return nodes.get(request % 2);
    }

    @Test
    void r13TheSixthWrongPasswordWaitsWhicheverNodeHearsIt() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            TestApi.Response r = node(attempt).signInResponse("nb-admin", "wrong-" + attempt, null);
            assertThat(r.status()).as("attempt %d on node %s", attempt, attempt % 2 == 0 ? "a" : "b").isEqualTo(401);
        }
        for (TestApi node : nodes) {
            TestApi.Response sixth = node.signInResponse("nb-admin", "wrong-6", null);
            assertThat(sixth.status()).as("the sixth on %s", node.base()).isEqualTo(429);
            assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void anOfficersTenAccessLogExportsAMinuteAreTheirsOnTheWholePlatform() {
        String officer = nodes.getFirst().signIn("nb-security");
        for (int export = 0; export < 10; export++) {
            assertThat(node(export).get(ApiPaths.ACCESS_LOG_EXPORT + "?action=SIGN_IN", officer).status())
                    .as("export %d", export + 1).isEqualTo(200);
        }
        for (TestApi node : nodes) {
            assertThat(node.get(ApiPaths.ACCESS_LOG_EXPORT + "?action=SIGN_IN", officer).status())
                    .as("the eleventh on %s", node.base()).isEqualTo(429);
        }
    }

    @Test
    void r13AStaffMembersRefusalsAreCountedOverBothNodes() {
        String scoped = nodes.getFirst().signIn("nb-ta");
        int refused = 0;
        for (int i = 0; i < 121; i++) {
            if (node(i).get(ApiPaths.courseLearners(DS200) + "/no-such-learner-" + i, scoped).status() == 404) {
                refused++;
            }
        }
        assertThat(refused).as("refusals heard, over both nodes").isEqualTo(121);
        for (TestApi node : nodes) {
            TestApi.Response next = node.get(ApiPaths.courseLearners(DS200) + "/no-such-learner-x", scoped);
            assertThat(next.status()).as("after the limit, on %s", node.base()).isEqualTo(429);
        }
    }
}
