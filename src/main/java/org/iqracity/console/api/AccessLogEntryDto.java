package org.iqracity.console.api;

import java.time.Instant;

/** One access-log entry (R12). {@code seq} is its place in the Member's hash chain. */
public record AccessLogEntryDto(long seq, Instant at, String actor, String action, String outcome, String objectType,
                                String objectId, String courseId, String client, String address) {
}
