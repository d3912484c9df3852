package org.iqracity.console.api.breach;

import java.time.Instant;

/** A notice posted on the site for the Member's learners; {@code withdrawnAt} is null while it is up. */
public record SiteNoticeDto(String id, String memberId, String memberName, String incidentId, String title,
                            String body, Instant postedAt, Instant withdrawnAt) {
}
