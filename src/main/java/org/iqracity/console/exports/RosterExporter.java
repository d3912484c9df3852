package org.iqracity.console.exports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterSummary;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.client.RosterLines;
import org.iqracity.console.client.RostersClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.RosterWriter;

/**
 * Exports course rosters from the platform into one encrypted, signed {@code .iqroster} (R14). Rows stream from
 * the API into the file; the file appears under its name only when complete and checked against the platform's
 * summary, so a cancel, a dropped connection or a full disk leaves nothing behind.
 */
public final class RosterExporter {
    private static final int PROGRESS_EVERY = 1_000;

    private final Clock clock;

    public RosterExporter(Clock clock) {
        this.clock = clock;
    }

    /**
     * A course to export: whole, or with {@code view} (the learner list's search, filters and order) only the
     * learners of that view in its order.
     */
    public record Course(String id, String title, long expectedRows, RosterView view) {
        public Course(String id, String title, long expectedRows) {
            this(id, title, expectedRows, null);
        }
    }

    public record Request(List<Course> courses, List<RosterField> fields, RosterProtection protection,
                          Instant expiresAt, Path target) {
        public Request {
            courses = List.copyOf(courses);
            fields = List.copyOf(fields);
        }
    }

    /** Told how far the export is; called from the exporting thread. */
    @FunctionalInterface
    public interface Progress {
        void rows(long done, long expected);
    }

    public RosterManifest export(RostersClient client, MeDto me, Request request, Progress progress,
                                 BooleanSupplier cancelled) throws IOException {
        // No fields chosen means every field, as the platform's roster stream reads it (the command line without
        // --fields); it used to mean course ids alone.
        List<RosterField> fields = new ArrayList<>(request.fields().isEmpty() ? List.of(RosterField.values())
                : request.fields());
        if (!fields.contains(RosterField.COURSE_ID)) {
            fields.addFirst(RosterField.COURSE_ID);
        }
        List<String> columns = fields.stream().map(RosterField::column).toList();
        long expected = request.courses().stream().mapToLong(Course::expectedRows).sum();
        Path target = request.target().toAbsolutePath();
        return AtomicFiles.replace(target, partial -> write(client, me, request, fields, columns, expected, partial,
                progress, cancelled));
    }

    private RosterManifest write(RostersClient client, MeDto me, Request request, List<RosterField> fields,
                                 List<String> columns, long expected, Path partial, Progress progress,
                                 BooleanSupplier cancelled) throws IOException {
        try (OutputStream out = new BufferedOutputStream(OwnerOnly.newOutputStream(partial), 1 << 16);
             RosterWriter writer = RosterWriter.open(out, columns, request.protection());
             // Reading the stream and writing the file run on two threads: on two cores the export then takes
             // about as long as the longer of the two instead of their sum.
             RowPipe pipe = new RowPipe(writer::row)) {
            List<RosterManifest.CourseEntry> entries = new ArrayList<>();
            String keyId = null;
            long[] rows = {0};
            for (Course course : request.courses()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("export cancelled");
                }
                writer.beginCourse();
                RosterSummary summary = client.download(course.id(), fields, course.view(), new RosterLines() {
                    @Override
                    public void header(List<String> header) throws IOException {
                        if (!header.equals(columns)) {
                            throw new IOException("the platform sent other columns than were asked for");
                        }
                    }

                    @Override
                    public void row(List<String> values) throws IOException {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("export cancelled");
                        }
                        pipe.add(values);
                        if (++rows[0] % PROGRESS_EVERY == 0) {
                            progress.rows(rows[0], expected);
                        }
                    }
                });
                pipe.drain();
                RosterWriter.CourseDigest digest = writer.endCourse();
                if (digest.rowCount() != summary.rowCount() || !digest.sha256().equals(summary.sha256())) {
                    throw new IOException("the roster of " + course.id() + " did not arrive intact");
                }
                String view = course.view() == null ? null : course.view().text();
                if (!Objects.equals(view, summary.view())) {
                    // a platform that ignored the view would sign the whole course: the file would say otherwise
                    throw new IOException("the platform exported another part of " + course.id()
                            + " than was asked for");
                }
                keyId = summary.keyId();
                entries.add(new RosterManifest.CourseEntry(course.id(), course.title(), summary.exportedAt(),
                        summary.exportedBy(), summary.view(), summary.rowCount(), summary.sha256(),
                        summary.signature()));
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            RosterManifest manifest = writer.finish(new RosterManifest(RosterManifest.formatFor(entries),
                    me.member().id(), me.member().name(), me.username(), me.displayName(), now, request.expiresAt(),
                    columns, 0, null, keyId, entries));
            out.flush();
            progress.rows(rows[0], expected);
            return manifest;
        }
    }
}
