package org.iqracity.console.ui.sponsors;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.iqracity.console.api.SponsorReportDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.documents.ReportDocument;
import org.iqracity.console.documents.ReportDocument.Cell;
import org.iqracity.console.documents.XlsxWriter.Column;
import org.iqracity.console.documents.XlsxWriter.Type;
import org.iqracity.console.ui.common.Messages;

/**
 * The report on screen as a document (PDF or XLSX): the same columns, in the same words, as the table the person
 * is looking at, with who the sponsor is, which course, that it is a preview not yet released, and what sponsors
 * never receive. Dates are the person's own time zone, as on screen; the spreadsheet gets real dates and numbers.
 */
final class SponsorReportDocument {
    private SponsorReportDocument() {
    }

    static ReportDocument of(SponsorReportDto report, String kind, Messages messages, ZoneId zone) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(messages.locale())
                .withZone(zone);
        NumberFormat percent = NumberFormat.getPercentInstance(messages.locale());
        ReportDocument doc = new ReportDocument(messages.get("sponsors.doc.title"), List.of(
                new Column(messages.get("sponsors.col.learner"), Type.TEXT, 28),
                new Column(messages.get("sponsors.col.status"), Type.TEXT, 12),
                new Column(messages.get("sponsors.col.enrolled"), Type.DATE, 12),
                new Column(messages.get("sponsors.col.lastActivity"), Type.DATE, 14),
                new Column(messages.get("sponsors.col.activeDays"), Type.NUMBER, 12),
                new Column(messages.get("sponsors.col.progress"), Type.PERCENT, 10),
                new Column(messages.get("sponsors.col.completed"), Type.TEXT, 11),
                new Column(messages.get("sponsors.col.passed"), Type.TEXT, 9),
                new Column(messages.get("sponsors.col.certificate"), Type.TEXT, 12)))
                .sheet(messages.get("sponsors.doc.sheet"))
                .aboutSheet(messages.get("sponsors.doc.about"))
                .fact(messages.get("sponsors.doc.sponsor"), kind.isEmpty() ? report.sponsorName()
                        : report.sponsorName() + " (" + kind + ")")
                .fact(messages.get("sponsors.doc.course"), report.courseTitle() + " (" + report.courseId() + ")")
                .fact(messages.get("sponsors.doc.release"), messages.get("sponsors.doc.preview"))
                .fact(messages.get("sponsors.doc.learners"), Integer.toString(report.rows().size()))
                .note(messages.get("sponsors.withheld"))
                .footer(messages.format("sponsors.doc.footer", report.sponsorName(), report.courseTitle()))
                .pageLabel((page, pages) -> messages.format("sponsors.doc.page", page, pages));
        for (SponsorReportRowDto r : report.rows()) {
            doc.row(List.of(
                    Cell.text(r.learnerName() == null ? messages.get("sponsors.retired") : r.learnerName()),
                    Cell.text(status(messages, r.enrollmentStatus())),
                    day(r.enrolledAt(), date, zone, messages),
                    day(r.lastActivityAt(), date, zone, messages),
                    new Cell(Integer.toString(r.activeDays()), r.activeDays()),
                    new Cell(percent.format(r.progress()), r.progress()),
                    Cell.text(yesNo(messages, r.completed())),
                    Cell.text(yesNo(messages, r.passed())),
                    Cell.text(yesNo(messages, r.certificate()))));
        }
        return doc;
    }

    /** On paper "Never" where there is no date; in the spreadsheet an empty cell, so the column stays dates. */
    private static Cell day(Instant at, DateTimeFormatter date, ZoneId zone, Messages messages) {
        if (at == null) {
            return new Cell(messages.get("detail.never"), "");
        }
        return new Cell(date.format(at), LocalDate.ofInstant(at, zone));
    }

    static String status(Messages messages, String code) {
        if (code == null) {
            return "";
        }
        String words = messages.get("sponsors.status." + code);
        return words.startsWith("!") ? code : words;
    }

    private static String yesNo(Messages messages, boolean value) {
        return messages.get(value ? "learners.yes" : "learners.no");
    }
}
