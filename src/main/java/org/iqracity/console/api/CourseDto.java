package org.iqracity.console.api;

import java.time.Instant;

/**
 * A course of the caller's Member. {@code id} is an edX-style key such as {@code course-v1:Org+NUM+RUN}.
 *
 * <p>Who may list the course's learners (a Member administrator, or a course administrator it is assigned to) gets
 * the exact counts: they could count the list. Anyone else who sees the course (a security officer, to scope breach
 * notices) gets them with {@code countsProtected} true and small groups suppressed as in the insights (R11, R2): a
 * count that is not sent is null, never 1 to 4, and none that is sent lets one be worked out by subtraction (active
 * beside enrolled would otherwise tell how many unenrolled). See {@code docs/decisions/0005}.
 *
 * @param enrollmentCount       every enrollment of the course, unenrolled and retired learners included; null when
 *                              suppressed
 * @param activeEnrollmentCount the enrollments not ended; null when suppressed
 */
public record CourseDto(String id, String title, String org, String number, String run,
                        Instant startsAt, Instant endsAt, Long enrollmentCount, Long activeEnrollmentCount,
                        boolean countsProtected) {

    /** The exact counts, for a caller who may list the course's learners. */
    public static CourseDto exact(String id, String title, String org, String number, String run, Instant startsAt,
                                  Instant endsAt, long enrollmentCount, long activeEnrollmentCount) {
        return new CourseDto(id, title, org, number, run, startsAt, endsAt, enrollmentCount, activeEnrollmentCount,
                false);
    }

    /** The enrollments, or {@code fallback} when the count is suppressed. */
    public long enrollmentsOr(long fallback) {
        return enrollmentCount == null ? fallback : enrollmentCount;
    }
}
