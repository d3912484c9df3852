package org.iqracity.console.api;

import java.time.Instant;

/**
 * One sponsored learner as the sponsor may see them (R7), and nothing more: the name as on the sponsorship, the
 * course, enrollment status and date, participation, progress and completion. No identifier the sponsor or anyone
 * else gave the learner (R5). A retired learner (R6) has no name.
 */
public record SponsorReportRowDto(String learnerName, String courseId, String enrollmentStatus, Instant enrolledAt,
                                  Instant lastActivityAt, int activeDays, double progress, boolean completed,
                                  boolean passed, boolean certificate) {
}
