package org.iqracity.console.client;

import com.fasterxml.jackson.core.type.TypeReference;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;

/** {@link LearnersClient} over {@link HttpPlatformClient}'s session. */
final class HttpLearners implements LearnersClient {

    private static final TypeReference<Page<LearnerRowDto>> LEARNER_PAGE = new TypeReference<>() { };
    private final HttpPlatformClient calls;

    HttpLearners(HttpPlatformClient calls) {
        this.calls = calls;
    }

    @Override
    public Page<LearnerRowDto> page(String courseId, LearnerQuery query) {
        HttpUrl url = LearnerQueryUrl.of(calls.url(ApiPaths.courseLearners(courseId)), query);
        return calls.authed(new Request.Builder().url(url).get(), LEARNER_PAGE);
    }

    @Override
    public LearnerDetailDto detail(String courseId, String learnerId) {
        return calls.authed(calls.get(ApiPaths.courseLearner(courseId, learnerId)),
                new TypeReference<LearnerDetailDto>() { });
    }
}
