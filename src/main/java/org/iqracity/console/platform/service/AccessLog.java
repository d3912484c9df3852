package org.iqracity.console.platform.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.AccessLogRepository.Entry;
import org.iqracity.console.platform.store.Jdbc;

/**
 * The append-only access log (R12). Each entry carries the hash of the one before it in its Member's chain, so
 * an edit or deletion anywhere shows up as the first broken link.
 */
public final class AccessLog {
    /** The chain for events that belong to no Member, such as a sign-in with an unknown username. */
    public static final String PLATFORM_CHAIN = "_platform";

    private final Jdbc jdbc;
    private final AccessLogRepository repository;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public AccessLog(Jdbc jdbc, AccessLogRepository repository, Clock clock) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.clock = clock;
    }

    /** What happened, to what, by whom. {@code outcome} is SUCCESS, FAILURE or DENIED. */
    public record Event(String memberId, String actorId, String actorUsername, String action, String outcome,
                        String objectType, String objectId, String courseId, RequestOrigin origin) {
    }

    public static Event by(Caller caller, String action, String objectType, String objectId, String courseId) {
        return new Event(caller.memberId(), caller.staffId(), caller.username(), action, "SUCCESS", objectType,
                objectId, courseId, caller.origin());
    }

    public void record(Event event) {
        String member = event.memberId() == null ? PLATFORM_CHAIN : event.memberId();
        ReentrantLock lock = locks.computeIfAbsent(member, k -> new ReentrantLock());
        lock.lock();
        try {
            jdbc.inTransaction(c -> {
                AccessLogRepository.Head head = repository.lockHead(c, member);
                Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                long seq = head.seq() + 1;
                Entry unsigned = new Entry(member, seq, at, event.actorId(), event.actorUsername(), event.action(),
                        event.outcome(), event.objectType(), event.objectId(), event.courseId(),
                        event.origin() == null ? null : event.origin().client(),
                        event.origin() == null ? null : event.origin().address(), head.hash(), null);
                repository.append(c, withHash(unsigned));
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    /** Some work and the access-log entries it asks for; the entries are appended only if the work says so. */
    public record Logged<T>(T result, List<Event> events) {
        public Logged {
            events = List.copyOf(events);
        }
    }

    /** Work that runs inside the transaction that appends its entries. */
    public interface LoggedWork<T> {
        Logged<T> run(java.sql.Connection c) throws java.sql.SQLException;
    }

    /**
     * Runs {@code work} and appends the entries it returns (all in {@code memberId}'s chain) in one transaction:
     * the work and its trace are committed together or not at all.
     */
    public <T> T recordWith(String memberId, LoggedWork<T> work) {
        ReentrantLock lock = locks.computeIfAbsent(memberId, k -> new ReentrantLock());
        lock.lock();
        try {
            return jdbc.inTransaction(c -> {
                Logged<T> done = work.run(c);
                if (done.events().isEmpty()) {
                    return done.result();
                }
                AccessLogRepository.Head head = repository.lockHead(c, memberId);
                Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
                long seq = head.seq();
                String prev = head.hash();
                for (Event event : done.events()) {
                    if (!memberId.equals(event.memberId())) {
                        throw new IllegalArgumentException("an entry for another chain");
                    }
                    Entry e = withHash(new Entry(memberId, ++seq, at, event.actorId(), event.actorUsername(),
                            event.action(), event.outcome(), event.objectType(), event.objectId(), event.courseId(),
                            event.origin() == null ? null : event.origin().client(),
                            event.origin() == null ? null : event.origin().address(), prev, null));
                    repository.append(c, e);
                    prev = e.hash();
                }
                return done.result();
            });
        } finally {
            lock.unlock();
        }
    }

    /** The first entry whose link does not hold, if any. */
    public Optional<Long> firstBrokenLink(String memberId) {
        return Optional.ofNullable(walk(memberId).firstBroken());
    }

    /** What one reading of a chain found: how many entries it holds and the first that does not link (or null). */
    public record Walk(long entries, Long firstBroken) {
    }

    /** Reads the Member's chain once, in order, streaming: its length and its first broken link. */
    public Walk walk(String memberId) {
        long[] count = {0};
        Long[] broken = {null};
        String[] prev = {AccessLogRepository.GENESIS};
        repository.walkChain(memberId, e -> {
            count[0]++;
            if (broken[0] != null) {
                return;
            }
            long expected = count[0];
            if (e.seq() != expected || !e.prevHash().equals(prev[0]) || !hash(e).equals(e.hash())) {
                broken[0] = expected;
            }
            prev[0] = e.hash();
        });
        return new Walk(count[0], broken[0]);
    }

    public List<Entry> entries(String memberId) {
        return repository.chain(memberId);
    }

    private static Entry withHash(Entry e) {
        return new Entry(e.memberId(), e.seq(), e.at(), e.actorId(), e.actorUsername(), e.action(), e.outcome(),
                e.objectType(), e.objectId(), e.courseId(), e.client(), e.address(), e.prevHash(), hash(e));
    }

    static String hash(Entry e) {
        String canonical = String.join("\u001f", e.prevHash(), e.memberId(), Long.toString(e.seq()),
                e.at().toString(), nz(e.actorId()), nz(e.actorUsername()), e.action(), e.outcome(),
                nz(e.objectType()), nz(e.objectId()), nz(e.courseId()), nz(e.client()), nz(e.address()));
        return HexFormat.of().formatHex(Tokens.sha256Bytes(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
