package org.iqracity.console.api;

import java.util.List;

/** A sponsor with sponsored learners in the caller's courses, and how many per course. */
public record SponsorSummaryDto(String sponsorId, String name, String kind, List<CourseCount> courses) {
    public SponsorSummaryDto {
        courses = List.copyOf(courses);
    }

    public record CourseCount(String courseId, String title, long learners) {
    }
}
