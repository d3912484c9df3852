package org.iqracity.console.platform.service.learners;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.store.LearnerListQuery.Keyset;

/**
 * Keyset cursors nobody can read, edit or hand on (R1, R12). The last row's sort value (a name, a username, a grade)
 * and its enrollment id are encrypted (AES-256-GCM), so a cursor shows no learner's data and no platform-wide id; it
 * opens only for the query it came from, the staff member and the session it was given to, and for as long as a
 * session may last. Anyone else's cursor answers as an invalid one, so every page a person reads continues a list
 * the access log records under their own name.
 */
public final class CursorCodec {
    /** No cursor outlives the longest a session may last. */
    static final Duration MAX_AGE = Duration.ofHours(12);
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Clock clock;

    public CursorCodec(byte[] key, Clock clock) {
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.clock = clock;
    }

    public String encode(Caller caller, String queryFingerprint, LearnerSort sort, Keyset keyset) {
        String value = switch (sort) {
            case USERNAME, NAME -> (String) keyset.value();
            case ENROLLED_AT -> keyset.value().toString();
            case PROGRESS, GRADE -> Double.toString((Double) keyset.value());
            case LAST_ACTIVITY_AT -> Long.toString((Long) keyset.value());
        };
        byte[] payload = (clock.instant().getEpochSecond() + "\n" + keyset.id() + "\n" + value)
                .getBytes(StandardCharsets.UTF_8);
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(boundTo(caller, queryFingerprint));
            byte[] sealed = c.doFinal(payload);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public Keyset decode(Caller caller, String queryFingerprint, LearnerSort sort, String cursor) {
        try {
            if (cursor.length() > 1200) {
                throw bad();
            }
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length <= NONCE + 16) {
                throw bad();
            }
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, NONCE));
            c.updateAAD(boundTo(caller, queryFingerprint));
            String text = new String(c.doFinal(raw, NONCE, raw.length - NONCE), StandardCharsets.UTF_8);
            String[] parts = text.split("\n", 3);
            Instant made = Instant.ofEpochSecond(Long.parseLong(parts[0]));
            if (made.plus(MAX_AGE).isBefore(clock.instant())) {
                throw bad();
            }
            long id = Long.parseLong(parts[1]);
            String value = parts[2];
            Object typed = switch (sort) {
                case USERNAME, NAME -> value;
                case ENROLLED_AT -> Instant.parse(value);
                case PROGRESS, GRADE -> Double.parseDouble(value);
                case LAST_ACTIVITY_AT -> Long.parseLong(value);
            };
            return new Keyset(typed, id);
        } catch (GeneralSecurityException | IllegalArgumentException | DateTimeException
                 | IndexOutOfBoundsException e) {
            throw bad();
        }
    }

    /** What a cursor is bound to: the list it continues, who was given it and in which session. */
    private static byte[] boundTo(Caller caller, String queryFingerprint) {
        return (queryFingerprint + "\u0000" + caller.staffId() + "\u0000" + caller.sessionId())
                .getBytes(StandardCharsets.UTF_8);
    }

    private static PlatformException bad() {
        return PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST,
                "The cursor is not valid for this list. Start again from the first page.");
    }
}
