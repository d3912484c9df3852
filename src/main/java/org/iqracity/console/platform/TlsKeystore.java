package org.iqracity.console.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Collections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the keystore the platform serves HTTPS with, before anything else starts, so a wrong path or password is one
 * clear sentence at start-up rather than a handshake failure on the first request.
 */
final class TlsKeystore {
    private static final Logger LOGGER = LoggerFactory.getLogger(TlsKeystore.class);

    private TlsKeystore() {
    }

    static KeyStore load(PlatformConfig.Tls tls) {
        if (!Files.isRegularFile(tls.keystore())) {
            throw new IllegalStateException("The TLS keystore " + tls.keystore() + " does not exist.");
        }
        KeyStore store;
        try {
            // Reads PKCS#12 and JKS alike, whatever the file is called.
            store = KeyStore.getInstance(tls.keystore().toFile(), tls.password());
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new IllegalStateException("The TLS keystore " + tls.keystore() + " could not be opened: "
                    + (wrongPassword ? "wrong password." : "not a PKCS#12 or JKS keystore."));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The TLS keystore " + tls.keystore()
                    + " could not be opened: not a PKCS#12 or JKS keystore.");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    // The key must open with the store's password: that is the password Jetty is given.
                    store.getKey(alias, tls.password());
                    describe(alias, store.getCertificate(alias));
                    return store;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The private key in the TLS keystore " + tls.keystore()
                    + " does not open with the keystore's password.");
        }
        throw new IllegalStateException("The TLS keystore " + tls.keystore()
                + " holds no private key, only certificates.");
    }

    private static void describe(String alias, Certificate certificate) {
        if (certificate instanceof X509Certificate x509) {
            Instant notAfter = x509.getNotAfter().toInstant();
            LOGGER.info("TLS certificate '{}' for {} valid until {}", alias,
                    x509.getSubjectX500Principal().getName(), notAfter);
            if (notAfter.isBefore(Instant.now())) {
                LOGGER.warn("The TLS certificate '{}' expired on {}: clients will refuse it", alias, notAfter);
            }
        }
    }
}
