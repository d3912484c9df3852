package org.iqracity.console.roster;

import java.util.List;
import org.bouncycastle.openpgp.PGPPublicKey;

/** Who can open an exported roster: anyone with the passphrase, the holders of these OpenPGP keys, or both. */
public record RosterProtection(char[] passphrase, List<PGPPublicKey> recipients) {
    public RosterProtection {
        recipients = List.copyOf(recipients);
        if ((passphrase == null || passphrase.length == 0) && recipients.isEmpty()) {
            throw new IllegalArgumentException("a roster must be encrypted to a passphrase or to at least one key");
        }
    }

    public static RosterProtection passphrase(char[] passphrase) {
        return new RosterProtection(passphrase, List.of());
    }
}
