package org.iqracity.console.platform.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.iqracity.console.platform.store.HeavyCallRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The heavy-call ledger on a shared PostgreSQL ({@link WorkLimits}). Each call is recorded under this node's lease, so
 * a node that crashes frees its slots when its lease runs out. A slot whose release did not reach the database (it
 * was away for a moment) is released again at the next heartbeat rather than held until this node stops.
 */
final class SharedLedger implements WorkLimits.Ledger {
    private static final Logger LOGGER = LoggerFactory.getLogger(SharedLedger.class);
    /** Rows stay while their start counts against a caller: the longest window, with room to spare. */
    private static final Duration KEEP = Duration.ofMinutes(2);

    private final HeavyCallRepository store;
    private final Lease lease;
    private final Queue<Long> unreleased = new ConcurrentLinkedQueue<>();

    SharedLedger(HeavyCallRepository store, Lease lease) {
        this.store = store;
        this.lease = lease;
    }

    @Override
    public Runnable start(String staffId, WorkLimits.Kind kind, Instant now,
                          Consumer<HeavyCallRepository.Usage> check) {
        long id = store.start(staffId, kind.name(), lease.holder(), now, now.minus(kind.window), check);
        return () -> release(id);
    }

    private void release(long id) {
        try {
            store.finished(id);
        } catch (RuntimeException e) {
            LOGGER.warn("A heavy call's slot was not released ({}); trying again shortly",
                    e.getClass().getSimpleName());
            unreleased.add(id);
        }
    }

    /** At every heartbeat: slots not released before, and rows whose minute is over. */
    @Override
    public void tidy(Instant now) {
        for (Long id; (id = unreleased.peek()) != null; unreleased.remove()) {
            store.finished(id);
        }
        store.forgetBefore(now.minus(KEEP));
    }
}
