package org.iqracity.console.api.breach;

/**
 * One delivery record's state. {@code IN_FLIGHT}: handed to the mail server right now. {@code IN_DOUBT}: was in flight
 * when the platform stopped, so the mail server may or may not have taken it; never resent by itself.
 * {@code READY}: a letter that is in the letters PDF. {@code UNREACHABLE}: no address for that channel.
 */
public enum DeliveryStatus {
    PENDING, IN_FLIGHT, RETRY, SENT, FAILED, IN_DOUBT, CANCELLED, UNREACHABLE, READY
}
