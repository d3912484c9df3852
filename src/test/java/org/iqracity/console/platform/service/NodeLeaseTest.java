package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.iqracity.console.platform.TestPostgres;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.NodeRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A node's lease on PostgreSQL: renewed while it runs, gone at a clean stop, one live process per node name. */
class NodeLeaseTest {
    static final Duration LENGTH = Duration.ofSeconds(6);
    static Database database;
    static Jdbc jdbc;
    static NodeRepository runs;
    static String url;

    @BeforeAll
    static void open() throws Exception {
        url = TestPostgres.freshDatabase("node_lease", null);
        database = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
        runs = new NodeRepository(jdbc);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @BeforeEach
    void noRuns() {
        jdbc.update("DELETE FROM platform_node");
    }

    @Test
    void theLeaseIsRenewedWhileTheNodeRunsAndGoesAtACleanStop() throws Exception {
        try (NodeLease lease = NodeLease.join(runs, "node-a", LENGTH)) {
            assertThat(lease.holder()).startsWith("node-a#");
            assertThat(lease.held()).isTrue();
            Instant first = runs.leaseUntil(lease.holder()).orElseThrow();
            Thread.sleep(LENGTH.dividedBy(6).plusMillis(500));
            assertThat(runs.leaseUntil(lease.holder()).orElseThrow()).isAfter(first);
            lease.close();
            assertThat(runs.leaseUntil(lease.holder())).isEmpty();
        }
    }

    @Test
    void aSecondLiveProcessUnderTheSameNameIsRefused() {
        try (NodeLease first = NodeLease.join(runs, "node-a", LENGTH)) {
            assertThatThrownBy(() -> NodeLease.join(runs, "node-a", LENGTH)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Another platform process is running as node 'node-a'")
                    .hasMessageContaining("PLATFORM_NODE_ID");
            assertThat(first.held()).isTrue();
            try (NodeLease other = NodeLease.join(runs, "node-b", LENGTH)) {
                assertThat(other.held()).isTrue();
            }
        }
    }

    @Test
    void aStartTakesOverAnEarlierRunOfItsNodeThatNoLongerRenewsItsLease() {
        // killed a moment ago: its lease still runs for a minute, but nobody renews it
        jdbc.update("INSERT INTO platform_node VALUES ('node-a#dead', 'node-a', CURRENT_TIMESTAMP, "
                + "CURRENT_TIMESTAMP + INTERVAL '1 minute')");
        long started = System.nanoTime();
        try (NodeLease lease = NodeLease.join(runs, "node-a", LENGTH)) {
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("watched for two heartbeats")
                    .isGreaterThanOrEqualTo(LENGTH.dividedBy(3));
            assertThat(runs.leaseUntil("node-a#dead")).isEmpty();
            assertThat(lease.held()).isTrue();
        }
    }

    @Test
    void aNodeThatCannotRenewItsLeaseStopsHoldingItWhenHalfOfItHasPassed() throws Exception {
        // the node's own way to the database, cut under it
        Database own = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD);
        try (NodeLease lease = NodeLease.join(new NodeRepository(new Jdbc(own.dataSource())), "node-a", LENGTH)) {
            assertThat(lease.held()).isTrue();
            own.close();
            Thread.sleep(LENGTH.dividedBy(2).minusMillis(1_000));
            assertThat(lease.held()).as("shortly before half the lease").isTrue();
            Thread.sleep(1_500);
            assertThat(lease.held()).as("once half the lease has passed without a renewal").isFalse();
        }
    }
}
