package org.iqracity.console.platform.service.research;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.research.ResearchExportSummary;

/**
 * The ZIP a research export travels in: {@code summary.json} first (a reader learns what it holds before the
 * rows), then {@code data-dictionary.md} and {@code dataset.csv}. Every entry carries the export's time.
 */
public final class ResearchArchive {
    private ResearchArchive() {
    }

    /**
     * The archive's {@code summary.json} for a release of {@code learners} records.
     *
     * @param before stable-key exports of the Member made before this one (0 for an export with a key of its own)
     */
    public static ResearchExportSummary summary(String memberId, String courseId, String courseTitle, String at,
                                                boolean stable, int before, long learners, KAnonymity.Result result) {
        return new ResearchExportSummary(ResearchExportSummary.FORMAT, memberId, courseId, courseTitle, at,
                result.k(), stable, before, QuasiIdentifiers.COLUMNS, learners, result.rows().size(),
                result.generalised(), result.suppressed(), result.suppressedForJoins(), result.level().index(),
                result.level().describe(), result.groups(), result.smallest(), List.of(ResearchExportSummary.SUMMARY,
                ResearchExportSummary.DICTIONARY, ResearchExportSummary.DATASET));
    }

    public static void write(OutputStream out, ResearchExportSummary summary, KAnonymity.Result result)
            throws IOException {
        FileTime time = FileTime.from(Instant.parse(summary.exportedAt()));
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        entry(zip, ResearchExportSummary.SUMMARY, time);
        zip.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(summary));
        zip.closeEntry();
        entry(zip, ResearchExportSummary.DICTIONARY, time);
        zip.write(DataDictionary.write(summary, result).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        entry(zip, ResearchExportSummary.DATASET, time);
        Writer csv = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        DatasetCsv.write(csv, result.rows());
        csv.flush();
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private static void entry(ZipOutputStream zip, String name, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
    }
}
