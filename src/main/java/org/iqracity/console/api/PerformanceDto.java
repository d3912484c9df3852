package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/** Performance in this course only (R4). Grades and progress are fractions from 0 to 1. */
public record PerformanceDto(double grade, double progress, boolean passed, boolean certificate,
                             List<GradeBreakdownDto> breakdown, ActivityDto activity) {
    public PerformanceDto {
        breakdown = List.copyOf(breakdown);
    }

    /** One assignment type: its weight in the course grade and the learner's score in it. */
    public record GradeBreakdownDto(String assignmentType, double weight, double score) {
    }

    public record ActivityDto(Instant lastActivityAt, int activeDays, int videosWatched, int problemsAttempted,
                              int forumPosts) {
    }
}
