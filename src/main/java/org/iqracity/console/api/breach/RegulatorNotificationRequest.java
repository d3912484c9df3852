package org.iqracity.console.api.breach;

import java.time.Instant;

/** An officer records that the supervisory authority was notified: when, which authority, and its reference. */
public record RegulatorNotificationRequest(Instant notifiedAt, String authority, String reference) {
}
