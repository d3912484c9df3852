package org.iqracity.console.api;

/** A learner as the Member may see them in one course (R4, R5, R6, R10). */
public record LearnerDetailDto(ProfileDto profile, EnrollmentDto enrollment, PerformanceDto performance,
                               SponsorshipDto sponsorship) {
}
