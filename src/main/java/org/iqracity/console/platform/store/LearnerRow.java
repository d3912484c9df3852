package org.iqracity.console.platform.store;

import java.time.Instant;

/** One list row as read: the enrollment id and sort value are kept for the next page's cursor. */
public record LearnerRow(long enrollmentId, Object sortValue, String learnerId, String username, String name,
                         String email, String country, Instant enrolledAt, String mode, boolean active,
                         double progress, double grade, boolean passed, Instant lastActivityAt, boolean sponsored,
                         boolean retired) {
}
