package org.iqracity.console.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS for real: a certificate authority made here issues the platform's certificate (for 127.0.0.1 only), the
 * platform serves TLS from a PKCS#12 keystore, and the console's client is tried with and without that CA.
 */
class TlsEndToEndTest {
    private static final String PASSWORD = "sandbox-password";

    @TempDir
    static Path dir;
    static TestCertificates.Ca ca;
    static Path caPem;
    static Platform platform;

    @BeforeAll
    static void start() throws Exception {
        ca = TestCertificates.newCa("Northbridge IT Test CA");
        caPem = ca.writePem(dir.resolve("northbridge-ca.pem"));
        Path keystore = ca.issue("127.0.0.1").writeKeystore(dir.resolve("platform.p12"), TestCertificates.PASSWORD);
        platform = Platform.start(PlatformConfig.embedded(dir.resolve("data"), 0).withLearners(300)
                .withTls(keystore, TestCertificates.PASSWORD), StartupListener.NONE);
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void aConsoleTrustingTheCaSignsInOverHttps() {
        assertThat(platform.baseUri().getScheme()).isEqualTo("https");
        PlatformClient client = PlatformConnector.overHttp(PlatformTrust.withCa(caPem)).connect(platform.baseUri());

        assertThat(client.health().apiVersion()).isEqualTo(ApiPaths.API_VERSION);
        assertThat(client.signIn("nb-admin", PASSWORD, null).staff().username()).isEqualTo("nb-admin");
        assertThat(client.courses().all()).isNotEmpty();
        client.signOut();
    }

    @Test
    void overTlsBrowsersAreToldToStayOnHttps() throws Exception {
        OkHttpClient okHttp = PlatformTrust.withCa(caPem).applyTo(new OkHttpClient.Builder()).build();
        try (okhttp3.Response r = okHttp.newCall(new okhttp3.Request.Builder()
                .url(platform.baseUri() + ApiPaths.HEALTH).build()).execute()) {
            assertThat(r.code()).isEqualTo(200);
            assertThat(r.header("Strict-Transport-Security")).startsWith("max-age=");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void theCaMayBeGivenAsDerAndBesideOtherCertificatesInOnePem() throws Exception {
        Path der = ca.writeDer(dir.resolve("ca.der"));
        Path bundle = TestCertificates.writePem(dir.resolve("bundle.pem"),
                TestCertificates.newCa("Some Other CA").certificate(), ca.certificate());

        assertThat(PlatformConnector.overHttp(PlatformTrust.withCa(der)).connect(platform.baseUri()).health().status())
                .isEqualTo("UP");
        assertThat(PlatformTrust.withCa(bundle).extraCertificates()).hasSize(2);
        assertThat(PlatformConnector.overHttp(PlatformTrust.withCa(bundle)).connect(platform.baseUri()).health()
                .status()).isEqualTo("UP");
    }

    @Test
    void aConsoleTrustingOnlyTheJdkRefusesTheCertificateBeforeSendingThePassword() {
        long before = accessLogRows();
        PlatformClient client = PlatformConnector.overHttp().connect(platform.baseUri());

        assertThatThrownBy(() -> client.signIn("nb-admin", PASSWORD, null))
                .isInstanceOfSatisfying(TlsProblemException.class,
                        e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.UNTRUSTED));
        assertThat(client.signedIn()).isFalse();
        assertThat(accessLogRows()).as("no sign-in reached the platform").isEqualTo(before);
    }

    @Test
    void anotherCaDoesNotHelp() throws Exception {
        Path other = TestCertificates.newCa("Other CA").writePem(dir.resolve("other.pem"));
        PlatformClient client = PlatformConnector.overHttp(PlatformTrust.withCa(other)).connect(platform.baseUri());

        assertThatThrownBy(client::health).isInstanceOfSatisfying(TlsProblemException.class,
                e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.UNTRUSTED));
    }

    @Test
    void aCertificateForAnotherNameIsRefusedEvenFromTheTrustedCa() {
        // The certificate names 127.0.0.1 only; "localhost" reaches the same server under a name it does not carry.
        URI byName = URI.create("https://localhost:" + platform.baseUri().getPort());
        PlatformClient client = PlatformConnector.overHttp(PlatformTrust.withCa(caPem)).connect(byName);

        assertThatThrownBy(client::health).isInstanceOfSatisfying(TlsProblemException.class,
                e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.HOST_MISMATCH));
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswer() {
        URI plain = URI.create("http://127.0.0.1:" + platform.baseUri().getPort());
        PlatformClient client = new HttpPlatformClient(plain, new OkHttpClient.Builder()
                .retryOnConnectionFailure(false).callTimeout(Duration.ofSeconds(10)).build(), Clock.systemUTC());

        assertThatThrownBy(client::health).isInstanceOf(ApiException.class)
                .isNotInstanceOf(MalformedResponseException.class);
    }

    @Test
    void anExpiredCertificateIsNamedAsExpired() throws Exception {
        Instant now = Instant.now();
        TestCertificates.Issued expired = ca.issue(now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(10)),
                "127.0.0.1");
        try (MockWebServer server = new MockWebServer()) {
            server.useHttps(expired.serverContext().getSocketFactory());
            server.start();
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            PlatformClient client = PlatformConnector.overHttp(PlatformTrust.withCa(caPem))
                    .connect(URI.create("https://127.0.0.1:" + server.getPort()));

            assertThatThrownBy(client::health).isInstanceOfSatisfying(TlsProblemException.class,
                    e -> assertThat(e.reason()).isEqualTo(TlsProblemException.Reason.EXPIRED));
        }
    }

    @Test
    void aCaFileThatIsMissingOrNotACertificateIsRefusedByName() throws Exception {
        Path missing = dir.resolve("nope.pem");
        Path junk = Files.writeString(dir.resolve("junk.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n");

        assertThatThrownBy(() -> PlatformTrust.withCa(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope.pem").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> PlatformTrust.withCa(junk)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("junk.pem").hasMessageContaining("no certificate");
    }

    @Test
    void aKeystoreThatDoesNotOpenStopsThePlatformWithOneSentenceAndNoSecret() throws Exception {
        Path keystore = ca.issue("127.0.0.1").writeKeystore(dir.resolve("other.p12"), TestCertificates.PASSWORD);
        PlatformConfig base = PlatformConfig.embedded(dir.resolve("never"), 0).withLearners(10);

        assertThatThrownBy(() -> Platform.start(base.withTls(keystore, "wrong-secret-pw".toCharArray()),
                StartupListener.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("other.p12").hasMessageContaining("wrong password")
                .hasMessageNotContaining("wrong-secret-pw");
        Path notAKeystore = Files.writeString(dir.resolve("cert.pem"), Files.readString(caPem));
        assertThatThrownBy(() -> Platform.start(base.withTls(notAKeystore, TestCertificates.PASSWORD),
                StartupListener.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a PKCS#12 or JKS keystore");
        assertThatThrownBy(() -> Platform.start(base.withTls(dir.resolve("absent.p12"), TestCertificates.PASSWORD),
                StartupListener.NONE)).hasMessageContaining("does not exist");
        assertThat(dir.resolve("never")).as("nothing was started").doesNotExist();
    }

    private static long accessLogRows() {
        return new Jdbc(platform.database().dataSource())
                .queryOne("SELECT COUNT(*) FROM access_log", rs -> rs.getLong(1)).orElseThrow();
    }
}
