package org.iqracity.console.client;

import java.util.List;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorSummaryDto;

/** Sponsor reports and their releases (R7): {@link PlatformClient#sponsors()}. */
public interface SponsorsClient {

    /** Sponsors with sponsored learners in the caller's courses, with counts per course. */
    List<SponsorSummaryDto> all();

    /** A sponsor's report for one course, with exactly the columns the sponsor would receive. */
    SponsorReportDto report(String sponsorId, String courseId);

    /**
     * Releases the report to the sponsor. The same {@code idempotencyKey} again answers the first release and makes
     * no second one, so a caller retries a failed or doubtful release with the key it used before.
     */
    SponsorReleaseDto release(String sponsorId, String courseId, String idempotencyKey);

    /** The releases made to this sponsor, newest first. */
    List<SponsorReleaseDto> releases(String sponsorId);

    /** A released snapshot as the sponsor receives it (CSV text). */
    String releaseCsv(String sponsorId, String releaseId);

    /** A released snapshot as the sponsor receives it in print: the platform's PDF of the same rows. */
    byte[] releasePdf(String sponsorId, String releaseId);
}
