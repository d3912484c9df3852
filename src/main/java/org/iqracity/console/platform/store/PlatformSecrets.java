package org.iqracity.console.platform.store;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/** Keys the platform makes once and keeps in its database, so they survive restarts. */
public final class PlatformSecrets {
    private static final String CURSOR_KEY = "cursor-hmac";

    private final Jdbc jdbc;
    private final Clock clock;

    public PlatformSecrets(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public byte[] cursorKey() {
        return Base64.getDecoder().decode(getOrCreate(CURSOR_KEY, () -> {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        }));
    }

    /** The named secret, made by {@code maker} and stored the first time it is asked for. */
    public synchronized String getOrCreate(String name, java.util.function.Supplier<String> maker) {
        return jdbc.queryOne("SELECT secret FROM platform_secret WHERE name = ?", rs -> rs.getString(1), name)
                .orElseGet(() -> {
                    String value = maker.get();
                    jdbc.update("INSERT INTO platform_secret (name, secret, created_at) VALUES (?, ?, ?)", name, value,
                            clock.instant());
                    return value;
                });
    }
}
