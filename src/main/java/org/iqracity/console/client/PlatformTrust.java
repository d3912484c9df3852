package org.iqracity.console.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Which certificate authorities the console believes when it opens HTTPS to a platform: the JDK's trust store,
 * plus (for a platform whose certificate an institution's own CA issued) the CA certificates of one file.
 * Certificates are always checked, and so is the host name (OkHttp's verifier); there is no "trust everything".
 */
public final class PlatformTrust {
    private final X509TrustManager trustManager;
    private final SSLContext context;
    private final List<X509Certificate> extra;

    private PlatformTrust(X509TrustManager trustManager, List<X509Certificate> extra) {
        this.trustManager = trustManager;
        this.extra = List.copyOf(extra);
        try {
            this.context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime", e);
        }
    }

    /** The JDK's trust store alone. */
    public static PlatformTrust jdkDefaults() {
        return new PlatformTrust(defaultTrustManager(), List.of());
    }

    /**
     * The JDK's trust store plus every certificate in {@code caFile} (PEM, one or more, or DER).
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static PlatformTrust withCa(Path caFile) {
        List<X509Certificate> cas = readCertificates(caFile);
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            // One store holding both, so a chain may be built through either: not two managers tried in turn.
            for (X509Certificate jdk : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + n++, jdk);
            }
            for (X509Certificate ca : cas) {
                store.setCertificateEntry("trusted-ca-" + n++, ca);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return new PlatformTrust(x509(factory.getTrustManagers()), cas);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up the trust store", e);
        }
    }

    private static List<X509Certificate> readCertificates(Path caFile) {
        if (!Files.isRegularFile(caFile)) {
            throw new IllegalArgumentException("The trusted CA file " + caFile + " does not exist.");
        }
        Collection<? extends Certificate> read;
        try (InputStream in = Files.newInputStream(caFile)) {
            read = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("The trusted CA file " + caFile + " cannot be read.");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The trusted CA file " + caFile
                    + " holds no certificate (expected PEM or DER X.509).");
        }
        List<X509Certificate> cas = new ArrayList<>();
        for (Certificate c : read) {
            if (c instanceof X509Certificate x509) {
                cas.add(x509);
            }
        }
        if (cas.isEmpty()) {
            throw new IllegalArgumentException("The trusted CA file " + caFile
                    + " holds no certificate (expected PEM or DER X.509).");
        }
        return cas;
    }

    private static X509TrustManager defaultTrustManager() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return x509(factory.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK trust store cannot be read", e);
        }
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager m : managers) {
            if (m instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager in this Java runtime");
    }

    /** The certificates added to the JDK's, for the record. */
    public List<X509Certificate> extraCertificates() {
        return extra;
    }

    /** Applies this trust to an OkHttp client. */
    public OkHttpClient.Builder applyTo(OkHttpClient.Builder builder) {
        return builder.sslSocketFactory(context.getSocketFactory(), trustManager);
    }
}
