package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/** A sponsor with sponsored learners in the caller's courses, and how many per course. */
public record SponsorSummaryDto(String sponsorId, String name, String kind, List<CourseCount> courses) {
    public SponsorSummaryDto {
        courses = List.copyOf(courses);
    }

    /**
     * One course of the sponsor. {@code releasedAt}: when this course's report last went to the sponsor (null: never);
     * {@code changedSinceRelease}: whether the report as it is now differs from that release (null when never
     * released).
     */
    public record CourseCount(String courseId, String title, long learners, Instant releasedAt,
                              Boolean changedSinceRelease) {
        public CourseCount(String courseId, String title, long learners) {
            this(courseId, title, learners, null, null);
        }

        public boolean released() {
            return releasedAt != null;
        }
    }
}
