package org.iqracity.console.platform.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.PlatformSecrets;
import org.iqracity.console.platform.store.ResearchRepository;
import org.iqracity.console.platform.store.SecretBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R13, R14: what the platform leaves on disk opens nothing by itself. The data folder is its owner's alone, the
 * database file holds no secret in plain text (officers' second factors, the roster-signing key, the cursor key,
 * research keys), and the database needs the master key beside it.
 */
class SecretsAtRestTest {

    static final String SIGNING = "export-signing-ed25519";

    @Test
    void r13TheDataFolderHoldsNoSecretInPlainTextAndIsItsOwnersAlone(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("platform");
        MutableClock clock = MutableClock.systemNow();
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE, clock)) {
            TestApi api = new TestApi(platform.baseUri(), clock);
            // the second factor works: the secret opened with the master key is the sandbox's
            assertThat(api.get(ApiPaths.ME, api.signIn("nb-security")).status()).isEqualTo(200);
            new ResearchRepository(new Jdbc(platform.database().dataSource()), MasterKey.forDataDir(data).box())
                    .storeStableKey("northbridge", "research-key-in-the-clear-0123456789abcdef", Instant.now());
        }
        List<byte[]> secrets = secretsOf(data);
        secrets.add("research-key-in-the-clear-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        byte[][] files = contents(data);
        // the search works: what is not secret is found as written
        assertThat(anyContains(files, "Priya Raman".getBytes(StandardCharsets.UTF_8))).as("control").isTrue();
        for (byte[] secret : secrets) {
            assertThat(anyContains(files, secret)).as(new String(secret, StandardCharsets.ISO_8859_1)).isFalse();
        }
        assertOwnerOnly(data);
    }

    @Test
    void r13AnOlderDataFolderIsNarrowedSealedAndGivenAPasswordOnItsNextStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("platform");
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE)) {
            assertThat(platform.baseUri()).isNotNull();
        }
        // What an older version left: secrets in plain text, a database without a password, files for everyone.
        var officer = SandboxCatalog.STAFF.stream().filter(s -> s.username().equals("nb-security")).findFirst()
                .orElseThrow();
        String totp = officer.totpSecret();
        MasterKey key = MasterKey.forDataDir(data);
        try (Database db = Database.embedded(data)) {
            Jdbc jdbc = new Jdbc(db.dataSource());
            String signing = new PlatformSecrets(jdbc, Clock.systemUTC(), key.box()).getOrCreate(SIGNING, () -> "");
            jdbc.update("UPDATE platform_secret SET secret = ? WHERE name = ?", signing, SIGNING);
            jdbc.update("UPDATE staff SET totp_secret = ? WHERE username = 'nb-security'", totp);
            jdbc.update("ALTER USER SA SET PASSWORD ''");
        }
        try (Stream<Path> all = Files.walk(data)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x"
                        : "rw-r--r--"));
            }
        }
        assertThat(anyContains(contents(data), totp.getBytes(StandardCharsets.US_ASCII))).as("set up").isTrue();

        MutableClock clock = MutableClock.systemNow();
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE, clock)) {
            TestApi api = new TestApi(platform.baseUri(), clock);
            assertThat(api.get(ApiPaths.ME, api.signIn("nb-security")).status()).isEqualTo(200);
            assertThat(new Jdbc(platform.database().dataSource()).query("SELECT totp_secret FROM staff WHERE "
                    + "totp_secret IS NOT NULL", rs -> rs.getString(1))).isNotEmpty().allMatch(SecretBox::isSealed);
        }
        for (byte[] secret : secretsOf(data)) {
            assertThat(anyContains(contents(data), secret)).as("after the stop's compaction").isFalse();
        }
        assertThat(anyContains(contents(data), totp.getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertOwnerOnly(data);
    }

    @Test
    void r13AnotherMasterKeyOpensNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("platform");
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE)) {
            assertThat(platform.baseUri()).isNotNull();
        }
        Files.writeString(data.resolve(MasterKey.FILE), MasterKey.generate());
        assertThatThrownBy(() -> Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE)).hasStackTraceContaining("does not open with the master key");
    }

    /** Rotation: the old key kept as platform.key.previous for one start; everything is sealed anew, then it goes. */
    @Test
    void r13AMasterKeyIsRotatedByKeepingTheOldOneForOneStart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("platform");
        MutableClock clock = MutableClock.systemNow();
        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE, clock)) {
            new ResearchRepository(new Jdbc(platform.database().dataSource()), MasterKey.forDataDir(data).box())
                    .storeStableKey("northbridge", "a-research-key", Instant.now());
        }
        String before = Files.readString(data.resolve(MasterKey.FILE));
        Files.move(data.resolve(MasterKey.FILE), data.resolve(MasterKey.PREVIOUS_FILE));

        try (Platform platform = Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE, clock)) {
            TestApi api = new TestApi(platform.baseUri(), clock);
            assertThat(api.get(ApiPaths.ME, api.signIn("nb-security")).status()).isEqualTo(200);
            assertThat(new ResearchRepository(new Jdbc(platform.database().dataSource()),
                    MasterKey.forDataDir(data).box()).stableKey("northbridge")).contains("a-research-key");
        }
        assertThat(data.resolve(MasterKey.PREVIOUS_FILE)).doesNotExist();
        assertThat(Files.readString(data.resolve(MasterKey.FILE))).isNotEqualTo(before);
        assertOwnerOnly(data);
        // the old key opens nothing any more
        Files.writeString(data.resolve(MasterKey.FILE), before);
        assertThatThrownBy(() -> Platform.start(PlatformConfig.embedded(data, 0).withLearners(300),
                StartupListener.NONE)).hasStackTraceContaining("does not open with the master key");
    }

    @Test
    void aSealedSecretOpensOnlyInItsPlaceAndUntouched() {
        SecretBox box = MasterKey.of(new byte[32]).box();
        String sealed = box.seal("staff.totp_secret:a", "JBSWY3DPEHPK3PXP");
        assertThat(sealed).startsWith("sealed:v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.open("staff.totp_secret:a", sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("staff.totp_secret:a", "JBSWY3DPEHPK3PXP")).as("a fresh nonce each time")
                .isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open("staff.totp_secret:b", sealed)).as("moved to another row")
                .isInstanceOf(IllegalStateException.class);
        char[] c = sealed.toCharArray();
        c[20] = c[20] == 'A' ? 'B' : 'A';
        assertThatThrownBy(() -> box.open("staff.totp_secret:a", new String(c))).as("tampered")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> MasterKey.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> MasterKey.of(other).box().open("staff.totp_secret:a", sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    /** Every secret the sandbox's database keeps, as text and as raw bytes where it is a key. */
    private static List<byte[]> secretsOf(Path data) {
        List<byte[]> out = new ArrayList<>();
        for (var s : SandboxCatalog.STAFF) {
            if (s.totpSecret() != null) {
                out.add(s.totpSecret().getBytes(StandardCharsets.US_ASCII));
            }
        }
        try (Database db = Database.embedded(data)) {
            PlatformSecrets secrets = new PlatformSecrets(new Jdbc(db.dataSource()), Clock.systemUTC(),
                    MasterKey.forDataDir(data).box());
            String pair = secrets.getOrCreate(SIGNING, () -> {
                throw new AssertionError("the platform made its signing key");
            });
            String pkcs8 = pair.split(":")[0];
            out.add(pkcs8.getBytes(StandardCharsets.US_ASCII));
            out.add(Base64.getDecoder().decode(pkcs8));
            String cursor = Base64.getEncoder().encodeToString(secrets.cursorKey());
            out.add(cursor.getBytes(StandardCharsets.US_ASCII));
            out.add(secrets.cursorKey());
        }
        return out;
    }

    private static byte[][] contents(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            List<byte[]> out = new ArrayList<>();
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                if (!p.getFileName().toString().equals(MasterKey.FILE)) {
                    out.add(Files.readAllBytes(p));
                }
            }
            return out.toArray(byte[][]::new);
        }
    }

    private static boolean anyContains(byte[][] files, byte[] needle) {
        for (byte[] f : files) {
            outer:
            for (int i = 0; i + needle.length <= f.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (f[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private static void assertOwnerOnly(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                assertThat(OwnerOnly.isOwnerOnly(p)).as(p + " " + PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(p))).isTrue();
            }
        }
    }
}
