package org.iqracity.console.client;

import java.util.Objects;

/**
 * An answer together with the entity tag the platform sent for it. A later change sends the tag back in If-Match,
 * so the platform can refuse it when someone else changed the same thing in between.
 */
public record Versioned<T>(T value, String etag) {
    public Versioned {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(etag, "etag");
    }
}
