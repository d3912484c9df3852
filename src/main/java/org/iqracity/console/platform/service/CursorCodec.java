package org.iqracity.console.platform.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.store.LearnerListQuery.Keyset;

/**
 * Opaque keyset cursors: the last row's sort value and id, bound to the query they came from and signed, so a
 * cursor cannot be edited or replayed against another query.
 */
public final class CursorCodec {
    private static final int MAC_BYTES = 16;
    private final byte[] key;

    public CursorCodec(byte[] key) {
        this.key = key.clone();
    }

    public String encode(String queryFingerprint, LearnerSort sort, Keyset keyset) {
        String value = switch (sort) {
            case USERNAME, NAME -> (String) keyset.value();
            case ENROLLED_AT -> keyset.value().toString();
            case PROGRESS, GRADE -> Double.toString((Double) keyset.value());
            case LAST_ACTIVITY_AT -> Long.toString((Long) keyset.value());
        };
        byte[] payload = (keyset.id() + "\n" + value).getBytes(StandardCharsets.UTF_8);
        byte[] mac = mac(queryFingerprint, payload);
        ByteBuffer buf = ByteBuffer.allocate(payload.length + MAC_BYTES).put(mac).put(payload);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    public Keyset decode(String queryFingerprint, LearnerSort sort, String cursor) {
        try {
            if (cursor.length() > 1200) {
                throw bad();
            }
            byte[] raw = Base64.getUrlDecoder().decode(cursor);
            if (raw.length <= MAC_BYTES) {
                throw bad();
            }
            byte[] mac = Arrays.copyOfRange(raw, 0, MAC_BYTES);
            byte[] payload = Arrays.copyOfRange(raw, MAC_BYTES, raw.length);
            if (!MessageDigest.isEqual(mac, mac(queryFingerprint, payload))) {
                throw bad();
            }
            String text = new String(payload, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            long id = Long.parseLong(text.substring(0, nl));
            String value = text.substring(nl + 1);
            Object typed = switch (sort) {
                case USERNAME, NAME -> value;
                case ENROLLED_AT -> Instant.parse(value);
                case PROGRESS, GRADE -> Double.parseDouble(value);
                case LAST_ACTIVITY_AT -> Long.parseLong(value);
            };
            return new Keyset(typed, id);
        } catch (IllegalArgumentException | java.time.DateTimeException | IndexOutOfBoundsException e) {
            throw bad();
        }
    }

    private static PlatformException bad() {
        return PlatformException.badRequest(ProblemCode.MALFORMED_REQUEST,
                "The cursor is not valid for this list. Start again from the first page.");
    }

    private byte[] mac(String fingerprint, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(fingerprint.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
