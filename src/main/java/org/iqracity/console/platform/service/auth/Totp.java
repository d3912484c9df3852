package org.iqracity.console.platform.service.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords: HMAC-SHA-1, 6 digits, 30-second steps. */
public final class Totp {
    private static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    /** Steps either side of now that still count, for clocks a little apart. */
    private static final int DRIFT_STEPS = 1;

    private Totp() {
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    public static String code(String base32Secret, long step) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(Base32.decode(base32Secret), "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24) | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8) | (h[offset + 3] & 0xff);
            return String.format(Locale.ROOT, "%0" + DIGITS + "d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    }

    /**
     * The step at which {@code code} is valid near {@code now}, if any. Callers refuse a step already used, so a
     * code cannot be replayed.
     */
    public static OptionalLong matchingStep(String base32Secret, String code, Instant now) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - DRIFT_STEPS; s <= current + DRIFT_STEPS; s++) {
            if (MessageDigest.isEqual(code(base32Secret, s).getBytes(), code.getBytes())) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** RFC 4648 base32, the alphabet authenticator apps use for secrets. */
    static final class Base32 {
        private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        private Base32() {
        }

        static byte[] decode(String text) {
            String s = text.replace("=", "").replace(" ", "").toUpperCase(Locale.ROOT);
            ByteBuffer out = ByteBuffer.allocate(s.length() * 5 / 8);
            int buffer = 0;
            int bits = 0;
            for (char c : s.toCharArray()) {
                int v = ALPHABET.indexOf(c);
                if (v < 0) {
                    throw new IllegalArgumentException("not base32");
                }
                buffer = (buffer << 5) | v;
                bits += 5;
                if (bits >= 8) {
                    out.put((byte) (buffer >> (bits - 8)));
                    bits -= 8;
                }
            }
            return out.array();
        }
    }
}
