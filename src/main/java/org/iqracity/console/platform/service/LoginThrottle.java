package org.iqracity.console.platform.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing (R13): per account, a growing wait after a few failures; per network address, a
 * cap on failures in a window. Kept in memory: a restart forgets, which only ever helps the legitimate user.
 */
public final class LoginThrottle {
    static final int ACCOUNT_FREE_FAILURES = 5;
    static final Duration ACCOUNT_BASE_WAIT = Duration.ofSeconds(30);
    static final Duration ACCOUNT_MAX_WAIT = Duration.ofMinutes(15);
    static final int ADDRESS_MAX_FAILURES = 50;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Clock clock;
    private final Map<String, Deque<Instant>> byAccount = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> byAddress = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before another attempt is heard, if the account or address is being throttled. */
    public OptionalLong retryAfter(String username, String address) {
        Instant now = clock.instant();
        long wait = 0;
        Deque<Instant> account = recent(byAccount, key(username), now);
        if (account != null && account.size() >= ACCOUNT_FREE_FAILURES) {
            int over = account.size() - ACCOUNT_FREE_FAILURES;
            Duration backoff = ACCOUNT_BASE_WAIT.multipliedBy(1L << Math.min(over, 10));
            if (backoff.compareTo(ACCOUNT_MAX_WAIT) > 0) {
                backoff = ACCOUNT_MAX_WAIT;
            }
            wait = Math.max(wait, Duration.between(now, account.peekLast().plus(backoff)).toSeconds());
        }
        Deque<Instant> addr = recent(byAddress, address, now);
        if (addr != null && addr.size() >= ADDRESS_MAX_FAILURES) {
            wait = Math.max(wait, Duration.between(now, addr.peekFirst().plus(WINDOW)).toSeconds());
        }
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    /**
     * Counts a failure; answers whether the account is now made to wait (its failures reached the free number),
     * which its Member's officers are told of.
     */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        add(byAccount, key(username), now);
        add(byAddress, address, now);
        Deque<Instant> account = recent(byAccount, key(username), now);
        return account != null && account.size() >= ACCOUNT_FREE_FAILURES;
    }

    public void succeeded(String username) {
        byAccount.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
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

    private static Deque<Instant> recent(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (key == null) {
            return null;
        }
        Deque<Instant> q = map.get(key);
        if (q == null) {
            return null;
        }
        synchronized (q) {
            while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(WINDOW))) {
                q.removeFirst();
            }
            return new ArrayDeque<>(q);
        }
    }
}
