package org.iqracity.console.platform.service.breach;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.platform.service.Lease;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.DeliveryRepository.Claim;
import org.iqracity.console.platform.store.DeliveryRepository.Landed;
import org.iqracity.console.platform.store.DeliveryRepository.Outgoing;
import org.iqracity.console.platform.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sender's claims on outbox rows and the outcomes it owes the database. A claim names this node's run and the
 * attempt, so the outcome lands on that claim whatever happened to the row meanwhile (put in doubt by another node
 * because this node's lease ran out, settled by an officer, claimed again). Outcomes wait here and go in with the
 * next claims, which saves a commit per message.
 */
final class DeliveryClaims {
    private static final Logger LOGGER = LoggerFactory.getLogger(DeliveryClaims.class);

    /** A claimed row and its claim. */
    record Sending(Outgoing row, Claim claim) {
    }

    /** An outcome not yet committed. */
    @FunctionalInterface
    private interface Outcome {
        void record(Connection c) throws SQLException;
    }

    private final Jdbc jdbc;
    private final DeliveryRepository deliveries;
    private final BreachRepository incidents;
    private final Lease lease;
    private final List<Outcome> unrecorded = new ArrayList<>();

    DeliveryClaims(Jdbc jdbc, DeliveryRepository deliveries, BreachRepository incidents, Lease lease) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.incidents = incidents;
        this.lease = lease;
    }

    /** Whether claimed messages may still be started (see {@link Lease#held}). */
    boolean held() {
        return lease.held();
    }

    /** Claims what of the group is still waiting, in one commit with the outcomes held so far. */
    List<Sending> claim(List<Outgoing> group, Instant at) {
        List<Outcome> previous = List.copyOf(unrecorded);
        unrecorded.clear();
        return jdbc.inTransaction(c -> {
            for (Outcome o : previous) {
                o.record(c);
            }
            List<Sending> mine = new ArrayList<>(group.size());
            for (Outgoing row : group) {
                deliveries.claim(c, row, lease.holder(), at).ifPresent(k -> mine.add(new Sending(row, k)));
            }
            return mine;
        });
    }

    void sent(Sending s, Instant at) {
        Claim k = s.claim();
        unrecorded.add(c -> landed(c, k, deliveries.sent(c, k, at), false));
    }

    void failed(Sending s, String error) {
        Claim k = s.claim();
        unrecorded.add(c -> landed(c, k, deliveries.failed(c, k, error), false));
    }

    void unanswered(Sending s, String error) {
        Claim k = s.claim();
        unrecorded.add(c -> landed(c, k, deliveries.unanswered(c, k, error), false));
    }

    void retryLater(Sending s, Instant next, String error) {
        Claim k = s.claim();
        unrecorded.add(c -> landed(c, k, deliveries.retryLater(c, k, next, error), true));
    }

    /** Claimed rows whose message was never given to the server go back to waiting, as if never claimed. */
    void release(List<Sending> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Sending> copy = List.copyOf(rows);
        jdbc.inTransaction(c -> {
            for (Sending s : copy) {
                landed(c, s.claim(), deliveries.release(c, s.claim()), true);
            }
            return null;
        });
    }

    /** Commits the outcomes still held, when no claim follows them right away. */
    void recordOutcomes() {
        if (unrecorded.isEmpty()) {
            return;
        }
        List<Outcome> pending = List.copyOf(unrecorded);
        unrecorded.clear();
        jdbc.inTransaction(c -> {
            for (Outcome o : pending) {
                o.record(c);
            }
            return null;
        });
    }

    /**
     * An outcome that found its claim put in doubt (this node was slow to renew its lease, not gone) still lands on
     * it; a message queued again by that reopens its notice, as an officer's "send again" does.
     */
    private void landed(Connection c, Claim k, Landed where, boolean queued) throws SQLException {
        if (where == Landed.AFTER_DOUBT) {
            LOGGER.warn("Breach-notice delivery {} of incident {} was put in doubt while this node still held it (its "
                    + "lease had run out); its outcome is recorded now", k.id(), k.incidentId());
            if (queued) {
                incidents.reopen(c, k.incidentId());
            }
        }
    }

    /** The one node of an embedded database, at its start: what its last run left in flight is in doubt. */
    int settleEarlierRuns() {
        int doubtful = deliveries.markInDoubt();
        if (doubtful > 0) {
            LOGGER.warn("{} breach-notice message(s) were in flight when the platform stopped; marked in doubt for an "
                    + "officer to settle", doubtful);
        }
        return doubtful;
    }

    /** On a shared database: the claims of runs whose lease has run out are in doubt. Answers how many. */
    int settleLapsed() {
        int settled = 0;
        for (String holder : deliveries.lapsedHolders()) {
            int doubtful = deliveries.settleLapsed(holder);
            if (doubtful > 0) {
                LOGGER.warn("{} breach-notice message(s) claimed by {} were in flight when its lease ran out; marked "
                        + "in doubt for an officer to settle", doubtful, holder == null ? "an older version" : holder);
            }
            settled += doubtful;
        }
        return settled;
    }
}
