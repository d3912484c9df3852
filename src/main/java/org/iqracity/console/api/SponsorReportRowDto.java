package org.iqracity.console.api;

import java.time.Instant;

/**
 * One sponsored learner as the sponsor may see them (R7) — and nothing more: the name as on the sponsorship, the
 * sponsor's own reference, the course, enrollment status and date, participation, progress and completion.
 * A retired learner (R6) has no name.
 */
public record SponsorReportRowDto(String learnerName, String sponsorReference, String courseId, String enrollmentStatus,
                                  Instant enrolledAt, Instant lastActivityAt, int activeDays, double progress,
                                  boolean completed, boolean passed, boolean certificate) {
}
