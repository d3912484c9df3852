package org.iqracity.console.api.breach;

/**
 * What an officer decided about an in-doubt message after checking the mail server's log for its Message-ID:
 * it was delivered, or send it again (with the same Message-ID, so a copy that did arrive collapses into one).
 */
public enum DeliveryResolution {
    DELIVERED, SEND_AGAIN
}
