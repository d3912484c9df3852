package org.iqracity.console.ui.breach;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an incident stands against its 72-hour clock at one moment. Computed from the deadline the platform gave and
 * the console's clock, so it moves every minute without asking the platform anything.
 *
 * @param left time to the deadline; negative once overdue
 * @param finished the notice went out or was cancelled: the clock no longer presses
 */
public record Countdown(Duration left, boolean finished) {

    /** Under this much time left the clock turns red. */
    public static final Duration URGENT = Duration.ofHours(12);

    public static Countdown of(Instant deadline, Instant now, boolean finished) {
        return new Countdown(deadline == null ? null : Duration.between(now, deadline), finished);
    }

    public boolean known() {
        return left != null;
    }

    public boolean overdue() {
        return left != null && left.isNegative();
    }

    /** Red: under 12 hours left or past the deadline, while the notice has not gone out. */
    public boolean urgent() {
        return left != null && !finished && left.compareTo(URGENT) < 0;
    }
}
