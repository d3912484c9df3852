package org.iqracity.console.exports;

import java.io.IOException;
import java.nio.file.Path;
import org.iqracity.console.documents.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unencrypted copies of a roster (CSV, XLSX), made on this computer at someone's request (R14). One rule, for the
 * console and the command line alike: a copy never exists under its name without its report kept for the platform's
 * access log (R12), and a copy that was not finished (cancelled, a full disk, a bad row) leaves neither a file nor a
 * report. So the copy is written beside its target, then its report is kept, then it takes its name; when the report
 * cannot be kept there is no copy, and when the copy cannot take its name the report is forgotten.
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

    private RosterCopies() {
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
