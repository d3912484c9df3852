package org.iqracity.console.api;

import java.time.Instant;

/** A course of the caller's Member. {@code id} is an edX-style key such as {@code course-v1:Org+NUM+RUN}. */
public record CourseDto(String id, String title, String org, String number, String run,
                        Instant startsAt, Instant endsAt, long enrollmentCount, long activeEnrollmentCount) {
}
