package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.HeavyCallRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.NodeRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The heavy calls' budgets on PostgreSQL, where every node keeps them in one table: the same cases as in memory, the
 * platform's eight at once counted over two nodes, and a crashed node's calls freed when its lease runs out.
 */
class PostgresWorkLimitsTest extends WorkLimitsTest {
    static Database database;
    static Jdbc jdbc;
    static NodeLease nodeA;
    static NodeLease nodeB;

    @BeforeAll
    static void open() throws Exception {
        database = Database.server(TestPostgres.freshDatabase("work_limits", null), TestPostgres.USER,
                TestPostgres.PASSWORD);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
        nodeA = NodeLease.join(new NodeRepository(jdbc), "node-a", Duration.ofSeconds(30));
        nodeB = NodeLease.join(new NodeRepository(jdbc), "node-b", Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() {
        nodeA.close();
        nodeB.close();
        database.close();
    }

    @Override
    WorkLimits limits(MutableClock clock) {
        jdbc.update("DELETE FROM heavy_call");
        return WorkLimits.shared(clock, new HeavyCallRepository(jdbc), nodeA);
    }

    @Test
    void theEightAtOnceAreTheWholePlatformsWhicheverNodesRunThem() {
        WorkLimits onB = WorkLimits.shared(clock, new HeavyCallRepository(jdbc), nodeB);
        List<WorkLimits.Permit> running = new ArrayList<>();
        for (int i = 0; i < WorkLimits.PLATFORM_CONCURRENT; i++) {
            running.add((i % 2 == 0 ? limits : onB).begin(Callers.staff("s" + i), WorkLimits.Kind.ROSTER));
        }
        assertBusy(() -> limits.begin(Callers.staff("late"), WorkLimits.Kind.ROSTER), 5);
        assertBusy(() -> onB.begin(Callers.staff("late"), WorkLimits.Kind.ROSTER), 5);
        running.removeLast().close();
        onB.begin(Callers.staff("late"), WorkLimits.Kind.ROSTER).close();
        running.forEach(WorkLimits.Permit::close);
    }

    @Test
    void aCallersMinuteIsCountedOverBothNodes() {
        WorkLimits onB = WorkLimits.shared(clock, new HeavyCallRepository(jdbc), nodeB);
        Caller officer = Callers.staff("officer");
        for (int i = 0; i < 10; i++) {
            (i % 2 == 0 ? limits : onB).begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT).close();
        }
        assertBusy(() -> limits.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT), 60);
        assertBusy(() -> onB.begin(officer, WorkLimits.Kind.ACCESS_LOG_EXPORT), 60);
    }

    @Test
    void aCrashedNodesCallsStopCountingOnceItsLeaseHasRunOut() {
        // a node that crashed holding two research exports: its run is there, its lease no longer runs
        jdbc.update("INSERT INTO platform_node (run_id, node_id, started_at, lease_until) VALUES ('gone#1', 'gone', "
                + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP + INTERVAL '1 hour')");
        for (String staff : List.of("x", "y")) {
            jdbc.update("INSERT INTO heavy_call (staff_id, kind, run_id, started_at, running) VALUES (?, "
                    + "'RESEARCH_EXPORT', 'gone#1', ?, TRUE)", staff, clock.instant());
        }
        assertBusy(() -> limits.begin(Callers.staff("z"), WorkLimits.Kind.RESEARCH_EXPORT), 5);

        jdbc.update("UPDATE platform_node SET lease_until = CURRENT_TIMESTAMP - INTERVAL '1 second' "
                + "WHERE run_id = 'gone#1'");
        limits.begin(Callers.staff("z"), WorkLimits.Kind.RESEARCH_EXPORT).close();
        clock.advance(Duration.ofMinutes(3));
        limits.tidy();
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM heavy_call WHERE run_id = 'gone#1'", rs -> rs.getLong(1)))
                .hasValue(0L);
        jdbc.update("DELETE FROM platform_node WHERE run_id = 'gone#1'");
    }
}
