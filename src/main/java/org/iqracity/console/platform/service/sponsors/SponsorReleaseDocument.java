package org.iqracity.console.platform.service.sponsors;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.documents.ReportDocument;
import org.iqracity.console.documents.ReportDocument.Cell;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;
import org.iqracity.console.platform.store.ReleaseSnapshot;
import org.iqracity.console.platform.store.SponsorRepository.Release;
import org.iqracity.console.platform.store.SponsorRepository.Sponsor;

/**
 * A released sponsor report as the sponsor receives it in PDF: made from the stored snapshot, never from today's
 * data, so the PDF and the CSV of one release always agree. The platform speaks English to sponsors; times in UTC.
 */
final class SponsorReleaseDocument {
    static final List<String> HEADERS = List.of("Learner", "Status", "Enrolled", "Last activity", "Active days",
            "Progress", "Completed", "Passed", "Certificate");
    static final String WITHHELD = "This report confirms enrollment, participation, progress and completion only. "
            + "Sponsors never receive email addresses, grades per assignment, demographics or the other courses a "
            + "learner takes.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SponsorReleaseDocument() {
    }

    static byte[] pdf(Release release, Sponsor sponsor, String courseTitle) {
        List<List<String>> records = ReleaseSnapshot.parse(release.content());
        if (records.isEmpty() || !records.getFirst().equals(SponsorService.COLUMNS)) {
            throw new IllegalStateException("a stored sponsor release does not have the R7 columns");
        }
        ReportDocument doc = new ReportDocument("Sponsor report", List.of(
                new Column(HEADERS.get(0), Type.TEXT), new Column(HEADERS.get(1), Type.TEXT),
                new Column(HEADERS.get(2), Type.DATE), new Column(HEADERS.get(3), Type.DATE),
                new Column(HEADERS.get(4), Type.NUMBER), new Column(HEADERS.get(5), Type.PERCENT),
                new Column(HEADERS.get(6), Type.TEXT), new Column(HEADERS.get(7), Type.TEXT),
                new Column(HEADERS.get(8), Type.TEXT)))
                .fact("Sponsor", sponsor.name())
                .fact("Course", courseTitle + " (" + release.courseId() + ")")
                .fact("Released", MINUTE.format(release.releasedAt()) + " by " + release.releasedBy())
                .fact("Learners", Long.toString(release.rowCount()))
                .note(WITHHELD)
                .footer("Sponsor report · " + sponsor.name() + " · release " + release.id());
        for (List<String> r : records.subList(1, records.size())) {
            // column order of SponsorService.COLUMNS; course_id (index 1) is the same for every row: in the facts
            doc.row(List.of(Cell.text(r.get(0).isEmpty() ? "Retired account" : unquote(r.get(0))),
                    Cell.text(status(r.get(2))), Cell.text(day(r.get(3))), Cell.text(day(r.get(4))),
                    Cell.text(r.get(5)), Cell.text(percent(r.get(6))), Cell.text(yesNo(r.get(7))),
                    Cell.text(yesNo(r.get(8))), Cell.text(yesNo(r.get(9)))));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writePdf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The snapshot guards names a spreadsheet would run as formulas with a quote; a PDF shows them as typed. */
    private static String unquote(String value) {
        return SpreadsheetCsv.unguard(value);
    }

    private static String status(String code) {
        return switch (code) {
            case "ENROLLED" -> "Enrolled";
            case "UNENROLLED" -> "Unenrolled";
            default -> code;
        };
    }

    private static String day(String instant) {
        if (instant.isEmpty()) {
            return "never";
        }
        try {
            return DAY.format(Instant.parse(instant));
        } catch (DateTimeParseException e) {
            return instant;
        }
    }

    private static String percent(String fraction) {
        try {
            return Math.round(Double.parseDouble(fraction) * 100) + " %";
        } catch (NumberFormatException e) {
            return fraction;
        }
    }

    private static String yesNo(String bool) {
        return Boolean.parseBoolean(bool) ? "Yes" : "No";
    }
}
