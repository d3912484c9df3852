package org.iqracity.console.exports;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.client.ResearchClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;

/**
 * Saves a research export (R11) to a file: the archive streams into a file beside the target and takes the
 * target's name only once it is complete and its {@code summary.json}, dictionary and dataset are in it. A cancel,
 * a dropped connection or a full disk leaves no file behind.
 */
public final class ResearchExporter {

    /** A saved export: what the platform reports about it, where it is, how large. */
    public record Saved(ResearchExportSummary summary, Path file, long bytes) {
    }

    public Saved export(ResearchClient client, String courseId, ResearchExportRequest request, Path target,
                        LongConsumer bytesReceived, BooleanSupplier cancelled) throws IOException {
        Path file = target.toAbsolutePath();
        return AtomicFiles.replace(file, partial -> {
            long bytes;
            try (OutputStream out = new Watched(new BufferedOutputStream(OwnerOnly.newOutputStream(partial), 1 << 16),
                    bytesReceived, cancelled)) {
                bytes = client.export(courseId, request, out);
            }
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("research export cancelled");
            }
            ResearchExportSummary summary = summaryOf(partial);
            if (!summary.courseId().equals(courseId)) {
                throw new IOException("the platform answered with another course's export");
            }
            return new Saved(summary, file, bytes);
        });
    }

    /** Reads {@code summary.json} from a saved archive, checking that the dictionary and the dataset are there. */
    public static ResearchExportSummary summaryOf(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry summary = file.getEntry(ResearchExportSummary.SUMMARY);
            if (summary == null || file.getEntry(ResearchExportSummary.DATASET) == null
                    || file.getEntry(ResearchExportSummary.DICTIONARY) == null) {
                throw new IOException("the research export is incomplete");
            }
            try (InputStream in = file.getInputStream(summary)) {
                ResearchExportSummary s = Json.tolerantMapper().readValue(in, ResearchExportSummary.class);
                if (s == null || !ResearchExportSummary.FORMAT.equals(s.format())) {
                    throw new IOException("the research export is of an unknown format");
                }
                return s;
            }
        } catch (ZipException e) {
            throw new IOException("the research export is not a readable ZIP archive", e);
        }
    }

    /** Counts what arrives and stops the download when the person cancels. */
    private static final class Watched extends FilterOutputStream {
        private final LongConsumer progress;
        private final BooleanSupplier cancelled;
        private long written;

        Watched(OutputStream out, LongConsumer progress, BooleanSupplier cancelled) {
            super(out);
            this.progress = progress;
            this.cancelled = cancelled;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("research export cancelled");
            }
            out.write(b, off, len);
            written += len;
            progress.accept(written);
        }
    }
}
