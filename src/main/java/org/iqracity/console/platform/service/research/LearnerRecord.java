package org.iqracity.console.platform.service.research;

import java.time.Instant;

/**
 * One enrollment as a research export starts from: a pseudonym in place of the learner, the quasi-identifiers at
 * full precision (null when the learner did not say, or was retired, R6) and the course performance. No name,
 * username, email, learner id or free text ever reaches this record.
 */
public record LearnerRecord(String pseudonym, Integer yearOfBirth, String country, String gender, String education,
                            Instant enrolledAt, String mode, boolean active, Instant lastActivityAt, double progress,
                            double grade, boolean passed, boolean certificate, int activeDays, int videosWatched,
                            int problemsAttempted, int forumPosts) {
}
