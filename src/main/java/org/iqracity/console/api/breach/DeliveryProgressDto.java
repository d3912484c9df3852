package org.iqracity.console.api.breach;

/**
 * Counts of delivery records by status. {@code inDoubt}: messages handed to the mail server when the platform
 * stopped, neither confirmed nor resent (see docs/features/breach-notices.md, "Sending once").
 */
public record DeliveryProgressDto(long total, long pending, long sent, long retrying, long failed, long inDoubt,
                                  long cancelled, long unreachable, long lettersReady) {
    public static final DeliveryProgressDto NONE = new DeliveryProgressDto(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Records still waiting for the sender. */
    public long open() {
        return pending + retrying;
    }
}
