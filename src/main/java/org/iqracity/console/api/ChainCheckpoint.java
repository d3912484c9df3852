package org.iqracity.console.api;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

/**
 * A head of a Member's access-log chain that the platform verified and signed (R12): the chain then held
 * {@code entries} entries, the last with hash {@code headHash}, written at {@code headAt}. The console keeps the
 * latest one it was given and hands it back at the next verification, so a chain cut back behind the platform's back
 * (its newest entries deleted, perhaps regrown since) shows, although what is left still links up.
 *
 * <p>{@link #token()} is the form that travels back: the signed text and the Ed25519 signature, each base64url.
 *
 * @param signature base64 Ed25519 signature over {@link #payload()}, by the key {@code keyId} names
 */
public record ChainCheckpoint(String memberId, long entries, String headHash, Instant headAt, Instant verifiedAt,
                              String keyId, String signature) {
    private static final String MAGIC = "iqracity access-log checkpoint 1";

    /** The exact bytes signed: one field per line, the timestamps in ISO-8601 UTC. */
    public byte[] payload() {
        return String.join("\n", MAGIC, memberId, Long.toString(entries), headHash,
                headAt == null ? "-" : headAt.toString(), verifiedAt.toString(), keyId)
                        .getBytes(StandardCharsets.UTF_8);
    }

    /** The checkpoint as one URL-safe word: {@code base64url(payload).base64url(signature)}. */
    public String token() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return url.encodeToString(payload()) + "." + url.encodeToString(Base64.getDecoder().decode(signature));
    }

    /**
     * Reads a token back. Whether the platform signed it is for the reader to check ({@link #payload()} against
     * {@link #signature()}).
     *
     * @throws IllegalArgumentException when the token is not the form {@link #token()} writes
     */
    public static ChainCheckpoint parse(String token) {
        if (token == null || token.length() > 2_000) {
            throw new IllegalArgumentException("not a checkpoint");
        }
        int dot = token.indexOf('.');
        if (dot < 0 || token.indexOf('.', dot + 1) >= 0) {
            throw new IllegalArgumentException("not a checkpoint");
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            String text = new String(url.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            byte[] signed = url.decode(token.substring(dot + 1));
            List<String> lines = List.of(text.split("\n", -1));
            if (lines.size() != 7 || !MAGIC.equals(lines.get(0))) {
                throw new IllegalArgumentException("not a checkpoint");
            }
            long entries = Long.parseLong(lines.get(2));
            if (entries < 0) {
                throw new IllegalArgumentException("not a checkpoint");
            }
            Instant headAt = "-".equals(lines.get(4)) ? null : Instant.parse(lines.get(4));
            return new ChainCheckpoint(lines.get(1), entries, lines.get(3), headAt, Instant.parse(lines.get(5)),
                    lines.get(6), Base64.getEncoder().encodeToString(signed));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("not a checkpoint", e);
        }
    }
}
