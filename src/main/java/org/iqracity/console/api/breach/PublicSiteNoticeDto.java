package org.iqracity.console.api.breach;

import java.time.Instant;

/**
 * A site notice as the public endpoint serves it: plain text (no markup is accepted when it is written), the Member's
 * name and when it went up; no internal ids.
 */
public record PublicSiteNoticeDto(String memberName, String title, String body, Instant postedAt) {
}
