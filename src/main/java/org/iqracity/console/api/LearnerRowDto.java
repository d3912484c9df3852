package org.iqracity.console.api;

import java.time.Instant;

/**
 * One enrolled learner in a course list. For a retired account (R6) username is the placeholder and name, email
 * and country are null.
 */
public record LearnerRowDto(String learnerId, String username, String name, String email, String country,
                            Instant enrolledAt, EnrollmentMode mode, boolean active, double progress, double grade,
                            boolean passed, Instant lastActivityAt, boolean sponsored, boolean retired) {
}
