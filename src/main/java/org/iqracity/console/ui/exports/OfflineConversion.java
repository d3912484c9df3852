package org.iqracity.console.ui.exports;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.iqracity.console.documents.XlsxWriter;
import org.iqracity.console.exports.RosterCopies;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.ProgressSink;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unencrypted copies of an open roster, CSV or XLSX, of every row or of the rows the table shows: written the one way
 * {@link RosterCopies} allows (never a copy without its report for the platform's access log), then the report is
 * sent when someone is signed in to the roster's platform ({@link ConversionRecorder}). The person is told where the
 * copy is, which rows it holds, and whether the access log has it yet. Called on the FX thread.
 */
final class OfflineConversion {
    private static final Logger LOGGER = LoggerFactory.getLogger(OfflineConversion.class);

    /** A copy's file type: its extension and the keys of its job and done messages. */
    enum Format {
        CSV("csv"), XLSX("xlsx");

        final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        /** {@code target}, with this format's extension added unless it has it. */
        Path withExtension(Path target) {
            return target.toString().toLowerCase(Locale.ROOT).endsWith("." + extension) ? target
                    : target.resolveSibling(target.getFileName() + "." + extension);
        }
    }

    final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    /** The file of the last copy the platform's access log recorded, once it has; for a passing notification. */
    final ReadOnlyObjectWrapper<Path> recorded = new ReadOnlyObjectWrapper<>();

    private final TaskRunner tasks;
    private final Messages messages;
    private final ConversionRecorder recorder;
    private int xlsxRowsPerSheet = XlsxWriter.MAX_ROWS_PER_SHEET;

    OfflineConversion(TaskRunner tasks, Messages messages, ConversionRecorder recorder) {
        this.tasks = tasks;
        this.messages = messages;
        this.recorder = recorder;
    }

    /**
     * Writes {@code rows} of {@code roster} (ascending indexes for every row, or the table's rows in its order) to
     * {@code target} in the background; {@code failed} hears what went wrong, a cancel included only as silence.
     */
    void convert(Format format, Path target, OfflineRoster roster, RosterManifest manifest, CopyScope scope,
                 int[] rows, Consumer<UserMessage> failed, RosterErrors errors) {
        notice.set("");
        Path file = format.withExtension(target);
        String job = messages.get("offline." + format.extension + ".job");
        int perSheet = xlsxRowsPerSheet;
        tasks.job(job, sink -> {
            RosterCopies.Rows feed = out -> {
                out.header(roster.header());
                for (int i = 0; i < rows.length; i++) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("cancelled");
                    }
                    out.row(roster.row(rows[i]));
                    progress(sink, job, format, i, rows.length);
                }
                return manifest;
            };
            RosterCopies.Made<RosterCopies.Copied> made = format == Format.CSV
                    ? recorder.csv(file, feed) : recorder.xlsx(file, perSheet, feed);
            return made.report().report().reportId();
        }).onSuccess(reportId -> {
            if (scope == CopyScope.VIEW) {
                LOGGER.warn("the filtered view of a roster, {} of its {} rows, was converted to an unencrypted {} file "
                        + "at the person's request", rows.length, roster.rowCount(), format);
            } else {
                LOGGER.warn("a roster of {} rows was converted to an unencrypted {} file at the person's request",
                        rows.length, format);
            }
            converted(file, scope, rows.length, roster.rowCount(), reportId);
        }).onFailure(e -> {
            if (!(e instanceof CancellationException)) {
                failed.accept(errors.describe(e));
            }
        });
    }

    private static void progress(ProgressSink sink, String job, Format format, int done, int total) {
        if (done % 10_000 == 0) {
            // a workbook's rows are most of its work; packing it is the rest
            sink.progress(job, (format == Format.XLSX ? 0.8 : 1.0) * done / total);
        }
    }

    /** Says where the copy is and which rows it holds, then whether the platform's access log has it yet (R14). */
    private void converted(Path file, CopyScope scope, int rows, int of, String reportId) {
        String key = scope == CopyScope.VIEW ? "offline.convert.done.view" : "offline.convert.done.all";
        String done = messages.format(key, file.toString(), rows, of);
        notice.set(done + " " + messages.get("offline.convert.reporting"));
        recorded.set(null);
        recorder.send(reportId, outcome -> {
            notice.set(done + " " + messages.get(outcome == ConversionRecorder.Outcome.RECORDED
                    ? "offline.convert.recorded" : "offline.convert.waiting"));
            if (outcome == ConversionRecorder.Outcome.RECORDED) {
                recorded.set(file);
            }
        });
    }

    void clear() {
        notice.set("");
    }

    /** Rows per sheet of a converted workbook, header included; tests make it small to see sheets continue. */
    void xlsxRowsPerSheet(int rows) {
        xlsxRowsPerSheet = rows;
    }
}
