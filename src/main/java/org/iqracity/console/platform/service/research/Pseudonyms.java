package org.iqracity.console.platform.service.research;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonyms for learners: HMAC-SHA-256 of the learner's platform id under a secret key, cut to 128 bits. Without
 * the key, a pseudonym cannot be turned back into the id, nor made from an id someone knows. A fresh key per export
 * ({@link #fresh}) is held in memory for that export only and never written anywhere, so two exports share no
 * pseudonym and cannot be joined; a Member's kept key ({@link #withKey}) gives the same learner the same pseudonym
 * in every export made with it. Not thread-safe: one export, one thread.
 */
public final class Pseudonyms implements AutoCloseable {
    public static final int KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final int PSEUDONYM_BYTES = 16;

    private final byte[] key;
    private final Mac mac;

    private Pseudonyms(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("a pseudonym key needs at least " + KEY_BYTES + " bytes");
        }
        this.key = key.clone();
        try {
            this.mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(this.key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    /** A key of this export alone, from the system's strong random source. */
    public static Pseudonyms fresh(SecureRandom random) {
        byte[] key = newKey(random);
        try {
            return new Pseudonyms(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    public static Pseudonyms withKey(byte[] key) {
        return new Pseudonyms(key);
    }

    public static byte[] newKey(SecureRandom random) {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        return key;
    }

    /** The learner's pseudonym: 32 lower-case hex digits. */
    public String of(String learnerId) {
        byte[] digest = mac.doFinal(learnerId.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, PSEUDONYM_BYTES);
    }

    /** Overwrites this copy of the key; the pseudonyms already made stay valid. */
    @Override
    public void close() {
        Arrays.fill(key, (byte) 0);
        mac.reset();
    }
}
