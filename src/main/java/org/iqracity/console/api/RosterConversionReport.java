package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/**
 * What the console tells the platform after someone wrote an unencrypted copy of an exported roster (R14). The
 * console makes {@code reportId} (a UUID) when the copy is written and keeps the report until the platform has it,
 * so a report sent twice is recorded once. {@code rosterSha256} and the export fields come from the roster's
 * manifest; {@code format} is {@code CSV} or {@code XLSX}.
 */
public record RosterConversionReport(String reportId, String memberId, List<String> courseIds, String format,
                                     long rowCount, String rosterSha256, String exportedBy, Instant exportedAt,
                                     Instant convertedAt) {
    public static final int MAX_COURSES = 50;

    public RosterConversionReport {
        courseIds = courseIds == null ? null : List.copyOf(courseIds);
    }
}
