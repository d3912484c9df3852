package org.iqracity.console.api.breach;

import java.time.Instant;

/**
 * A notice for the site, seen by every learner of the Member once it is up. One officer proposes it; it goes up when
 * another approves its exact text ({@code textFingerprint}). {@code postedAt} is null while it is proposed,
 * {@code withdrawnAt} set once it is down. {@code youMayApprove}: the caller is an officer who did not propose it
 * and it waits for approval.
 */
public record SiteNoticeDto(String id, String memberId, String memberName, String incidentId, String title,
                            String body, Instant postedAt, Instant withdrawnAt, String proposedBy, Instant proposedAt,
                            String approvedBy, String textFingerprint, boolean youMayApprove) {
    public boolean proposed() {
        return postedAt == null && withdrawnAt == null;
    }
}
