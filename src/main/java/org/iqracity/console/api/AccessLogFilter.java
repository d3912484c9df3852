package org.iqracity.console.api;

import java.time.Instant;

/**
 * What the access log is narrowed to; every part is optional (null). {@code from} is inclusive, {@code to} exclusive,
 * as the platform reads them.
 */
public record AccessLogFilter(String actor, String action, String objectId, Instant from, Instant to) {

    public static AccessLogFilter none() {
        return new AccessLogFilter(null, null, null, null, null);
    }

    public boolean isEmpty() {
        return actor == null && action == null && objectId == null && from == null && to == null;
    }
}
