package org.iqracity.console.ui.exports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;

/** Reads a colleague's OpenPGP public key (armored, as {@code gpg --export --armor} writes it). */
final class PublicKeyFiles {

    private PublicKeyFiles() {
    }

    /** The first key of the first key ring that can encrypt, with the ring's first user id. */
    static ExportViewModel.Recipient read(Path file) throws IOException {
        try (InputStream in = PGPUtil.getDecoderStream(Files.newInputStream(file))) {
            PGPPublicKeyRingCollection rings = new PGPPublicKeyRingCollection(in, new BcKeyFingerprintCalculator());
            for (PGPPublicKeyRing ring : rings) {
                Iterator<String> ids = ring.getPublicKey().getUserIDs();
                String userId = ids.hasNext() ? ids.next() : "";
                for (PGPPublicKey key : ring) {
                    if (key.isEncryptionKey() && !key.hasRevocation()) {
                        return new ExportViewModel.Recipient(userId, Long.toHexString(key.getKeyID())
                                .toUpperCase(Locale.ROOT), key);
                    }
                }
            }
        } catch (PGPException | RuntimeException e) {
            throw new IOException("not an OpenPGP public key", e);
        }
        throw new IOException("no key in the file can encrypt");
    }
}
