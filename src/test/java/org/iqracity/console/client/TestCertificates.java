package org.iqracity.console.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * A certificate authority made in the test, and server certificates it issues, written as the files an operator
 * would have: a PKCS#12 keystore for the platform, the CA certificate as PEM or DER for the console. Built from
 * BouncyCastle's ASN.1 classes and signed with the JDK, so no extra library and no keytool process.
 */
public final class TestCertificates {
    public static final char[] PASSWORD = "test-keystore-password".toCharArray();
    private static final AlgorithmIdentifier ECDSA_SHA256 =
            new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    private TestCertificates() {
    }

    /** A root CA, valid from a day ago for a year. */
    public static Ca newCa(String commonName) {
        KeyPair keys = ecKeys();
        X500Name name = new X500Name("CN=" + commonName + ",O=Member Console tests");
        Instant now = Instant.now();
        ExtensionsGenerator ext = new ExtensionsGenerator();
        try {
            ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate cert = sign(name, name, keys.getPublic().getEncoded(), keys.getPrivate(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), ext);
        return new Ca(name, keys, cert);
    }

    public record Ca(X500Name name, KeyPair keys, X509Certificate certificate) {

        /** A server certificate for these names (host names, or IP addresses written as such), valid now. */
        public Issued issue(String... names) {
            Instant now = Instant.now();
            return issue(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)), names);
        }

        public Issued issue(Instant notBefore, Instant notAfter, String... names) {
            KeyPair server = ecKeys();
            ExtensionsGenerator ext = new ExtensionsGenerator();
            List<GeneralName> alt = new ArrayList<>();
            for (String n : names) {
                alt.add(isIp(n) ? new GeneralName(GeneralName.iPAddress, n)
                        : new GeneralName(GeneralName.dNSName, n));
            }
            try {
                ext.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                ext.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                ext.addExtension(Extension.extendedKeyUsage, false,
                        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                ext.addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(alt.toArray(GeneralName[]::new)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            X509Certificate cert = sign(name, new X500Name("CN=" + names[0]), server.getPublic().getEncoded(),
                    keys.getPrivate(), notBefore, notAfter, ext);
            return new Issued(server.getPrivate(), List.of(cert, certificate));
        }

        public Path writePem(Path file) throws IOException {
            return TestCertificates.writePem(file, certificate);
        }

        public Path writeDer(Path file) throws IOException {
            try {
                return Files.write(file, certificate.getEncoded());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A server's key and its chain (server certificate first, then the CA). */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {

        public KeyStore keyStore(char[] password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("platform", key, password, chain.toArray(Certificate[]::new));
                return store;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A PKCS#12 file as an operator would hand the platform. */
        public Path writeKeystore(Path file, char[] password) throws IOException {
            try (OutputStream out = Files.newOutputStream(file)) {
                keyStore(password).store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            return file;
        }

        /** For a test server other than the platform (MockWebServer). */
        public SSLContext serverContext() {
            try {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore(PASSWORD), PASSWORD);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(kmf.getKeyManagers(), null, null);
                return context;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Path writePem(Path file, X509Certificate... certificates) throws IOException {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder mime = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : certificates) {
            try {
                pem.append("-----BEGIN CERTIFICATE-----\n").append(mime.encodeToString(c.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return Files.writeString(file, pem, StandardCharsets.US_ASCII);
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate sign(X500Name issuer, X500Name subject, byte[] publicKey, PrivateKey issuerKey,
                                        Instant notBefore, Instant notAfter, ExtensionsGenerator ext) {
        try {
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(BigInteger.valueOf(SERIAL.incrementAndGet())));
            tbs.setIssuer(issuer);
            tbs.setSubject(subject);
            tbs.setStartDate(new Time(Date.from(notBefore)));
            tbs.setEndDate(new Time(Date.from(notAfter)));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(publicKey));
            tbs.setSignature(ECDSA_SHA256);
            tbs.setExtensions(ext.generate());
            TBSCertificate body = tbs.generateTBSCertificate();
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(issuerKey);
            signature.update(body.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector cert = new ASN1EncodableVector();
            cert.add(body);
            cert.add(ECDSA_SHA256);
            cert.add(new DERBitString(signature.sign()));
            byte[] der = new DERSequence(cert).getEncoded(ASN1Encoding.DER);
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }

    static boolean isIp(String name) {
        try {
            return InetAddress.ofLiteral(name) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
