package org.iqracity.console.ui.common;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.SigningKeyDto;

/**
 * The platforms' signing keys as seen at sign-in, remembered per platform address, so an exported roster can be
 * checked later without a network (R14). A key that changes is reported: it may be a rotation, or another server.
 */
public final class PinnedKeys {
    private static final String PREFIX = "platform.signingKey.";

    public enum Pin { FIRST, SAME, CHANGED }

    /** A pinned key and the platform it came from. */
    public record Pinned(String address, String keyId, PublicKey key) {
    }

    private final Settings settings;

    public PinnedKeys(Settings settings) {
        this.settings = settings;
    }

    public Pin pin(String address, SigningKeyDto key) {
        String value = key.keyId() + ":" + key.publicKey();
        Optional<String> before = settings.get(PREFIX + address);
        settings.put(PREFIX + address, value);
        remember(address);
        if (before.isEmpty()) {
            return Pin.FIRST;
        }
        return before.get().equals(value) ? Pin.SAME : Pin.CHANGED;
    }

    /** The pinned key with this id, whichever platform it belongs to. */
    public Optional<Pinned> byKeyId(String keyId) {
        for (String address : addresses()) {
            Optional<Pinned> pinned = of(address);
            if (pinned.isPresent() && pinned.get().keyId().equals(keyId)) {
                return pinned;
            }
        }
        return Optional.empty();
    }

    public Optional<Pinned> of(String address) {
        return settings.get(PREFIX + address).flatMap(v -> decode(address, v));
    }

    /** Settings do not list their keys, so the pinned addresses are kept beside the keys. */
    private Iterable<String> addresses() {
        return settings.get(PREFIX + "addresses").map(s -> List.of(s.split("\n")))
                .orElse(List.of());
    }

    private void remember(String address) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        addresses().forEach(all::add);
        all.add(address);
        settings.put(PREFIX + "addresses", String.join("\n", all));
    }

    private static Optional<Pinned> decode(String address, String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(value.substring(colon + 1))));
            return Optional.of(new Pinned(address, value.substring(0, colon), key));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
