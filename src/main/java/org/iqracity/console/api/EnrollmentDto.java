package org.iqracity.console.api;

import java.time.Instant;

/** The learner's enrollment in this course; {@code email} is the address associated with this enrollment. */
public record EnrollmentDto(String courseId, EnrollmentMode mode, Instant enrolledAt, Instant unenrolledAt,
                            boolean active, String email) {
}
