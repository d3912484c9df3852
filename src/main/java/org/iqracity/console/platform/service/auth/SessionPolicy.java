package org.iqracity.console.platform.service.auth;

import java.time.Duration;

/** Session lifetimes (R13): short access tokens, an idle limit and an absolute limit. */
public record SessionPolicy(Duration accessTokenTtl, Duration idleTimeout, Duration absoluteTimeout) {
    /** How stale a session's last-use time may get before a request writes it again. */
    static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(30);
}
