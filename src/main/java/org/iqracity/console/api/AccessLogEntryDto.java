package org.iqracity.console.api;

import java.time.Instant;

/**
 * One access-log entry (R12). {@code seq} is its place in the Member's hash chain. {@code objectName} and
 * {@code courseTitle} are how the reader knows the object and the course (a username, a sponsor's name, a title),
 * looked up when the page is read; null where the object has no such name or is not the reader's to know.
 */
public record AccessLogEntryDto(long seq, Instant at, String actor, String action, String outcome, String objectType,
                                String objectId, String courseId, String client, String address, String objectName,
                                String courseTitle) {
    public AccessLogEntryDto(long seq, Instant at, String actor, String action, String outcome, String objectType,
                             String objectId, String courseId, String client, String address) {
        this(seq, at, actor, action, outcome, objectType, objectId, courseId, client, address, null, null);
    }
}
