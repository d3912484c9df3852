package org.iqracity.console.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The last line of a roster stream. {@code sha256} is over the canonical CSV lines of the rows
 * ({@link RosterCanon#csvLine}), without the header; {@code signature} is the platform's Ed25519 signature
 * (base64) over {@link RosterCanon#signedPayload}, which names {@code exportedBy}, the username of who exported
 * (null from platforms that did not sign it yet), and {@code view}, the {@link RosterView#text} of the part of the
 * course the rows are (absent for a whole course).
 */
public record RosterSummary(String type, String memberId, String courseId, String exportedAt, String exportedBy,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String view, List<String> fields,
                            long rowCount, String sha256, String keyId, String signature) {
    public static final String TYPE = "summary";

    /** The summary of a whole course's roster. */
    public RosterSummary(String type, String memberId, String courseId, String exportedAt, String exportedBy,
                         List<String> fields, long rowCount, String sha256, String keyId, String signature) {
        this(type, memberId, courseId, exportedAt, exportedBy, null, fields, rowCount, sha256, keyId, signature);
    }
}
