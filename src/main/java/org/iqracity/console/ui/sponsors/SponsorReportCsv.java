package org.iqracity.console.ui.sponsors;

import java.time.Instant;
import java.util.List;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.api.SpreadsheetCsv;

/** The report on screen as CSV, with the same columns, in the same order, as the platform's released snapshots. */
final class SponsorReportCsv {

    static final List<String> COLUMNS = List.of("learner_name", "course_id", "enrollment_status", "enrolled_at",
            "last_activity_at", "active_days", "progress", "completed", "passed", "certificate");

    private SponsorReportCsv() {
    }

    static String of(SponsorReportDto report) {
        StringBuilder sb = new StringBuilder(RosterCanon.csvLine(COLUMNS));
        for (SponsorReportRowDto row : report.rows()) {
            sb.append(RosterCanon.csvLine(List.of(safe(row.learnerName()),
                    row.courseId(), row.enrollmentStatus(), text(row.enrolledAt()), text(row.lastActivityAt()),
                    Integer.toString(row.activeDays()), Double.toString(row.progress()),
                    Boolean.toString(row.completed()), Boolean.toString(row.passed()),
                    Boolean.toString(row.certificate()))));
        }
        return sb.toString();
    }

    private static String text(Instant at) {
        return at == null ? "" : at.toString();
    }

    /** A cell a spreadsheet would run as a formula is written as text. */
    private static String safe(String value) {
        return SpreadsheetCsv.guard(value);
    }
}
