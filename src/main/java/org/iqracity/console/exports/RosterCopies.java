package org.iqracity.console.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.documents.XlsxWriter;
import org.iqracity.console.roster.RosterFileException;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterReader;
import org.iqracity.console.roster.RosterXlsx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unencrypted copies of a roster (CSV, XLSX), made on this computer at someone's request (R14). One rule, for the
 * console and the command line alike: a copy never exists under its name without its report kept for the platform's
 * access log (R12), and a copy that was not finished (cancelled, a full disk, a bad row) leaves neither a file nor a
 * report. So the copy is written beside its target, then its report is kept, then it takes its name; when the report
 * cannot be kept there is no copy, and when the copy cannot take its name the report is forgotten.
 *
 * <p>{@link #csv} and {@link #xlsx} are the two copies a person can ask for, wherever the rows come from (a roster
 * read from its file by the command line, or the rows of a roster open on screen).
 */
public final class RosterCopies {
    private static final Logger LOGGER = LoggerFactory.getLogger(RosterCopies.class);

    /** A copy made, with the report that stands for it. */
    public record Made<T>(PendingConversions.Pending report, T written) {
    }

    /** The report of the copy just written (its row count, say, is known only now). */
    @FunctionalInterface
    public interface ReportOf<T> {
        PendingConversions.Pending of(T written) throws IOException;
    }

    /** What a copy holds: the roster its rows came from, how many rows, on how many sheets (1 for CSV). */
    public record Copied(RosterManifest manifest, long rows, int sheets) {
    }

    /** The rows of a copy: gives {@code sink} the header, then each row, and answers the roster they are from. */
    @FunctionalInterface
    public interface Rows {
        RosterManifest feed(RosterReader.RowSink sink) throws IOException, RosterFileException;
    }

    private RosterCopies() {
    }

    /**
     * A CSV copy in the roster's column order, formula signs defused ({@link SpreadsheetCsv}): it is for people, not
     * the signed canonical lines.
     */
    public static Made<Copied> csv(PendingConversions queue, Path target, Rows rows, Clock clock)
            throws IOException, RosterFileException {
        return copy(queue, target, "CSV", clock, partial -> {
            try (Writer w = new BufferedWriter(new OutputStreamWriter(OwnerOnly.newOutputStream(partial),
                    StandardCharsets.UTF_8))) {
                CsvLines lines = new CsvLines(w);
                RosterManifest manifest = feed(rows, lines);
                return new Copied(manifest, lines.rows, 1);
            }
        });
    }

    /** A workbook copy ({@link RosterXlsx}): rows past a sheet's 1,048,575 continue on further sheets. */
    public static Made<Copied> xlsx(PendingConversions queue, Path target, Rows rows, Clock clock)
            throws IOException, RosterFileException {
        return xlsx(queue, target, XlsxWriter.MAX_ROWS_PER_SHEET, rows, clock);
    }

    /** A workbook copy ({@link RosterXlsx}), {@code rowsPerSheet} rows a sheet, header included. */
    public static Made<Copied> xlsx(PendingConversions queue, Path target, int rowsPerSheet, Rows rows, Clock clock)
            throws IOException, RosterFileException {
        return copy(queue, target, "XLSX", clock, partial -> {
            try (RosterXlsx workbook = new RosterXlsx(rowsPerSheet)) {
                RosterManifest manifest = feed(rows, workbook);
                workbook.save(partial, manifest);
                return new Copied(manifest, workbook.rowCount(), workbook.sheetCount());
            }
        });
    }

    private static Made<Copied> copy(PendingConversions queue, Path target, String format, Clock clock,
                                     AtomicFiles.Content<Copied> content) throws IOException, RosterFileException {
        try {
            return write(queue, target, content,
                    copied -> PendingConversions.report(copied.manifest(), format, copied.rows(), clock.instant()));
        } catch (UnreadableRoster e) {
            throw e.unwrap();
        }
    }

    private static RosterManifest feed(Rows rows, RosterReader.RowSink sink) throws IOException {
        try {
            return rows.feed(sink);
        } catch (RosterFileException e) {
            throw new UnreadableRoster(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A roster that could not be read, carried out of the file write as the IOException it is not. */
    private static final class UnreadableRoster extends IOException {
        UnreadableRoster(RosterFileException cause) {
            super(cause);
        }

        RosterFileException unwrap() {
            return (RosterFileException) getCause();
        }
    }

    /** Writes each row as a CSV line and counts them. */
    private static final class CsvLines implements RosterReader.RowSink {
        private final Writer out;
        private long rows;

        CsvLines(Writer out) {
            this.out = out;
        }

        @Override
        public void header(List<String> fields) {
            write(fields);
        }

        @Override
        public void row(List<String> values) {
            write(values);
            rows++;
        }

        private void write(List<String> values) {
            try {
                out.write(SpreadsheetCsv.line(values));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static <T> Made<T> write(PendingConversions queue, Path target, AtomicFiles.Content<T> content,
                                    ReportOf<T> reportOf) throws IOException {
        PendingConversions.Pending[] kept = {null};
        T written = AtomicFiles.replace(target, content, new AtomicFiles.BeforeMove<>() {
            @Override
            public void run(T copy) throws IOException {
                PendingConversions.Pending report = reportOf.of(copy);
                try {
                    queue.add(report);
                } catch (IOException e) {
                    throw new IOException("the copy's report for the access log could not be kept in "
                            + queue.directory() + ", so no copy was written", e);
                }
                kept[0] = report;
            }

            @Override
            public void undo(T copy) {
                try {
                    queue.remove(kept[0].report().reportId());
                } catch (IOException e) {
                    LOGGER.warn("could not forget the report of a copy that was not made: {}",
                            e.getClass().getSimpleName());
                }
            }
        });
        return new Made<>(kept[0], written);
    }
}
