package org.iqracity.console.roster;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /** The newest format this console reads: 2 adds a course's view ({@link CourseEntry#view}). */
    public static final int FORMAT_VERSION = 2;
    /** The format of rosters of whole courses, kept so that consoles from before views still open them. */
    public static final int WHOLE_COURSES_VERSION = 1;

    public RosterManifest {
        fields = List.copyOf(fields);
        courses = List.copyOf(courses);
    }

    /**
     * The format a roster of these courses is written in: the first that holds it. A console that knows no views
     * then says it is too old to open a roster of one, rather than that its signature fails.
     */
    public static int formatFor(List<CourseEntry> courses) {
        return courses.stream().anyMatch(c -> c.view() != null) ? FORMAT_VERSION : WHOLE_COURSES_VERSION;
    }

    /**
     * One exported course as the platform signed it: {@code sha256} is over the course's rows (canonical CSV lines,
     * no header) and {@code signature} is the platform's Ed25519 signature as in the roster stream's summary, which
     * names {@code exportedBy} (absent in rosters made before the platform signed the exporter) and {@code view}, the
     * learner list's search, filters and order the rows are, in that order
     * ({@link org.iqracity.console.api.RosterView#text}; absent for a whole course).
     */
    public record CourseEntry(String courseId, String title, String exportedAt, String exportedBy,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String view, long rowCount, String sha256,
                              String signature) {
        /** A whole course. */
        public CourseEntry(String courseId, String title, String exportedAt, String exportedBy, long rowCount,
                           String sha256, String signature) {
            this(courseId, title, exportedAt, exportedBy, null, rowCount, sha256, signature);
        }
    }
}
