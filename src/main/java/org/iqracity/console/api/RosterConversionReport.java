package org.iqracity.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * What the console tells the platform after someone wrote an unencrypted copy of an exported roster (R14). The
 * console makes {@code reportId} (a UUID) when the copy is written and keeps the report until the platform has it,
 * so a report sent twice is recorded once. {@code rosterSha256} and the export fields come from the roster's
 * manifest; {@code format} is {@code CSV} or {@code XLSX}.
 *
 * <p>{@code fields} and {@code signed} are the roster's signed course summaries as its manifest holds them: from
 * them, and only as far as the platform's signature holds, the platform takes who exported, when and how many rows.
 * {@code exportedBy} and {@code exportedAt} are what the manifest says; the platform does not rely on them.
 */
public record RosterConversionReport(String reportId, String memberId, List<String> courseIds, String format,
                                     long rowCount, String rosterSha256, String exportedBy, Instant exportedAt,
                                     Instant convertedAt, List<String> fields, List<SignedCourse> signed) {
    public static final int MAX_COURSES = 50;

    /**
     * One course's summary as the platform signed it ({@link RosterCanon#signedPayload}); {@code view} is the part of
     * the course the roster held ({@link RosterView#text}), absent for a whole course.
     */
    public record SignedCourse(String courseId, String exportedAt, String exportedBy,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String view, long rowCount, String sha256,
                               String signature) {
        /** A whole course's summary. */
        public SignedCourse(String courseId, String exportedAt, String exportedBy, long rowCount, String sha256,
                            String signature) {
            this(courseId, exportedAt, exportedBy, null, rowCount, sha256, signature);
        }
    }

    public RosterConversionReport {
        courseIds = courseIds == null ? null : List.copyOf(courseIds);
        fields = fields == null ? null : List.copyOf(fields);
        signed = signed == null ? null : List.copyOf(signed);
    }
}
