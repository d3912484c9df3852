package org.iqracity.console.api;

import java.time.Instant;

/** A released, immutable snapshot of a sponsor report (R7: a report reaches a sponsor only once released). */
public record SponsorReleaseDto(String releaseId, String sponsorId, String courseId, Instant releasedAt,
                                String releasedBy, long rowCount) {
}
