package org.iqracity.console.api;

/** Who sponsors this enrollment. {@code kind} is EMPLOYER, GOVERNMENT_PROGRAM or INSTITUTION. */
public record SponsorshipDto(String sponsorId, String sponsorName, String kind, String reference) {
}
