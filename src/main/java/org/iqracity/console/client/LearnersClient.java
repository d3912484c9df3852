package org.iqracity.console.client;

import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.Page;

/** A course's learners: {@link PlatformClient#learners()}. */
public interface LearnersClient {

    Page<LearnerRowDto> page(String courseId, LearnerQuery query);

    /** One learner's profile, enrolment and performance; the platform logs the view (R12). */
    LearnerDetailDto detail(String courseId, String learnerId);
}
