package org.iqracity.console.exports;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.RostersClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.roster.RosterManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unencrypted roster copies the platform has not heard of yet (R14). A report is written here before the copy is,
 * one small JSON file each, and deleted once the platform has recorded it; so a copy made offline, or while the
 * network dropped, is reported the next time someone signs in to the platform that made the roster.
 *
 * <p>A report belongs to the platform whose key signed the roster, and to its Member: it is only ever sent there.
 */
public final class PendingConversions {
    private static final Logger LOGGER = LoggerFactory.getLogger(PendingConversions.class);
    private static final String SUFFIX = ".json";

    /** A report and the platform key that signed the roster it is about. */
    public record Pending(String platformKeyId, RosterConversionReport report) {
    }

    /** What one round of sending did. */
    public record Sent(int recorded, int refused, int waiting) {
    }

    private final Path dir;

    public PendingConversions(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    /** A report for a copy of {@code manifest}'s rows about to be written now. */
    public static Pending report(RosterManifest manifest, String format, long rows, Instant now) {
        List<String> courses = manifest.courses().stream().map(RosterManifest.CourseEntry::courseId).limit(
                RosterConversionReport.MAX_COURSES).toList();
        List<RosterConversionReport.SignedCourse> signed = manifest.courses().stream()
                .limit(RosterConversionReport.MAX_COURSES)
                .map(c -> new RosterConversionReport.SignedCourse(c.courseId(), c.exportedAt(), c.exportedBy(),
                        c.view(), c.rowCount(), c.sha256(), c.signature()))
                .toList();
        return new Pending(manifest.platformKeyId(), new RosterConversionReport(UUID.randomUUID().toString(),
                manifest.memberId(), courses, format, rows, manifest.sha256(), manifest.exportedBy(),
                manifest.exportedAt(), now, manifest.fields(), signed));
    }

    /** Keeps {@code pending} on disk (whole or not at all) until {@link #remove} or a successful send. */
    public void add(Pending pending) throws IOException {
        OwnerOnly.folder(dir);
        Path target = file(pending.report().reportId());
        AtomicFiles.write(target, Json.mapper().writeValueAsBytes(pending));
    }

    /** Whether the report is still waiting for the platform. */
    public boolean waiting(String reportId) {
        return Files.exists(file(reportId));
    }

    /** Forgets a report whose copy was never finished. */
    public void remove(String reportId) throws IOException {
        Files.deleteIfExists(file(reportId));
    }

    /** Every report still waiting, oldest copy first; a file that cannot be read is set aside, never sent. */
    public List<Pending> all() throws IOException {
        List<Pending> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                try {
                    Pending p = Json.mapper().readValue(f.toFile(), Pending.class);
                    if (p.report() == null || p.report().reportId() == null
                            || !f.getFileName().toString().equals(p.report().reportId() + SUFFIX)) {
                        throw new IOException("not a conversion report");
                    }
                    out.add(p);
                } catch (IOException e) {
                    // unreadable JSON included: a damaged report must not block the others
                    setAside(f);
                }
            }
        }
        out.sort(Comparator.comparing(p -> p.report().convertedAt(), Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }

    /**
     * Sends the reports that belong to the platform signing with {@code platformKeyId} and to {@code memberId}.
     * Recorded reports are deleted. A report of courses the signed-in person may not see answers 404 (R1): it waits
     * for someone whose scope covers them to sign in, since the copy exists whoever reports it. A report the
     * platform refuses for what it says (any other 4xx but an ended session or a busy platform) is set aside so it
     * does not block the others; anything else (network, session, server trouble) stops the round and leaves the
     * rest for the next one.
     */
    public Sent sendAll(RostersClient client, String platformKeyId, String memberId) throws IOException {
        int recorded = 0;
        int refused = 0;
        int waiting = 0;
        List<Pending> all = all();
        for (int i = 0; i < all.size(); i++) {
            Pending p = all.get(i);
            if (!p.platformKeyId().equals(platformKeyId) || !p.report().memberId().equals(memberId)) {
                continue;
            }
            try {
                client.reportConversion(p.report());
                remove(p.report().reportId());
                recorded++;
            } catch (ApiHttpException e) {
                if (e.status() == 404) {
                    waiting++;
                } else if (e.status() >= 400 && e.status() < 500 && e.status() != 401 && e.status() != 429) {
                    LOGGER.warn("the platform refused a conversion report ({}); kept aside in {}", e.status(), dir);
                    setAside(file(p.report().reportId()));
                    refused++;
                } else {
                    waiting += remaining(all, i, platformKeyId, memberId);
                    break;
                }
            } catch (RuntimeException e) {
                waiting += remaining(all, i, platformKeyId, memberId);
                break;
            }
        }
        if (recorded + refused + waiting > 0) {
            LOGGER.info("conversion reports: {} recorded by the platform, {} refused, {} still waiting", recorded,
                    refused, waiting);
        }
        return new Sent(recorded, refused, waiting);
    }

    private static int remaining(List<Pending> all, int from, String platformKeyId, String memberId) {
        return (int) all.subList(from, all.size()).stream().filter(p -> p.platformKeyId().equals(platformKeyId)
                && p.report().memberId().equals(memberId)).count();
    }

    private Path file(String reportId) {
        if (!reportId.matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a report id");
        }
        return dir.resolve(reportId + SUFFIX);
    }

    private void setAside(Path f) throws IOException {
        Path aside = dir.resolve("set-aside");
        OwnerOnly.folder(aside);
        Files.move(f, aside.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        LOGGER.warn("set aside a conversion report the platform cannot take: {}", aside.resolve(f.getFileName()));
    }
}
