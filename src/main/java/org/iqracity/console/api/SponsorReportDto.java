package org.iqracity.console.api;

import java.util.List;

/** A sponsor's report for one course, exactly as the sponsor would receive it. */
public record SponsorReportDto(String sponsorId, String sponsorName, String kind, String courseId, String courseTitle,
                               List<SponsorReportRowDto> rows) {
    public SponsorReportDto {
        rows = List.copyOf(rows);
    }
}
