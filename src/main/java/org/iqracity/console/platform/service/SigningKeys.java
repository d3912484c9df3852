package org.iqracity.console.platform.service;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.iqracity.console.api.SigningKeyDto;
import org.iqracity.console.platform.store.PlatformSecrets;

/** The platform's Ed25519 key for signing exports (R14); made once and kept in the database. */
public final class SigningKeys {
    /** Stored as base64 PKCS#8 private key, a colon, base64 X.509 public key. */
    private static final String KEY_PAIR = "export-signing-ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    public SigningKeys(PlatformSecrets secrets) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            String[] pair = secrets.getOrCreate(KEY_PAIR, () -> {
                KeyPair made = generate();
                return Base64.getEncoder().encodeToString(made.getPrivate().getEncoded()) + ":"
                        + Base64.getEncoder().encodeToString(made.getPublic().getEncoded());
            }).split(":");
            String priv = pair[0];
            String pub = pair[1];
            this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(priv)));
            this.publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pub)));
            this.keyId = keyId(publicKey.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing key unusable", e);
        }
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** First 16 hex digits of the SHA-256 of the encoded public key. */
    public static String keyId(byte[] encodedPublicKey) {
        return HexFormat.of().formatHex(Tokens.sha256Bytes(encodedPublicKey), 0, 8);
    }

    public String sign(byte[] payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(payload);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** Whether {@code signature} (base64) is this key's over {@code payload}; false for anything malformed. */
    public boolean verifies(byte[] payload, String signature) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(publicKey);
            s.update(payload);
            return s.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public SigningKeyDto publicKey() {
        return new SigningKeyDto("Ed25519", keyId, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }
}
