package org.iqracity.console.api.breach;

import java.time.Instant;

/**
 * That the supervisory authority was notified of the incident: when, which authority, the reference it gave (empty
 * when none), and which officer recorded it when. The incident's 72-hour clock stops at {@code notifiedAt}.
 */
public record RegulatorNotification(Instant notifiedAt, String authority, String reference, String recordedBy,
                                    Instant recordedAt) {
}
