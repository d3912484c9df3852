package org.iqracity.console.roster;

import java.time.Instant;
import java.util.List;

/**
 * {@code manifest.json} of an exported roster: what it holds, who exported it and when, until when it is valid, and
 * the platform's signature per course (R14).
 *
 * @param sha256 SHA-256 (hex) of the whole {@code roster.csv}
 */
public record RosterManifest(int formatVersion, String memberId, String memberName, String exportedBy,
                             String exportedByName, Instant exportedAt, Instant expiresAt, List<String> fields,
                             long rowCount, String sha256, String platformKeyId, List<CourseEntry> courses) {

    public static final int FORMAT_VERSION = 1;

    public RosterManifest {
        fields = List.copyOf(fields);
        courses = List.copyOf(courses);
    }

    /**
     * One exported course as the platform signed it: {@code sha256} is over the course's rows (canonical CSV lines,
     * no header) and {@code signature} is the platform's Ed25519 signature as in the roster stream's summary, which
     * names {@code exportedBy} (absent in rosters made before the platform signed the exporter).
     */
    public record CourseEntry(String courseId, String title, String exportedAt, String exportedBy, long rowCount,
                              String sha256, String signature) {
    }
}
