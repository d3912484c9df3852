package org.iqracity.console.api;

import java.util.List;

/**
 * The last line of a roster stream. {@code sha256} is over the canonical CSV lines of the rows
 * ({@link RosterCanon#csvLine}), without the header; {@code signature} is the platform's Ed25519 signature
 * (base64) over {@link RosterCanon#signedPayload}, which names {@code exportedBy}, the username of who exported
 * (null from platforms that did not sign it yet).
 */
public record RosterSummary(String type, String memberId, String courseId, String exportedAt, String exportedBy,
                            List<String> fields, long rowCount, String sha256, String keyId, String signature) {
    public static final String TYPE = "summary";
}
