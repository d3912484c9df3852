package org.iqracity.console.api;

import java.util.List;

/**
 * The last line of a roster stream. {@code sha256} is over the canonical CSV lines of the rows
 * ({@link RosterCanon#csvLine}), without the header; {@code signature} is the platform's Ed25519 signature
 * (base64) over {@link RosterCanon#signedPayload}.
 */
public record RosterSummary(String type, String memberId, String courseId, String exportedAt, List<String> fields,
                            long rowCount, String sha256, String keyId, String signature) {
    public static final String TYPE = "summary";
}
