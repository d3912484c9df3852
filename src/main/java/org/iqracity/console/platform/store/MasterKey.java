package org.iqracity.console.platform.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.documents.OwnerOnly;

/**
 * The one key that lives outside the database (R13): it seals the secrets the database holds (the roster-signing key,
 * the cursor key, research keys, officers' second-factor secrets) and gives the embedded database its password, so
 * that a copy of the database file alone opens nothing. It comes from the environment ({@value #ENV}, 32 bytes in
 * base64) in production, or from {@value #FILE} beside the data: made on the first start, owner-only (0600).
 */
public final class MasterKey {
    public static final String ENV = "IQRACITY_MASTER_KEY";
    public static final String FILE = "platform.key";
    /** The key being rotated out: the platform re-seals everything under the new one on its next start. */
    public static final String PREVIOUS_ENV = "IQRACITY_MASTER_KEY_PREVIOUS";
    public static final String PREVIOUS_FILE = "platform.key.previous";

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("A master key is 32 bytes.");
        }
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        return new MasterKey(key);
    }

    /** 32 random bytes in base64, as {@value #ENV} and the key file hold them. */
    public static String generate() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }

    /** The environment's key if it names one, else the key file in {@code dataDir} (made there the first time). */
    public static MasterKey forDataDir(Path dataDir) {
        return fromEnvironment(System.getenv()).orElseGet(() -> fromFile(dataDir.resolve(FILE), true));
    }

    /**
     * The key being rotated out, if any: {@value #PREVIOUS_ENV}, or {@value #PREVIOUS_FILE} in {@code dataDir}
     * ({@code dataDir} may be null for a platform on a database server).
     */
    public static Optional<MasterKey> previous(Path dataDir) {
        String value = System.getenv(PREVIOUS_ENV);
        if (value != null && !value.isBlank()) {
            return Optional.of(decode(value.strip(), PREVIOUS_ENV));
        }
        if (dataDir != null && Files.exists(dataDir.resolve(PREVIOUS_FILE))) {
            return Optional.of(fromFile(dataDir.resolve(PREVIOUS_FILE), false));
        }
        return Optional.empty();
    }

    /** A platform on a database server with no data folder: the key must come from the environment. */
    public static MasterKey fromEnvironmentOnly() {
        return fromEnvironment(System.getenv()).orElseThrow(() -> new IllegalStateException("Give the platform "
                + "its master key in " + ENV + " (32 random bytes in base64, e.g. from `openssl rand -base64 32`): it "
                + "seals the secrets the database keeps."));
    }

    static Optional<MasterKey> fromEnvironment(Map<String, String> env) {
        String value = env.get(ENV);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(decode(value.strip(), ENV));
    }

    /** The key in {@code file}; made (owner-only) when {@code create} and it does not exist yet. */
    public static MasterKey fromFile(Path file, boolean create) {
        try {
            if (!Files.exists(file)) {
                if (!create) {
                    throw new IllegalStateException("No master key at " + file + ".");
                }
                OwnerOnly.folder(file.toAbsolutePath().getParent());
                AtomicFiles.write(file, (generate() + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            OwnerOnly.narrow(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The master key at " + file + " cannot be read or made", e);
        }
    }

    private static MasterKey decode(String base64, String where) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key in " + where + " is not 32 bytes in base64.");
        }
    }

    /** A key of its own for one purpose, derived from this one (HMAC-SHA256), so no two uses share a key. */
    byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key of the access log's chain: without it nobody can forge an entry's hash (R12). */
    public byte[] accessLogKey() {
        return derive("access-log-chain");
    }

    /** The embedded database's password. */
    public String databasePassword() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(derive("embedded-database-password"));
    }

    /** Seals and opens the secrets the database keeps. */
    public SecretBox box() {
        return new SecretBox(derive("secrets-at-rest"));
    }
}
