package org.iqracity.console.platform.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.platform.store.RefusalCountRepository;

/**
 * Refused requests (R12, R13), counted per staff member, route and minute. The first refusal of a minute is written
 * at once, as before; the ones that follow in the same minute become one entry, written when the minute is over, that
 * says how many there were. A course administrator who tried 2,007 learner ids in 25 seconds wrote 2,007 entries and
 * slowed everyone's detail views; now that is one entry and a count. Past {@value #PER_MINUTE} refusals in a minute
 * the staff member's requests wait for the next minute (429), so probing stops costing the platform anything. That
 * count is the platform's, not the node's: on PostgreSQL it is kept in the database. (The log entries are written
 * per node: two nodes may each write a first entry and a count of repeats, which together say how many there were.)
 */
public final class Refusals {
    static final int PER_MINUTE = 120;

    /** A refusal as the log records it. */
    public record Refusal(Caller caller, String action, String route, String courseId) {
        String key() {
            return caller.staffId() + "\u001f" + action + "\u001f" + route;
        }
    }

    private static final class Window {
        final long minute;
        final Refusal first;
        int repeats;

        Window(long minute, Refusal first) {
            this.minute = minute;
            this.first = first;
        }
    }

    /** Where each staff member's refusals per minute are counted. */
    public interface PerStaff {
        void add(String staffId, long minute);

        int count(String staffId, long minute);

        /** Lets go of the minutes before this one. */
        default void forgetBefore(long minute) {
        }
    }

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final PerStaff perStaff;

    /** Counting in this process's memory. */
    public Refusals(Clock clock) {
        this(clock, new InMemory());
    }

    public Refusals(Clock clock, PerStaff perStaff) {
        this.clock = clock;
        this.perStaff = perStaff;
    }

    /** Counting in the database every node shares. */
    public static Refusals shared(Clock clock, RefusalCountRepository store) {
        return new Refusals(clock, new PerStaff() {
            @Override
            public void add(String staffId, long minute) {
                store.add(staffId, minute);
            }

            @Override
            public int count(String staffId, long minute) {
                return store.count(staffId, minute);
            }

            @Override
            public void forgetBefore(long minute) {
                store.forgetBefore(minute);
            }
        });
    }

    private long minute() {
        return clock.instant().getEpochSecond() / 60;
    }

    /**
     * Counts one refusal. Answers true when it is the first of its minute (log it now); the repeats are handed out
     * by {@link #closed} once their minute is over.
     */
    public boolean count(Refusal r) {
        long now = minute();
        perStaff.add(r.caller().staffId(), now);
        return firstOfMinute(r, now);
    }

    private synchronized boolean firstOfMinute(Refusal r, long now) {
        Window w = windows.get(r.key());
        if (w != null && w.minute == now) {
            w.repeats++;
            return false;
        }
        windows.put(r.key(), new Window(now, r));
        return true;
    }

    /** Seconds until the staff member may be heard again, when their refusals this minute passed the limit. */
    public long waitFor(Caller caller) {
        long now = minute();
        if (perStaff.count(caller.staffId(), now) <= PER_MINUTE) {
            return 0;
        }
        return Math.max(1, (now + 1) * 60 - clock.instant().getEpochSecond());
    }

    /** Lets go of the counts of minutes that are over. */
    public void forgetOld() {
        perStaff.forgetBefore(minute());
    }

    /** The counts of the current minute in this process's memory. */
    private static final class InMemory implements PerStaff {
        private final Map<String, int[]> counts = new ConcurrentHashMap<>();
        private long minute;

        @Override
        public synchronized void add(String staffId, long now) {
            if (minute != now) {
                counts.clear();
                minute = now;
            }
            counts.computeIfAbsent(staffId, k -> new int[1])[0]++;
        }

        @Override
        public synchronized int count(String staffId, long now) {
            int[] n = minute == now ? counts.get(staffId) : null;
            return n == null ? 0 : n[0];
        }
    }

    /** A minute's repeats of one refusal, to be written as one entry. */
    public record Repeats(Refusal first, int count, Instant minuteStart) {
    }

    /** The windows whose minute is over (all of them when {@code all}), with how often their refusal repeated. */
    public synchronized List<Repeats> closed(boolean all) {
        long now = minute();
        List<Repeats> out = new ArrayList<>();
        for (Iterator<Window> it = windows.values().iterator(); it.hasNext(); ) {
            Window w = it.next();
            if (all || w.minute < now) {
                if (w.repeats > 0) {
                    out.add(new Repeats(w.first, w.repeats, Instant.ofEpochSecond(w.minute * 60)));
                }
                it.remove();
            }
        }
        return out;
    }
}
