package org.iqracity.console.platform.service.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.platform.store.LoginFailureRepository;
import org.iqracity.console.platform.store.LoginFailureRepository.Tally;

/**
 * Slows down password guessing (R13): per account, a growing wait after a few failures; per network address, a
 * cap on failures in a window. On the embedded database the failures are kept in memory (a restart forgets, which
 * only ever helps the legitimate user); on PostgreSQL in the database, so that several nodes behind a load balancer
 * allow together exactly what one would.
 */
public final class LoginThrottle {
    static final int ACCOUNT_FREE_FAILURES = 5;
    static final Duration ACCOUNT_BASE_WAIT = Duration.ofSeconds(30);
    static final Duration ACCOUNT_MAX_WAIT = Duration.ofMinutes(15);
    static final int ADDRESS_MAX_FAILURES = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    /** Where the failures are kept. Accounts come lower-cased; an address may be null (then it is not counted). */
    public interface Failures {
        /** The failures at or after {@code since}, of the account and of the address. */
        Tally tally(String account, String address, Instant since);

        /** Counts a failure; answers the account's failures at or after {@code since}, this one included. */
        int add(String account, String address, Instant at, Instant since);

        void clear(String account);

        /** Lets go of failures before {@code before}, which no window looks at any more. */
        void forgetBefore(Instant before);
    }

    private final Clock clock;
    private final Failures failures;

    /** Counting in this process's memory. */
    public LoginThrottle(Clock clock) {
        this(clock, new InMemory());
    }

    public LoginThrottle(Clock clock, Failures failures) {
        this.clock = clock;
        this.failures = failures;
    }

    /** Counting in the database every node shares. */
    public static LoginThrottle shared(Clock clock, LoginFailureRepository store) {
        return new LoginThrottle(clock, new Failures() {
            @Override
            public Tally tally(String account, String address, Instant since) {
                return store.tally(account, address, since);
            }

            @Override
            public int add(String account, String address, Instant at, Instant since) {
                return store.add(account, address, at, since);
            }

            @Override
            public void clear(String account) {
                store.clear(account);
            }

            @Override
            public void forgetBefore(Instant before) {
                store.forgetBefore(before);
            }
        });
    }

    /** Seconds to wait before another attempt is heard, if the account or address is being throttled. */
    public OptionalLong retryAfter(String username, String address) {
        Instant now = clock.instant();
        long wait = 0;
        Tally t = failures.tally(key(username), address, now.minus(WINDOW));
        if (t.accountFailures() >= ACCOUNT_FREE_FAILURES) {
            int over = t.accountFailures() - ACCOUNT_FREE_FAILURES;
            Duration backoff = ACCOUNT_BASE_WAIT.multipliedBy(1L << Math.min(over, 10));
            if (backoff.compareTo(ACCOUNT_MAX_WAIT) > 0) {
                backoff = ACCOUNT_MAX_WAIT;
            }
            wait = Math.max(wait, Duration.between(now, t.accountLatest().plus(backoff)).toSeconds());
        }
        if (t.addressFailures() >= ADDRESS_MAX_FAILURES) {
            wait = Math.max(wait, Duration.between(now, t.addressEarliest().plus(WINDOW)).toSeconds());
        }
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    /**
     * Counts a failure; answers whether the account is now made to wait (its failures reached the free number),
     * which its Member's officers are told of.
     */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        return failures.add(key(username), address, now, now.minus(WINDOW)) >= ACCOUNT_FREE_FAILURES;
    }

    public void succeeded(String username) {
        failures.clear(key(username));
    }

    /** Drops what no window looks at any more (the shared table; memory trims itself as it goes). */
    public void forgetOld() {
        failures.forgetBefore(clock.instant().minus(WINDOW));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }

    /** Failures in this process's memory, at most 200 per account or address. */
    private static final class InMemory implements Failures {
        private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
        private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

        @Override
        public Tally tally(String account, String address, Instant since) {
            Deque<Instant> a = recent(byAccount, account, since);
            Deque<Instant> n = recent(byAddress, address, since);
            return new Tally(a.size(), a.peekLast(), n.size(), n.peekFirst());
        }

        @Override
        public int add(String account, String address, Instant at, Instant since) {
            add(byAccount, account, at);
            add(byAddress, address, at);
            return recent(byAccount, account, since).size();
        }

        @Override
        public void clear(String account) {
            byAccount.remove(account);
        }

        @Override
        public void forgetBefore(Instant before) {
            // each queue drops its old failures when it is next read
        }

        private static void add(Map<String, Deque<Instant>> map, String key, Instant now) {
            if (key == null) {
                return;
            }
            Deque<Instant> q = map.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (q) {
                q.addLast(now);
                while (q.size() > 200) {
                    q.removeFirst();
                }
            }
        }

        private static Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant since) {
            Deque<Instant> q = key == null ? null : map.get(key);
            if (q == null) {
                return new ArrayDeque<>();
            }
            synchronized (q) {
                while (!q.isEmpty() && q.peekFirst().isBefore(since)) {
                    q.removeFirst();
                }
                return new ArrayDeque<>(q);
            }
        }
    }
}
