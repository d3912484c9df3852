package org.iqracity.console.api;

/**
 * Who sponsors this enrollment. {@code kind} is EMPLOYER, GOVERNMENT_PROGRAM or INSTITUTION. The sponsor's own
 * reference for the learner (an employee or programme number) stays on the platform (R5).
 */
public record SponsorshipDto(String sponsorId, String sponsorName, String kind) {
}
