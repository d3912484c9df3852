package org.iqracity.console.platform.service.breach;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Lease;
import org.iqracity.console.platform.service.breach.DeliveryClaims.Sending;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.BreachRepository.IncidentRow;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.DeliveryRepository.Outgoing;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;
import org.iqracity.console.platform.store.RecipientRepository.Addressee;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through the outbox of every incident that is sending, in the background, one message at a time over one
 * reused connection. Each row is claimed (committed as IN_FLIGHT, naming this node's run) before its message leaves
 * and marked SENT after the server's 250, so a crash leaves at most one claim group undecided: it is marked IN_DOUBT
 * and never resent by itself. On the embedded database that happens at the next start; on a shared PostgreSQL once
 * the crashed node's lease has run out, by whichever node looks first, and never to a live node's claims.
 * Transient failures wait with backoff; permanent ones keep the server's answer.
 */
public final class NoticeSender implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(NoticeSender.class);
    private static final int BATCH = 200;
    /**
     * Rows claimed per commit. Each commit on the embedded database writes to its file, which costs more than handing
     * a message to a local mail server; claiming a few at a time keeps the sender near the mail server's own pace, at
     * the price of up to this many messages in doubt after a crash (never resent by themselves).
     */
    public static final int CLAIM_GROUP = 8;

    /** How long to wait before attempt n+1, and when to give up. */
    public record Backoff(Duration base, Duration max, int maxAttempts) {
        public static final Backoff STANDARD = new Backoff(Duration.ofSeconds(30), Duration.ofMinutes(30), 8);

        Duration after(int attempts) {
            long factor = 1L << Math.min(20, Math.max(0, attempts - 1));
            Duration d = base.multipliedBy(factor);
            return d.compareTo(max) > 0 ? max : d;
        }
    }

    private final Jdbc jdbc;
    private final BreachRepository incidents;
    private final DeliveryRepository deliveries;
    private final RecipientRepository recipients;
    private final AccessLog accessLog;
    private final Supplier<MailTransport> transports;
    private final Backoff backoff;
    private final Clock clock;
    private final DeliveryClaims claims;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private volatile boolean running = true;
    private boolean woken;
    private Instant pausedUntil = Instant.MIN;
    private MailTransport transport;
    private Thread thread;
    /** Told each message's outcome (sent, failed, unanswered, retry), for the platform's metrics. */
    private volatile Consumer<String> outcomes = outcome -> { };

    public NoticeSender(Jdbc jdbc, BreachRepository incidents, DeliveryRepository deliveries,
                        RecipientRepository recipients, AccessLog accessLog, Supplier<MailTransport> transports,
                        Backoff backoff, Clock clock, Lease lease) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.recipients = recipients;
        this.accessLog = accessLog;
        this.transports = transports;
        this.backoff = backoff;
        this.clock = clock;
        this.claims = new DeliveryClaims(jdbc, deliveries, incidents, lease);
    }

    /** The one node of an embedded database, at its start: what its last run left in flight is in doubt. */
    public void settleEarlierRuns() {
        claims.settleEarlierRuns();
    }

    /**
     * On a shared database, at the start and every heartbeat: the claims of runs whose lease has run out (a node that
     * crashed, or lost the database) are in doubt, so their notices can finish. A live node's claims are never
     * touched.
     */
    public void settleLapsedClaims() {
        if (claims.settleLapsed() > 0) {
            wake();
        }
    }

    /** Tells {@code counter} the outcome of every message this sender hands to the mail server. */
    public NoticeSender countingOutcomes(Consumer<String> counter) {
        this.outcomes = counter;
        return this;
    }

    /** Starts the background thread. */
    public NoticeSender start() {
        thread = Thread.ofPlatform().name("breach-notice-sender").daemon().start(this::loop);
        return this;
    }

    public void wake() {
        lock.lock();
        try {
            woken = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            boolean worked = false;
            try {
                if (!clock.instant().isBefore(pausedUntil)) {
                    for (IncidentRow incident : incidents.sending()) {
                        worked |= work(incident);
                    }
                }
                if (!clock.instant().isBefore(pausedUntil)) {
                    worked |= alertOfficers();
                }
            } catch (RuntimeException e) {
                LOGGER.error("Breach-notice sender failed; trying again shortly", e);
                closeTransport();
                pauseFor(Duration.ofSeconds(1));
            }
            if (!worked) {
                idle();
            }
        }
        closeTransport();
    }

    private void idle() {
        lock.lock();
        try {
            if (!woken && running) {
                wake.await(250, TimeUnit.MILLISECONDS);
            }
            woken = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is due for one incident; answers whether anything was attempted. */
    private boolean work(IncidentRow incident) {
        List<Outgoing> due = deliveries.due(incident.id(), clock.instant(), BATCH);
        if (due.isEmpty()) {
            finishIfDone(incident);
            return false;
        }
        String memberName = incidents.memberName(incident.memberId()).orElse(incident.memberId());
        NoticeTemplate.Facts facts = Rendered.facts(incident, memberName);
        Map<String, Addressee> who = new HashMap<>();
        recipients.addressees(due.stream().map(Outgoing::learnerId).toList()).forEach(a -> who.put(a.learnerId(), a));
        try {
            for (int from = 0; from < due.size(); from += CLAIM_GROUP) {
                if (!running || (from > 0 && from % 48 == 0 && !stillSending(incident))) {
                    return true;
                }
                List<Outgoing> group = due.subList(from, Math.min(due.size(), from + CLAIM_GROUP));
                if (!sendGroup(incident, facts, group, who)) {
                    return true;
                }
            }
            return true;
        } finally {
            claims.recordOutcomes();
        }
    }

    /**
     * Claims a small group in one commit (with the outcomes of the group before), then sends its messages one by
     * one. Every claim is durable before its message leaves, so a crash never causes a second message; it can leave
     * at most one group undecided, put in doubt once its claims lapse. Claimed rows this process did not get to (the
     * server went away, the notice was cancelled, the platform is stopping, the lease may be running out) are handed
     * back as pending. Answers false when the server is unavailable or the lease not renewed, and the sender should
     * pause.
     */
    private boolean sendGroup(IncidentRow incident, NoticeTemplate.Facts facts, List<Outgoing> group,
                              Map<String, Addressee> who) {
        if (!claims.held()) {
            return leaseLapsed();
        }
        List<Sending> claimed = claims.claim(group, now());
        for (int i = 0; i < claimed.size(); i++) {
            Sending next = claimed.get(i);
            if (!running) {
                claims.release(claimed.subList(i, claimed.size()));
                return true;
            }
            // A message started now must be over before anyone may call its claim in doubt.
            if (!claims.held()) {
                claims.release(claimed.subList(i, claimed.size()));
                return leaseLapsed();
            }
            if (!sendOne(incident, facts, next, who.get(next.row().learnerId()))) {
                claims.release(claimed.subList(i + 1, claimed.size()));
                return false;
            }
        }
        return true;
    }

    /** This node could not renew its lease for a while: it sends nothing until it can again. */
    private boolean leaseLapsed() {
        claims.recordOutcomes();
        pauseFor(Duration.ofSeconds(1));
        return false;
    }

    /** Sends one claimed message and holds its outcome for the next commit; false when the server is unavailable. */
    private boolean sendOne(IncidentRow incident, NoticeTemplate.Facts facts, Sending sending, Addressee who) {
        Outgoing row = sending.row();
        Rendered r = Rendered.of(incident.subject(), incident.body(), facts, who);
        MailTransport.Outcome outcome = transport().send(new MailTransport.Mail(row.messageId(), row.address(),
                r.subject(), r.text(), r.html()));
        int attempts = sending.claim().attempt();
        Instant at = now();
        switch (outcome) {
            case MailTransport.Accepted a -> {
                claims.sent(sending, at);
                outcomes.accept("sent");
            }
            case MailTransport.Permanent p -> {
                claims.failed(sending, p.answer());
                outcomes.accept("failed");
            }
            // It may have arrived: an officer decides whether it goes again, never the sender by itself.
            case MailTransport.Unanswered u -> {
                claims.unanswered(sending, u.answer());
                outcomes.accept("unanswered");
                claims.recordOutcomes();
                closeTransport();
            }
            case MailTransport.Transient t -> {
                if (attempts >= backoff.maxAttempts()) {
                    claims.failed(sending, "Gave up after " + attempts + " attempts: " + t.answer());
                    outcomes.accept("failed");
                } else {
                    claims.retryLater(sending, at.plus(backoff.after(attempts)), t.answer());
                    outcomes.accept("retry");
                }
                if (t.serverUnavailable()) {
                    claims.recordOutcomes();
                    closeTransport();
                    pauseFor(backoff.after(1));
                    LOGGER.warn("Mail server unavailable; breach-notice sending paused for {}", backoff.after(1));
                    return false;
                }
            }
        }
        return true;
    }

    private boolean stillSending(IncidentRow incident) {
        return incidents.find(incident.memberId(), incident.id()).map(r -> r.state() == IncidentState.SENDING)
                .orElse(false);
    }

    private void finishIfDone(IncidentRow incident) {
        if (deliveries.openCount(incident.id()) > 0) {
            return;
        }
        var counts = incidents.deliveryCounts(incident.id());
        boolean finished = jdbc.inTransaction(c -> {
            // With the incident locked, nothing can be queued again between the count and the change of state.
            incidents.lock(c, incident.memberId(), incident.id());
            if (deliveries.openCount(c, incident.id()) > 0
                    || !incidents.transition(c, incident.id(), IncidentState.SENDING, IncidentState.SENT)) {
                return false;
            }
            incidents.event(c, incident.id(), now(), "Platform", "SENT", "Sending finished: " + summary(counts) + ".");
            return true;
        });
        if (finished) {
            accessLog.record(new AccessLog.Event(incident.memberId(), null, "platform", "BREACH_SENT", "SUCCESS",
                    "INCIDENT", incident.id(), null, null));
        }
    }

    private static String summary(Map<?, ? extends Map<?, Long>> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((channel, byStatus) -> byStatus.forEach((status, n) -> {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(channel.toString().toLowerCase()).append(' ')
                    .append(status.toString().toLowerCase().replace('_', ' '))
                    .append(' ').append(n);
        }));
        return sb.toString();
    }

    /**
     * Sends the messages that tell officers a notice waits for their approval. Each attempt is claimed first, so two
     * platform nodes never send the same attempt; a crash between claim and send leaves it for its next attempt.
     */
    private boolean alertOfficers() {
        List<BreachRepository.OfficerAlert> due = incidents.dueAlerts(clock.instant(), 20);
        for (BreachRepository.OfficerAlert a : due) {
            if (!running) {
                return true;
            }
            Instant retryAt = now().plus(backoff.after(a.attempts() + 1));
            if (!incidents.claimAlert(a, retryAt)) {
                continue;
            }
            MailTransport.Outcome outcome = transport().send(new MailTransport.Mail(a.messageId(), a.address(),
                    a.subject(), a.body(), null));
            switch (outcome) {
                case MailTransport.Accepted ok -> incidents.alertSent(a.id(), now());
                case MailTransport.Permanent p -> incidents.alertNotSent(a.id(), cut(p.answer()), true);
                // An alert that may have arrived is not sent again: a second "awaits your approval" misleads nobody,
                // but it is noise, and the officer sees the notice waiting in the console either way.
                case MailTransport.Unanswered u -> {
                    incidents.alertNotSent(a.id(), cut(u.answer()), true);
                    closeTransport();
                }
                case MailTransport.Transient t -> {
                    incidents.alertNotSent(a.id(), cut(t.answer()), false);
                    if (t.serverUnavailable()) {
                        closeTransport();
                        pauseFor(backoff.after(1));
                        return true;
                    }
                }
            }
        }
        return !due.isEmpty();
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    private MailTransport transport() {
        if (transport == null) {
            transport = transports.get();
        }
        return transport;
    }

    private void closeTransport() {
        if (transport != null) {
            try {
                transport.close();
            } catch (RuntimeException e) {
                LOGGER.debug("Closing the mail connection failed", e);
            }
            transport = null;
        }
    }

    private void pauseFor(Duration d) {
        pausedUntil = clock.instant().plus(d);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
