package org.iqracity.console.platform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.store.HeavyCallRepository;
import org.iqracity.console.platform.store.HeavyCallRepository.Usage;

/**
 * Budgets for the calls that read a whole course or a whole log (a roster of 500,000 rows, an access-log export):
 * per staff member, a few at a time and a bounded number a minute; for the whole platform, a bounded number at
 * once. One account cannot keep the database busy for everyone else, whether by a script or a stolen token.
 * Refusals are 429 with Retry-After. On the embedded database the counts live in memory (a restart forgets, which
 * only ever helps a legitimate user); on PostgreSQL in the database, so the budgets hold for all nodes together.
 */
public final class WorkLimits {

    /** One kind of heavy work and its budget. */
    public enum Kind {
        /** A course's roster stream: an export of many courses asks for them one after another. */
        ROSTER(2, 60, Duration.ofMinutes(1)),
        /** An access-log CSV, which may cover a Member's whole history. */
        ACCESS_LOG_EXPORT(1, 10, Duration.ofMinutes(1)),
        /** Checking a Member's whole hash chain. */
        ACCESS_LOG_VERIFY(1, 10, Duration.ofMinutes(1)),
        /** A breach notice's letters or record: a PDF of up to one page per affected learner. */
        BREACH_DOCUMENT(1, 10, Duration.ofMinutes(1)),
        /** A research export: a whole course read, held and anonymised in memory before the first byte (R11). */
        RESEARCH_EXPORT(1, 10, Duration.ofMinutes(1), 2),
        /**
         * A breach notice's preview, submission or approval: each needs the learners its scope reaches, which for a
         * list of 200,000 names or the Member's largest courses means reading hundreds of thousands of enrollments.
         */
        BREACH_SCOPE(1, 30, Duration.ofMinutes(1), 2);

        final int concurrent;
        final int perWindow;
        final Duration window;
        /** Of this kind on the whole platform at once, within {@link #PLATFORM_CONCURRENT}. */
        final int platformConcurrent;

        Kind(int concurrent, int perWindow, Duration window) {
            this(concurrent, perWindow, window, PLATFORM_CONCURRENT);
        }

        Kind(int concurrent, int perWindow, Duration window, int platformConcurrent) {
            this.concurrent = concurrent;
            this.perWindow = perWindow;
            this.window = window;
            this.platformConcurrent = platformConcurrent;
        }
    }

    /** Heavy calls of all kinds and all callers running at once, on the whole platform (every node). */
    static final int PLATFORM_CONCURRENT = 8;
    /** When a slot is taken, how soon to try again: streams of ordinary courses take seconds. */
    static final long BUSY_RETRY_SECONDS = 5;

    private final Clock clock;
    private final Ledger ledger;

    /** Kept in this process's memory. */
    public WorkLimits(Clock clock) {
        this(clock, new InMemory());
    }

    public WorkLimits(Clock clock, Ledger ledger) {
        this.clock = clock;
        this.ledger = ledger;
    }

    /** Kept in the database every node shares, each call under this node's lease. */
    public static WorkLimits shared(Clock clock, HeavyCallRepository store, Lease lease) {
        return new WorkLimits(clock, new SharedLedger(store, lease));
    }

    /** Where running calls and recent starts are kept. */
    public interface Ledger {
        /**
         * Under one lock for everyone who shares the ledger: hands the usage now to {@code check}, which throws to
         * refuse, then records the start. Answers what frees the slot again.
         */
        Runnable start(String staffId, Kind kind, Instant now, Consumer<Usage> check);

        /** Now and then: lets go of what no budget counts any more. */
        default void tidy(Instant now) {
        }
    }

    /** Lets go of starts no window counts and slots whose node is gone (the shared ledger; memory needs none). */
    public void tidy() {
        ledger.tidy(clock.instant());
    }

    /** A claimed slot; closing it (once) frees it. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Claims a slot for this caller, or refuses with 429.
     *
     * @throws PlatformException 429 with the seconds to wait
     */
    public Permit begin(Caller caller, Kind kind) {
        Instant now = clock.instant();
        Runnable free = ledger.start(caller.staffId(), kind, now, u -> check(kind, now, u));
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                free.run();
            }
        };
    }

    private static void check(Kind kind, Instant now, Usage u) {
        if (u.startsInWindow() >= kind.perWindow) {
            long wait = Math.max(1, Duration.between(now, u.firstStartInWindow().plus(kind.window)).toSeconds());
            throw busy(wait, "Too many of these requests in a short time. Try again in " + wait + " seconds.");
        }
        if (u.callerRunning() >= kind.concurrent) {
            throw busy(BUSY_RETRY_SECONDS, "Another of these requests of yours is still running. Try again when "
                    + "it has finished.");
        }
        if (u.running() >= PLATFORM_CONCURRENT || u.kindRunning() >= kind.platformConcurrent) {
            throw busy(BUSY_RETRY_SECONDS, "The platform is busy with other large requests. Try again in a moment.");
        }
    }

    private static PlatformException busy(long seconds, String detail) {
        return new PlatformException(429, ProblemCode.RATE_LIMITED, "Too many requests", detail, List.of(), seconds);
    }

    /** Starts and running calls in this process's memory. */
    private static final class InMemory implements Ledger {
        private static final class PerCaller {
            final Deque<Instant> starts = new ArrayDeque<>();
            int running;
        }

        private final Map<String, PerCaller> callers = new ConcurrentHashMap<>();
        private final Map<Kind, Integer> runningByKind = new EnumMap<>(Kind.class);
        private int running;

        @Override
        public synchronized Runnable start(String staffId, Kind kind, Instant now, Consumer<Usage> check) {
            PerCaller u = callers.computeIfAbsent(staffId + "/" + kind.name(), k -> new PerCaller());
            while (!u.starts.isEmpty() && !u.starts.peekFirst().isAfter(now.minus(kind.window))) {
                u.starts.removeFirst();
            }
            check.accept(new Usage(u.starts.size(), u.starts.peekFirst(), u.running, running,
                    runningByKind.getOrDefault(kind, 0)));
            u.starts.addLast(now);
            u.running++;
            running++;
            runningByKind.merge(kind, 1, Integer::sum);
            return () -> {
                synchronized (this) {
                    u.running--;
                    running--;
                    runningByKind.merge(kind, -1, Integer::sum);
                }
            };
        }
    }
}
