package org.iqracity.console.ui.sponsors;

import java.util.UUID;

/**
 * One decision to release a report to a sponsor. Its key goes with every attempt, so a double click, a retry after
 * a failure or a request whose answer was lost releases once: the platform answers a used key with its first release.
 */
public record ReleaseIntent(String sponsorId, String sponsorName, String sponsorKind, String courseId,
                            String courseTitle, int learners, String idempotencyKey) {

    static ReleaseIntent of(String sponsorId, String sponsorName, String sponsorKind, String courseId,
                            String courseTitle, int learners) {
        return new ReleaseIntent(sponsorId, sponsorName, sponsorKind, courseId, courseTitle, learners,
                UUID.randomUUID().toString());
    }

    boolean sameReport(String sponsor, String course) {
        return sponsorId.equals(sponsor) && courseId.equals(course);
    }
}
