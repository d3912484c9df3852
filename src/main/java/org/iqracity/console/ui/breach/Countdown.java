package org.iqracity.console.ui.breach;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an incident stands against its 72-hour clock at one moment. Computed from the deadline the platform gave and
 * the console's clock, so it moves every minute without asking the platform anything.
 *
 * @param left time to the deadline; negative once overdue
 * @param finished the supervisory authority was notified, or the incident cancelled: the clock no longer presses
 * @param notified it stopped because the authority was notified (the regulator's clock does not stop when the
 *                 learners' messages go out)
 */
public record Countdown(Duration left, boolean finished, boolean notified) {

    /** Under this much time left the clock turns red. */
    public static final Duration URGENT = Duration.ofHours(12);

    public static Countdown of(Instant deadline, Instant now, boolean finished) {
        return new Countdown(deadline == null ? null : Duration.between(now, deadline), finished, false);
    }

    /** The clock of an incident: it runs until the authority was notified ({@code notifiedAt}) or it was cancelled. */
    public static Countdown of(Instant deadline, Instant now, Instant notifiedAt, boolean cancelled) {
        return new Countdown(deadline == null ? null : Duration.between(now, deadline),
                notifiedAt != null || cancelled, notifiedAt != null);
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
