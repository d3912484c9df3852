package org.iqracity.console.platform.service;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.iqracity.console.platform.store.NodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's lease on a shared PostgreSQL: recorded at the start, renewed every sixth of its length (the heartbeat), and
 * removed at a clean stop. A node that crashed or lost the database stops renewing; once its lease has run out by the
 * database's clock the other nodes settle what it had claimed. The node itself stops starting claimed work when half
 * the lease has passed without a renewal, so whatever it started (one message, with the mail client's timeouts) has
 * the other half to finish before anyone may call it in doubt.
 */
public final class NodeLease implements Lease, AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(NodeLease.class);
    /** The lease's length unless {@code -Dplatform.node.leaseSeconds=N} says otherwise (5 to 600). */
    public static final Duration DEFAULT_LENGTH = Duration.ofSeconds(60);
    public static final String PROPERTY = "platform.node.leaseSeconds";
    /** Runs that ended this long ago leave the table; their claims are settled long before. */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final NodeRepository runs;
    private final String node;
    private final String holder;
    private final Duration length;
    private final List<Runnable> housekeeping = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService heartbeat;
    private final ScheduledExecutorService chores;
    /** {@link System#nanoTime} just before the last renewal that went through. */
    private volatile long renewedAt;
    private volatile boolean renewalFailing;

    private NodeLease(NodeRepository runs, String node, Duration length) {
        this.runs = runs;
        this.node = node;
        this.holder = Lease.newHolder(node);
        this.length = length;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("node-lease")
                .daemon().unstarted(r));
        this.chores = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("node-housekeeping")
                .daemon().unstarted(r));
    }

    /** The lease's length for this process: {@value #PROPERTY}, else {@link #DEFAULT_LENGTH}. */
    public static Duration configuredLength() {
        long seconds = Long.getLong(PROPERTY, DEFAULT_LENGTH.toSeconds());
        if (seconds < 5 || seconds > 600) {
            throw new IllegalStateException("-D" + PROPERTY + " must be between 5 and 600 seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    /**
     * Joins the platform as {@code node}: refuses when another live process already runs under that name, takes over
     * from an earlier run of this node that ended without a clean stop (its claims become unheld at once, so the
     * sender's start settles them), then records this run and starts the heartbeat.
     */
    public static NodeLease join(NodeRepository runs, String node, Duration length) {
        NodeLease lease = new NodeLease(runs, node, length);
        lease.takeOverEarlierRuns();
        long before = System.nanoTime();
        runs.renew(lease.holder, node, length);
        lease.renewedAt = before;
        long beat = lease.beat().toMillis();
        lease.heartbeat.scheduleWithFixedDelay(lease::renew, beat, beat, TimeUnit.MILLISECONDS);
        lease.chores.scheduleWithFixedDelay(lease::houseKeep, beat, beat, TimeUnit.MILLISECONDS);
        LOGGER.info("Joined the platform as node {} (run {}), lease {} s", node, lease.holder, length.toSeconds());
        return lease;
    }

    /** Work every node does now and then on the shared tables: each task runs on one thread, a heartbeat apart. */
    public void everyBeat(Runnable task) {
        housekeeping.add(task);
    }

    private Duration beat() {
        return length.dividedBy(6);
    }

    /**
     * An earlier run of this node with a lease still running either crashed a moment ago or is a second process
     * given the same name by mistake. Its lease is watched for two heartbeats: a live process renews it, and two
     * processes under one name would each take the other's claims for a crashed run's, so the start is refused.
     */
    private void takeOverEarlierRuns() {
        List<NodeRepository.Run> earlier = runs.liveRunsOf(node);
        if (earlier.isEmpty()) {
            return;
        }
        Duration watch = beat().multipliedBy(2).plusSeconds(1);
        LOGGER.info("An earlier run of node {} holds a lease until {}; watching it for {} s", node,
                earlier.getFirst().leaseUntil(), watch.toSeconds());
        try {
            Thread.sleep(watch);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while joining the platform", e);
        }
        for (NodeRepository.Run run : earlier) {
            if (runs.leaseUntil(run.runId()).filter(t -> t.isAfter(run.leaseUntil())).isPresent()) {
                throw new IllegalStateException("Another platform process is running as node '" + node + "' on this "
                        + "database. Give each node a name of its own in PLATFORM_NODE_ID.");
            }
        }
        earlier.forEach(run -> runs.remove(run.runId()));
        LOGGER.warn("Node {} had stopped without a clean stop; what it was sending is settled now", node);
    }

    private void renew() {
        long before = System.nanoTime();
        try {
            runs.renew(holder, node, length);
            renewedAt = before;
            if (renewalFailing) {
                renewalFailing = false;
                LOGGER.info("This node's lease is renewed again");
            }
        } catch (RuntimeException e) {
            if (!renewalFailing) {
                renewalFailing = true;
                LOGGER.warn("This node's lease could not be renewed ({}); breach-notice sending pauses once half of it "
                        + "has passed", e.getClass().getSimpleName());
            }
        }
    }

    private void houseKeep() {
        for (Runnable task : housekeeping) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOGGER.debug("Housekeeping on the shared tables failed; next heartbeat tries again", e);
            }
        }
        try {
            runs.forgetEndedBefore(FORGET_AFTER);
        } catch (RuntimeException e) {
            LOGGER.debug("Old runs not removed yet", e);
        }
    }

    @Override
    public String holder() {
        return holder;
    }

    @Override
    public boolean held() {
        return System.nanoTime() - renewedAt < length.toNanos() / 2;
    }

    /** A clean stop: no more heartbeats, and the run leaves, so whatever it still held counts as unheld at once. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        chores.shutdownNow();
        try {
            heartbeat.awaitTermination(5, TimeUnit.SECONDS);
            chores.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            runs.remove(holder);
        } catch (RuntimeException e) {
            LOGGER.warn("This node's run could not be removed at the stop ({}); its lease runs out by itself",
                    e.getClass().getSimpleName());
        }
    }
}
