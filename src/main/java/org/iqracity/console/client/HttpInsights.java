package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.insights.CourseInsightsDto;

/** {@link InsightsClient} over {@link HttpPlatformClient}'s session. */
final class HttpInsights implements InsightsClient {

    private final HttpPlatformClient calls;

    HttpInsights(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public CourseInsightsDto course(String courseId) {
        return calls.authed(calls.get(ApiPaths.courseInsights(courseId)),
                new TypeReference<CourseInsightsDto>() { });
    }
}
