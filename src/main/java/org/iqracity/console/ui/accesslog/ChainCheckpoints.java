package org.iqracity.console.ui.accesslog;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.iqracity.console.api.ChainCheckpoint;
import org.iqracity.console.ui.common.PinnedKeys;
import org.iqracity.console.ui.common.Settings;

/**
 * The last access-log head each platform signed for each Member, as this computer saw it (R12). Handed back at the
 * next verification, it lets a chain cut back behind the platform's back show, and the console compares it itself
 * as well: a later chain that is shorter is a warning whatever the answer says. A checkpoint is kept only when the
 * key pinned for that platform at sign-in signed it, and never replaced by one that saw fewer entries.
 */
public final class ChainCheckpoints {
    private static final String PREFIX = "accessLog.checkpoint.";

    /** What became of a checkpoint the platform gave. */
    public enum Outcome { KEPT, NOT_SIGNED, SHORTER }

    private final Settings settings;
    private final PinnedKeys pins;

    public ChainCheckpoints(Settings settings) {
        this.settings = settings;
        this.pins = new PinnedKeys(settings);
    }

    /** The checkpoint kept for this platform and Member, if any (one that no longer reads is as none). */
    public Optional<ChainCheckpoint> kept(String address, String memberId) {
        return settings.get(key(address, memberId)).flatMap(token -> {
            try {
                return Optional.of(ChainCheckpoint.parse(token));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * Keeps a checkpoint the platform at {@code address} just gave for {@code memberId}, unless the key pinned for
     * that platform did not sign it (or it names another Member), or it saw fewer entries than the one kept.
     */
    public Outcome offer(String address, String memberId, ChainCheckpoint given) {
        if (!given.memberId().equals(memberId) || !signedByPinnedKey(address, given)) {
            return Outcome.NOT_SIGNED;
        }
        Optional<ChainCheckpoint> before = kept(address, memberId);
        if (before.isPresent() && before.get().entries() > given.entries()) {
            return Outcome.SHORTER;
        }
        settings.put(key(address, memberId), given.token());
        return Outcome.KEPT;
    }

    /** Writes the settings file; off the FX thread. */
    public void save() {
        settings.save();
    }

    private boolean signedByPinnedKey(String address, ChainCheckpoint given) {
        Optional<PinnedKeys.Pinned> pinned = pins.of(address);
        if (pinned.isEmpty() || !pinned.get().keyId().equals(given.keyId())) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pinned.get().key());
            s.update(given.payload());
            return s.verify(Base64.getDecoder().decode(given.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String key(String address, String memberId) {
        return PREFIX + address + "." + memberId;
    }
}
