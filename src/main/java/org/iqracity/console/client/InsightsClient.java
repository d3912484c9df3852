package org.iqracity.console.client;

import org.iqracity.console.api.insights.CourseInsightsDto;

/** Aggregated insights: {@link PlatformClient#insights()}. */
public interface InsightsClient {

    /** A course's aggregated insights; counts under 5, and what would give them away, come suppressed (R11). */
    CourseInsightsDto course(String courseId);
}
