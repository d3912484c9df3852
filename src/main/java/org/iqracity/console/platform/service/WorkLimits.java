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
import org.iqracity.console.api.ProblemCode;

/**
 * Budgets for the calls that read a whole course or a whole log (a roster of 500,000 rows, an access-log export):
 * per staff member, a few at a time and a bounded number a minute; for the whole platform, a bounded number at
 * once. One account cannot keep the database busy for everyone else, whether by a script or a stolen token.
 * Refusals are 429 with Retry-After; in memory, so a restart forgets, which only ever helps a legitimate user.
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

    /** Heavy calls of all kinds and all callers running at once. */
    static final int PLATFORM_CONCURRENT = 8;
    /** When a slot is taken, how soon to try again: streams of ordinary courses take seconds. */
    static final long BUSY_RETRY_SECONDS = 5;

    private final Clock clock;
    private final Map<String, Usage> usage = new ConcurrentHashMap<>();
    private int running;
    private final Map<Kind, Integer> runningByKind = new EnumMap<>(Kind.class);

    public WorkLimits(Clock clock) {
        this.clock = clock;
    }

    /** A claimed slot; closing it (once) frees it. */
    @FunctionalInterface
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private static final class Usage {
        final Deque<Instant> starts = new ArrayDeque<>();
        int running;
    }

    /**
     * Claims a slot for this caller, or refuses with 429.
     *
     * @throws PlatformException 429 with the seconds to wait
     */
    public Permit begin(Caller caller, Kind kind) {
        Instant now = clock.instant();
        Usage u = usage.computeIfAbsent(caller.staffId() + "/" + kind.name(), k -> new Usage());
        synchronized (this) {
            while (!u.starts.isEmpty() && !u.starts.peekFirst().isAfter(now.minus(kind.window))) {
                u.starts.removeFirst();
            }
            if (u.starts.size() >= kind.perWindow) {
                long wait = Math.max(1, Duration.between(now, u.starts.peekFirst().plus(kind.window)).toSeconds());
                throw busy(wait, "Too many of these requests in a short time. Try again in " + wait + " seconds.");
            }
            if (u.running >= kind.concurrent) {
                throw busy(BUSY_RETRY_SECONDS, "Another of these requests of yours is still running. Try again when "
                        + "it has finished.");
            }
            if (running >= PLATFORM_CONCURRENT || runningByKind.getOrDefault(kind, 0) >= kind.platformConcurrent) {
                throw busy(BUSY_RETRY_SECONDS, "The platform is busy with other large requests. Try again in a moment.");
            }
            u.starts.addLast(now);
            u.running++;
            running++;
            runningByKind.merge(kind, 1, Integer::sum);
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                synchronized (this) {
                    u.running--;
                    running--;
                    runningByKind.merge(kind, -1, Integer::sum);
                }
            }
        };
    }

    private static PlatformException busy(long seconds, String detail) {
        return new PlatformException(429, ProblemCode.RATE_LIMITED, "Too many requests", detail, List.of(), seconds);
    }
}
