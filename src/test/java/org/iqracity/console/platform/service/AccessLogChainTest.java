package org.iqracity.console.platform.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** R12: the access log is a hash chain per Member, so an edit or a deletion made behind the platform's back shows. */
class AccessLogChainTest {
    static final AtomicInteger MEMBERS = new AtomicInteger();
    static final byte[] KEY = "the chain key, 32 bytes long....".getBytes(StandardCharsets.US_ASCII);
    @TempDir
    static Path dir;
    static Database database;
    static Jdbc jdbc;
    static AccessLog log;
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    /** Each test writes chains of its own Members, so one fresh database serves the class. */
    String northbridge;
    String sahel;

    @BeforeAll
    static void freshDatabase() {
        database = Database.embedded(dir);
        database.migrate();
        jdbc = new Jdbc(database.dataSource());
        log = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, KEY);
    }

    @BeforeEach
    void newMembers() {
        northbridge = "northbridge-" + MEMBERS.incrementAndGet();
        sahel = "sahel-" + MEMBERS.incrementAndGet();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    void recordViews(String member, int count) {
        for (int i = 1; i <= count; i++) {
            log.record(new AccessLog.Event(member, "staff-1", "nb-ta", "LEARNER_VIEW", "SUCCESS", "LEARNER",
                    "learner-" + i, "course-v1:Northbridge+CS101+2026_T1",
                    new RequestOrigin("member-console/1", "10.0.0.1")));
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void anUntouchedChainHoldsAndLinksEachEntryToTheOneBefore() {
        recordViews(northbridge, 5);
        assertThat(log.firstBrokenLink(northbridge)).isEmpty();
        var entries = log.entries(northbridge);
        assertThat(entries).extracting(AccessLogRepository.Entry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.getFirst().prevHash()).isEqualTo(AccessLogRepository.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
        }
    }

    @Test
    void anEditedObjectIdBreaksTheChainAtThatEntry() {
        recordViews(northbridge, 5);
        assertThat(jdbc.update("UPDATE access_log SET object_id = 'learner-99' WHERE member_id = ? AND seq = 3",
                northbridge)).isEqualTo(1);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(3L);
    }

    @Test
    void anEditedTimeOrActorBreaksTheChainToo() {
        recordViews(northbridge, 4);
        jdbc.update("UPDATE access_log SET actor_username = 'someone-else' WHERE member_id = ? AND seq = 4",
                northbridge);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(4L);
        jdbc.update("UPDATE access_log SET at = ? WHERE member_id = ? AND seq = 2",
                Instant.parse("2026-11-28T00:00:00Z"), northbridge);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(2L);
    }

    @Test
    void aRehashedEntryStillBreaksTheLinkAfterIt() {
        recordViews(northbridge, 4);
        // Even a forger holding the key, who recomputes the edited entry's own hash, is caught by the next link.
        var second = log.entries(northbridge).get(1);
        var forged = new AccessLogRepository.Entry(second.memberId(), second.seq(), second.at(), second.actorId(),
                second.actorUsername(), second.action(), second.outcome(), second.objectType(), "learner-99",
                second.courseId(), second.client(), second.address(), second.prevHash(), null);
        jdbc.update("UPDATE access_log SET object_id = 'learner-99', hash = ? WHERE member_id = ? AND seq = 2",
                log.hash(forged), northbridge);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(3L);
    }

    /**
     * R12: the chain is keyed. Someone who can write the database but has no key rewrites an entry and every hash
     * after it, and the head, with the hash anyone can compute: the edited entry is named all the same.
     */
    @Test
    void aForgerWithoutTheKeyCannotRewriteTheChainConsistently() {
        recordViews(northbridge, 5);
        List<AccessLogRepository.Entry> chain = log.entries(northbridge);
        String prev = chain.get(1).hash();
        for (int i = 2; i < chain.size(); i++) {
            var e = chain.get(i);
            var rewritten = new AccessLogRepository.Entry(e.memberId(), e.seq(), e.at(), e.actorId(),
                    e.actorUsername(), e.action(), e.outcome(), e.objectType(),
                    i == 2 ? "learner-forged" : e.objectId(), e.courseId(), e.client(), e.address(), prev, null);
            String hash = sha256Hex(rewritten);
            jdbc.update("UPDATE access_log SET object_id = ?, prev_hash = ?, hash = ? WHERE member_id = ? AND seq = ?",
                    rewritten.objectId(), prev, hash, northbridge, e.seq());
            prev = hash;
        }
        jdbc.update("UPDATE access_log_head SET hash = ? WHERE member_id = ?", prev, northbridge);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(3L);
        // and the same rows read with another key are all broken from the first
        AccessLog otherKey = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, new byte[32]);
        assertThat(otherKey.firstBrokenLink(northbridge)).hasValue(1L);
    }

    /** A chain written before it was keyed (plain SHA-256) is keyed once, and a break in it is not healed. */
    @Test
    void anUnkeyedChainIsKeyedOnceAndABreakInItIsKeptNotHealed() {
        writeUnkeyed(northbridge, 4, 0);
        writeUnkeyed(sahel, 5, 3);
        assertThat(log.firstBrokenLink(northbridge)).as("unkeyed, not yet converted").hasValue(1L);

        assertThat(log.keyChains()).isGreaterThanOrEqualTo(2);

        assertThat(log.firstBrokenLink(northbridge)).isEmpty();
        assertThat(log.firstBrokenLink(sahel)).as("the entry edited before keying is still named").hasValue(3L);
        recordViews(northbridge, 1);
        assertThat(log.firstBrokenLink(northbridge)).isEmpty();
        assertThat(log.entries(northbridge)).hasSize(5);
        assertThat(log.keyChains()).as("nothing left to key").isZero();
    }

    /** Entries as an older version wrote them; {@code editedSeq} (if above 0) was altered afterwards. */
    private void writeUnkeyed(String member, int count, int editedSeq) {
        String prev = AccessLogRepository.GENESIS;
        for (int seq = 1; seq <= count; seq++) {
            var e = new AccessLogRepository.Entry(member, seq, clock.instant(), "staff-1", "nb-ta", "LEARNER_VIEW",
                    "SUCCESS", "LEARNER", "learner-" + seq, null, "member-console/1", "10.0.0.1", prev, null);
            String hash = sha256Hex(e);
            jdbc.update("INSERT INTO access_log (member_id, seq, at, actor_id, actor_username, action, outcome, "
                    + "object_type, object_id, course_id, client, address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?)", member, seq, e.at(), e.actorId(), e.actorUsername(), e.action(),
                    e.outcome(), e.objectType(), seq == editedSeq ? "learner-edited" : e.objectId(), null, e.client(),
                    e.address(), prev, hash);
            prev = hash;
            clock.advance(Duration.ofSeconds(1));
        }
        jdbc.update("INSERT INTO access_log_head (member_id, seq, hash) VALUES (?, ?, ?)", member, count, prev);
    }

    /** The hash anyone can compute: what the chain used before it was keyed. */
    private static String sha256Hex(AccessLogRepository.Entry e) {
        String canonical = String.join("\u001f", e.prevHash(), e.memberId(), Long.toString(e.seq()),
                e.at().toString(), nz(e.actorId()), nz(e.actorUsername()), e.action(), e.outcome(),
                nz(e.objectType()), nz(e.objectId()), nz(e.courseId()), nz(e.client()), nz(e.address()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Test
    void aDeletedEntryBreaksTheChainAtItsSeq() {
        recordViews(northbridge, 5);
        assertThat(jdbc.update("DELETE FROM access_log WHERE member_id = ? AND seq = 4", northbridge)).isEqualTo(1);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(4L);
    }

    @Test
    void deletingTheFirstEntryIsCaught() {
        recordViews(northbridge, 3);
        jdbc.update("DELETE FROM access_log WHERE member_id = ? AND seq = 1", northbridge);
        assertThat(log.firstBrokenLink(northbridge)).hasValue(1L);
    }

    @Test
    void chainsOfMembersAreIndependent() {
        recordViews(northbridge, 3);
        recordViews(sahel, 3);
        jdbc.update("UPDATE access_log SET outcome = 'DENIED' WHERE member_id = ? AND seq = 2", sahel);
        assertThat(log.firstBrokenLink(sahel)).hasValue(2L);
        assertThat(log.firstBrokenLink(northbridge)).isEmpty();
    }

    @Test
    void eventsWithoutAMemberGoToThePlatformChain() {
        log.record(new AccessLog.Event(null, null, null, "SIGN_IN", "FAILURE", "STAFF", null, null,
                new RequestOrigin("curl/8", "10.0.0.2")));
        assertThat(log.entries(AccessLog.PLATFORM_CHAIN)).hasSize(1);
        assertThat(log.firstBrokenLink(AccessLog.PLATFORM_CHAIN)).isEmpty();
    }

    @Test
    void requestsRecordingAtOnceEachFindTheirEntryWrittenAndTheChainWhole() throws Exception {
        // A hundred requests of one Member at once, all appending to its one chain.
        int threads = 100;
        int each = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        String object = "learner-" + thread + "-" + i;
                        log.record(new AccessLog.Event(northbridge, "staff-1", "nb-ta", "LEARNER_VIEW", "SUCCESS",
                                "LEARNER", object, "course-v1:Northbridge+CS101+2026_T1",
                                new RequestOrigin("member-console/1", "10.0.0.1")));
                        // Returned: the entry is committed, as another connection sees it (R12: before any data).
                        long seen = jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE member_id = ? AND object_id "
                                + "= ?",
                                rs -> rs.getLong(1), northbridge, object).orElse(0L);
                        if (seen != 1) {
                            missing.add(object);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (var f : done) {
                f.get();
            }
        }
        assertThat(missing).isEmpty();
        var entries = log.entries(northbridge);
        assertThat(entries).hasSize(threads * each);
        assertThat(entries).extracting(e -> e.seq()).containsExactlyElementsOf(
                LongStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(log.firstBrokenLink(northbridge)).isEmpty();
    }

    @Test
    void anEntryTheDatabaseRefusesFailsItsOwnRequestOnly() throws Exception {
        String tooLong = "x".repeat(5_000);
        CountDownLatch go = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try (var pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 25; i++) {
                        boolean bad = thread == 0 && i % 5 == 0;
                        try {
                            log.record(new AccessLog.Event(sahel, "staff-1", "nb-ta", "LEARNER_VIEW", "SUCCESS",
                                    "LEARNER", bad ? tooLong : "learner-" + thread + "-" + i, null, null));
                        } catch (RuntimeException e) {
                            failures.add(e);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (var f : done) {
                f.get();
            }
        }
        // The five refused entries failed their own calls; the 195 around them were written, in one unbroken chain.
        assertThat(failures).hasSize(5);
        assertThat(log.entries(sahel)).hasSize(195);
        assertThat(log.firstBrokenLink(sahel)).isEmpty();
    }
}
