package org.iqracity.console.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPPublicKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.iqracity.console.documents.SystemTools;
import org.iqracity.console.roster.RosterFileException.Kind;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rosters encrypted to colleagues' OpenPGP keys (R14), with keys GnuPG made: GnuPG decrypts them with its own secret
 * key, and the console opens them with the key file GnuPG exports and that key's passphrase.
 */
class RosterKeyFileTest {
    private static final String KEY_PASS = "the key's own passphrase";

    @TempDir
    static Path dir;
    private static Path home;
    private static byte[] publicKey;
    private static byte[] secretKey;
    private static byte[] otherSecretKey;

    @BeforeAll
    static void gnupgMakesTwoColleagues() throws Exception {
        assumeTrue(SystemTools.installed("gpg"), SystemTools.missing("gpg", "gnupg"));
        home = dir.resolve("gnupg");
        Files.createDirectories(home);
        gpg("--passphrase", KEY_PASS, "--quick-generate-key", "Ada Reviewer <ada@northbridge.example>", "default",
                "default", "never");
        gpg("--passphrase", "", "--quick-generate-key", "Other Colleague <other@northbridge.example>", "default",
                "default", "never");
        publicKey = gpg("--armor", "--export", "ada@northbridge.example");
        secretKey = gpg("--passphrase", KEY_PASS, "--armor", "--export-secret-keys", "ada@northbridge.example");
        otherSecretKey = gpg("--passphrase", "", "--armor", "--export-secret-keys", "other@northbridge.example");
        assertThat(new String(secretKey, StandardCharsets.US_ASCII)).contains("BEGIN PGP PRIVATE KEY BLOCK");
    }

    private static byte[] gpg(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gpg", "--batch", "--quiet", "--homedir", home.toString(),
                "--pinentry-mode", "loopback"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(dir, "gpg", ".err");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(Files.readString(err)).isZero();
        return out;
    }

    private static PGPPublicKey encryptionKey(byte[] armored) throws Exception {
        var rings = new PGPPublicKeyRingCollection(PGPUtil.getDecoderStream(new ByteArrayInputStream(armored)),
                new BcKeyFingerprintCalculator());
        for (var ring : rings) {
            for (PGPPublicKey k : ring) {
                if (k.isEncryptionKey() && !k.isMasterKey()) {
                    return k;
                }
            }
        }
        throw new AssertionError("GnuPG made no encryption subkey");
    }

    private static byte[] rosterForAda() throws Exception {
        return RosterFiles.write(new RosterProtection(null, List.of(encryptionKey(publicKey))),
                RosterFileTest.LATER, RosterFiles.PLATFORM, 1, RosterFileTest.COURSES, 120);
    }

    private static RosterReader.Opened open(byte[] roster, byte[] keyFile, String passphrase,
                                            RosterFileTest.Collect sink) throws Exception {
        try (InputStream key = new ByteArrayInputStream(keyFile)) {
            return RosterReader.read(new ByteArrayInputStream(roster),
                    RosterReader.Key.secretKeys(key, passphrase.toCharArray()), RosterFiles.PLATFORM.getPublic(),
                    RosterFileTest.NOW, sink);
        }
    }

    @Test
    void r14GnuPgDecryptsARosterEncryptedToItsKey() throws Exception {
        Path file = dir.resolve("for-ada.iqroster");
        Files.write(file, rosterForAda());
        Path zip = dir.resolve("for-ada.zip");
        gpg("--passphrase", KEY_PASS, "--output", zip.toString(), "--decrypt", file.toString());
        String csv = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals("roster.csv")) {
                    csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(csv).startsWith("course_id,username,name,email,progress\r\n");
        assertThat(csv.split("\r\n")).hasSize(241);
    }

    @Test
    void r14TheConsoleOpensItWithTheExportedSecretKeyAndItsPassphrase() throws Exception {
        RosterFileTest.Collect sink = new RosterFileTest.Collect();
        RosterReader.Opened opened = open(rosterForAda(), secretKey, KEY_PASS, sink);
        assertThat(opened.signaturesVerified()).isTrue();
        assertThat(sink.rows).hasSize(240);
        assertThat(sink.rows.get(0)).isEqualTo(RosterFiles.rows(RosterFileTest.COURSES.get(0), 120).get(0));
    }

    @Test
    void r14AWrongKeyPassphraseIsToldApartFromAWrongKey() throws Exception {
        byte[] roster = rosterForAda();
        assertThatThrownBy(() -> open(roster, secretKey, "not it", new RosterFileTest.Collect()))
                .isInstanceOfSatisfying(RosterFileException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.WRONG_KEY_PASSPHRASE));
        assertThatThrownBy(() -> open(roster, otherSecretKey, "", new RosterFileTest.Collect()))
                .isInstanceOfSatisfying(RosterFileException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.NO_MATCHING_KEY));
    }

    @Test
    void r14APublicKeyOrAnyOtherFileIsNotTakenForAPrivateKey() {
        for (byte[] notAKey : List.of(publicKey, "hello".getBytes(StandardCharsets.UTF_8), new byte[0])) {
            assertThatThrownBy(() -> RosterReader.Key.secretKeys(new ByteArrayInputStream(notAKey), new char[0]))
                    .isInstanceOfSatisfying(RosterFileException.class,
                            e -> assertThat(e.kind()).isEqualTo(Kind.NOT_A_KEY));
        }
    }

    @Test
    void r14AKeyFileDoesNotOpenARosterMadeForAPassphraseAlone() throws Exception {
        byte[] passphraseOnly = RosterFileTest.good();
        assertThatThrownBy(() -> open(passphraseOnly, secretKey, KEY_PASS, new RosterFileTest.Collect()))
                .isInstanceOfSatisfying(RosterFileException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.NO_MATCHING_KEY));
    }
}
