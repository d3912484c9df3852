package org.iqracity.console.platform;

import java.time.Clock;
import org.iqracity.console.platform.service.Lease;
import org.iqracity.console.platform.service.NodeLease;
import org.iqracity.console.platform.service.Refusals;
import org.iqracity.console.platform.service.WorkLimits;
import org.iqracity.console.platform.service.auth.LoginThrottle;
import org.iqracity.console.platform.store.HeavyCallRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LoginFailureRepository;
import org.iqracity.console.platform.store.NodeRepository;
import org.iqracity.console.platform.store.RefusalCountRepository;

/**
 * This process as one node of the platform: its lease on the work it claims, and the limits that must hold for the
 * whole platform. On PostgreSQL, where several nodes may share the database, the lease is renewed in the database
 * and the limits are counted there; on the embedded database the one node holds its claims for as long as it runs
 * and counts in memory.
 *
 * @param shared the renewed lease on PostgreSQL, null on the embedded database
 */
record PlatformNode(Lease lease, NodeLease shared, LoginThrottle throttle, WorkLimits limits, Refusals refusals)
        implements AutoCloseable {

    static PlatformNode join(PlatformConfig config, boolean postgres, Jdbc jdbc, Clock clock) {
        if (!postgres) {
            return new PlatformNode(Lease.alone(config.node()), null, new LoginThrottle(clock), new WorkLimits(clock),
                    new Refusals(clock));
        }
        NodeLease lease = NodeLease.join(new NodeRepository(jdbc), config.node(), NodeLease.configuredLength());
        LoginThrottle throttle = LoginThrottle.shared(clock, new LoginFailureRepository(jdbc));
        WorkLimits limits = WorkLimits.shared(clock, new HeavyCallRepository(jdbc), lease);
        Refusals refusals = Refusals.shared(clock, new RefusalCountRepository(jdbc));
        lease.everyBeat(throttle::forgetOld);
        lease.everyBeat(limits::tidy);
        lease.everyBeat(refusals::forgetOld);
        return new PlatformNode(lease, lease, throttle, limits, refusals);
    }

    /** A clean stop: the run leaves, so its claims (if any are left) are unheld at once. */
    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
    }
}
