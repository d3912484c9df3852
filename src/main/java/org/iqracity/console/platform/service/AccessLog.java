package org.iqracity.console.platform.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.AccessLogRepository.Entry;
import org.iqracity.console.platform.store.Jdbc;

/**
 * The append-only access log (R12). Each entry carries the hash of the one before it in its Member's chain, so
 * an edit or deletion anywhere shows up as the first broken link. The hashes are keyed (HMAC-SHA256 with a key
 * derived from the master key, which the database does not hold): whoever can write the database cannot compute
 * the hash of an entry they edited, nor of the entries after it.
 */
public final class AccessLog {
    /** The chain for events that belong to no Member, such as a sign-in with an unknown username. */
    public static final String PLATFORM_CHAIN = "_platform";

    private final Jdbc jdbc;
    private final AccessLogRepository repository;
    private final Clock clock;
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final SecretKeySpec chainKey;

    public AccessLog(Jdbc jdbc, AccessLogRepository repository, Clock clock, byte[] chainKey) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.clock = clock;
        this.chainKey = new SecretKeySpec(chainKey.clone(), "HmacSHA256");
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
        Logged<T> run(Connection c) throws SQLException;
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

    /**
     * What one reading of a chain found: how many entries it holds, the first that does not link (or null), its
     * head, and, when it was read against an {@link Anchor}, the first entry that is not the one the anchor saw
     * (null when the anchor holds or none was given).
     */
    public record Walk(long entries, Long firstBroken, String headHash, Instant headAt, Long cutBackFrom) {
    }

    /**
     * A head the chain had before: {@code entries} entries, the last with hash {@code headHash}, written at
     * {@code headAt}. Every entry up to it was written by then, so an entry at or before that place that was written
     * later stands where deleted entries were.
     */
    public record Anchor(long entries, String headHash, Instant headAt) {
    }

    /** Reads the Member's chain once, in order, streaming: its length and its first broken link. */
    public Walk walk(String memberId) {
        return walk(memberId, null);
    }

    /**
     * Reads the Member's chain once, in order, streaming; also checks that the entries the anchor saw are all still
     * there. When they are not, the first entry that is not one of them is named: the first, up to the anchor's
     * place, written after the anchor's head (a regrown stretch), else the first place the chain no longer reaches.
     */
    public Walk walk(String memberId, Anchor anchor) {
        long[] count = {0};
        Long[] broken = {null};
        String[] prev = {AccessLogRepository.GENESIS};
        Instant[] headAt = {null};
        String[] atAnchor = {null};
        Long[] laterWithin = {null};
        repository.walkChain(memberId, e -> {
            count[0]++;
            headAt[0] = e.at();
            if (anchor != null && e.seq() <= anchor.entries()) {
                if (e.seq() == anchor.entries()) {
                    atAnchor[0] = e.hash();
                }
                if (laterWithin[0] == null && anchor.headAt() != null && e.at().isAfter(anchor.headAt())) {
                    laterWithin[0] = e.seq();
                }
            }
            if (broken[0] == null) {
                long expected = count[0];
                if (e.seq() != expected || !e.prevHash().equals(prev[0]) || !hash(e).equals(e.hash())) {
                    broken[0] = expected;
                }
            }
            prev[0] = e.hash();
        });
        return new Walk(count[0], broken[0], prev[0], headAt[0], cutBackFrom(anchor, count[0], atAnchor[0],
                laterWithin[0]));
    }

    private static Long cutBackFrom(Anchor anchor, long entries, String atAnchor, Long laterWithin) {
        if (anchor == null || anchor.entries() == 0 || anchor.headHash().equals(atAnchor)) {
            return null;
        }
        if (laterWithin != null) {
            return laterWithin;
        }
        return entries < anchor.entries() ? entries + 1 : anchor.entries();
    }

    public List<Entry> entries(String memberId) {
        return repository.chain(memberId);
    }

    private Entry withHash(Entry e) {
        return new Entry(e.memberId(), e.seq(), e.at(), e.actorId(), e.actorUsername(), e.action(), e.outcome(),
                e.objectType(), e.objectId(), e.courseId(), e.client(), e.address(), e.prevHash(), hash(e));
    }

    /** The entry's keyed hash over its link and every field. */
    String hash(Entry e) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(chainKey);
            return HexFormat.of().formatHex(mac.doFinal(canonical(e)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The hash versions before the chain was keyed wrote (plain SHA-256): read once, when a chain is keyed. */
    static String unkeyedHash(Entry e) {
        return HexFormat.of().formatHex(Tokens.sha256Bytes(canonical(e)));
    }

    private static byte[] canonical(Entry e) {
        return String.join("\u001f", e.prevHash(), e.memberId(), Long.toString(e.seq()),
                e.at().toString(), nz(e.actorId()), nz(e.actorUsername()), e.action(), e.outcome(),
                nz(e.objectType()), nz(e.objectId()), nz(e.courseId()), nz(e.client()), nz(e.address()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Keys the chains an older version hashed without a key: each chain's entries are linked and hashed again with
     * the key, as far as the unkeyed chain was intact. A chain broken before is not healed: the entries from its
     * first broken link on keep their old hashes, so verification still names that link. Run at start, before the
     * platform serves; answers how many chains it keyed.
     */
    public int keyChains() {
        int keyed = 0;
        AccessLogRepository.Filter any = new AccessLogRepository.Filter(null, null, null, null, null);
        for (String member : repository.chains()) {
            List<Entry> newest = repository.page(member, any, null, 1);
            if (newest.isEmpty() || hash(newest.getFirst()).equals(newest.getFirst().hash())) {
                continue;
            }
            List<Entry> chain = repository.chain(member);
            List<Entry> relinked = new ArrayList<>();
            String oldPrev = AccessLogRepository.GENESIS;
            String newPrev = AccessLogRepository.GENESIS;
            long expected = 1;
            for (Entry e : chain) {
                if (e.seq() != expected || !e.prevHash().equals(oldPrev) || !unkeyedHash(e).equals(e.hash())) {
                    break;
                }
                Entry linked = withHash(new Entry(e.memberId(), e.seq(), e.at(), e.actorId(), e.actorUsername(),
                        e.action(), e.outcome(), e.objectType(), e.objectId(), e.courseId(), e.client(),
                        e.address(), newPrev, null));
                relinked.add(linked);
                oldPrev = e.hash();
                newPrev = linked.hash();
                expected++;
            }
            if (!relinked.isEmpty()) {
                ReentrantLock lock = locks.computeIfAbsent(member, k -> new ReentrantLock());
                lock.lock();
                try {
                    repository.relink(member, relinked);
                } finally {
                    lock.unlock();
                }
                keyed++;
            }
        }
        return keyed;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
