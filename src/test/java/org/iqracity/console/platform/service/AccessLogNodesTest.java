package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * R12 with several platform nodes on one database: each node serialises its own writers, but two nodes can write a
 * Member's very first entry at the same moment. Neither may fail, and the chain they make together links up.
 */
class AccessLogNodesTest {
    static final byte[] KEY = "the chain key, 32 bytes long....".getBytes(StandardCharsets.US_ASCII);
    static final int MEMBERS = 25;

    @TempDir
    Path dir;

    Database open(String kind) throws Exception {
        Database db = "postgres".equals(kind)
                ? Database.server(TestPostgres.freshDatabase("access_log_nodes", null), TestPostgres.USER,
                        TestPostgres.PASSWORD)
                : Database.embedded(dir);
        db.migrate();
        return db;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void r12TwoNodesWritingAMembersFirstEntryAtOnceBothSucceedAndTheChainLinks(String kind) throws Exception {
        try (Database db = open(kind)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
            AccessLog nodeA = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, KEY);
            AccessLog nodeB = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, KEY);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int m = 0; m < MEMBERS; m++) {
                    String member = "member-" + m;
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<?>> writes = new ArrayList<>();
                    for (AccessLog node : List.of(nodeA, nodeB)) {
                        writes.add(pool.submit(() -> {
                            together.await();
                            node.record(new AccessLog.Event(member, "staff-1", "nb-admin", "SIGN_IN", "SUCCESS",
                                    "STAFF", "staff-1", null, null));
                            return null;
                        }));
                    }
                    for (Future<?> w : writes) {
                        w.get();
                    }
                    assertThat(nodeA.walk(member)).isEqualTo(new AccessLog.Walk(2, null,
                            nodeA.walk(member).headHash(), nodeA.walk(member).headAt(), null));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
