package org.iqracity.console.roster;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.bouncycastle.openpgp.PGPCompressedData;
import org.bouncycastle.openpgp.PGPEncryptedData;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPPublicKeyEncryptedData;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.operator.bc.BcKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.bc.BcPBESecretKeyDecryptorBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPDigestCalculatorProviderBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBEDataDecryptorFactoryBuilder;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.roster.RosterFileException.Kind;

/**
 * Opens an {@code .iqroster}: decrypts, checks integrity, streams the rows to a sink, then checks the manifest
 * against the rows and the platform's signatures against a pinned key. The sink must throw away what it got when
 * this throws: rows are only trustworthy once {@link #read} returns.
 */
public final class RosterReader {
    /** Receives the roster as it is read. */
    public interface RowSink {
        void header(List<String> fields);

        void row(List<String> values);
    }

    /**
     * What the person can use to open the file: the roster's passphrase, or the secret keys of a key file with the
     * passphrase that unlocks them ({@link #secretKeys}). With secret keys, the passphrase is the key's, not the
     * roster's, and only the key the file was encrypted to is unlocked.
     */
    public record Key(char[] passphrase, List<PGPSecretKey> secretKeys) {
        public Key {
            secretKeys = List.copyOf(secretKeys);
        }

        public static Key passphrase(char[] passphrase) {
            return new Key(passphrase, List.of());
        }

        /**
         * The secret keys in an OpenPGP key file, armored or binary, as {@code gpg --export-secret-keys} writes it;
         * {@code keyPassphrase} unlocks the one needed (empty for a key without one).
         */
        public static Key secretKeys(InputStream keyFile, char[] keyPassphrase) throws RosterFileException {
            List<PGPSecretKey> keys = new ArrayList<>();
            try {
                var rings = new PGPSecretKeyRingCollection(PGPUtil.getDecoderStream(keyFile),
                        new BcKeyFingerprintCalculator());
                rings.getKeyRings().forEachRemaining(ring -> ring.getSecretKeys().forEachRemaining(k -> {
                    if (!k.isPrivateKeyEmpty() && k.getPublicKey().isEncryptionKey()) {
                        keys.add(k);
                    }
                }));
            } catch (IOException | PGPException | RuntimeException e) {
                throw new RosterFileException(Kind.NOT_A_KEY, "This is not an OpenPGP private key.", e);
            }
            if (keys.isEmpty()) {
                throw new RosterFileException(Kind.NOT_A_KEY, "This file holds no private key that can decrypt.");
            }
            return new Key(keyPassphrase, keys);
        }
    }

    /** The manifest, and whether the platform's signatures could be checked (they hold if this is returned). */
    public record Opened(RosterManifest manifest, boolean signaturesVerified) {
    }

    private RosterReader() {
    }

    /**
     * @param platformKey the platform key pinned at the last sign-in, or null when none is known (the file is then
     *                    opened but reported as unverified)
     */
    public static Opened read(InputStream file, Key key, PublicKey platformKey, Clock clock, RowSink sink)
            throws RosterFileException, IOException {
        return readPinned(file, key, keyId -> platformKey, clock, sink);
    }

    /**
     * Like {@link #read(InputStream, Key, PublicKey, Clock, RowSink)}, for a console that has pinned the keys of
     * several platforms: the key is looked up by the manifest's {@code platformKeyId}; null means none is known.
     */
    public static Opened readPinned(InputStream file, Key key,
                                    Function<String, PublicKey> platformKeys,
                                    Clock clock, RowSink sink) throws RosterFileException, IOException {
        try {
            InputStream clear = decrypt(new BufferedInputStream(file, 1 << 16), key);
            return readZip(clear, platformKeys, clock, sink);
        } catch (PGPException e) {
            throw new RosterFileException(Kind.DAMAGED, "The file is damaged or was changed after it was exported.", e);
        } catch (ZipException | EOFException e) {
            throw new RosterFileException(Kind.DAMAGED, "The file is incomplete or damaged.", e);
        }
    }

    private static InputStream decrypt(InputStream in, Key key) throws IOException, PGPException, RosterFileException {
        Object first;
        try {
            first = new BcPGPObjectFactory(PGPUtil.getDecoderStream(in)).nextObject();
        } catch (IOException | RuntimeException e) {
            throw new RosterFileException(Kind.NOT_A_ROSTER, "This is not an exported roster.", e);
        }
        if (!(first instanceof PGPEncryptedDataList list)) {
            throw new RosterFileException(Kind.NOT_A_ROSTER, "This is not an exported roster.");
        }
        for (Object o : list) {
            if (o instanceof PGPPublicKeyEncryptedData pk) {
                for (PGPSecretKey secret : key.secretKeys()) {
                    if (secret.getKeyID() == pk.getKeyIdentifier().getKeyId()) {
                        PGPKeyPair pair = new PGPKeyPair(secret.getPublicKey(), unlock(secret, key.passphrase()));
                        return checked(pk, pk.getDataStream(new BcPublicKeyDataDecryptorFactory(pair)));
                    }
                }
            }
        }
        if (!key.secretKeys().isEmpty()) {
            throw new RosterFileException(Kind.NO_MATCHING_KEY, "This file was not encrypted to this key.");
        }
        if (key.passphrase() != null && key.passphrase().length > 0) {
            for (Object o : list) {
                if (o instanceof PGPPBEEncryptedData pbe) {
                    try {
                        // As when writing: the JDK's AES, on the processor's AES instructions.
                        return checked(pbe, pbe.getDataStream(new JcePBEDataDecryptorFactoryBuilder(
                                new JcaPGPDigestCalculatorProviderBuilder().build())
                                .setProvider(RosterWriter.JDK_PROVIDER).build(key.passphrase())));
                    } catch (PGPException e) {
                        throw new RosterFileException(Kind.WRONG_PASSPHRASE, "The passphrase is not correct.", e);
                    }
                }
            }
            throw new RosterFileException(Kind.NO_MATCHING_KEY,
                    "This file was not encrypted to a passphrase. Open it with your private key.");
        }
        throw new RosterFileException(Kind.NO_MATCHING_KEY, "None of your keys can open this file.");
    }

    private static PGPPrivateKey unlock(PGPSecretKey secret, char[] passphrase) throws RosterFileException {
        try {
            return secret.extractPrivateKey(new BcPBESecretKeyDecryptorBuilder(new BcPGPDigestCalculatorProvider())
                    .build(passphrase == null ? new char[0] : passphrase));
        } catch (PGPException e) {
            throw new RosterFileException(Kind.WRONG_KEY_PASSPHRASE, "The passphrase does not unlock this key.", e);
        }
    }

    private static InputStream checked(PGPEncryptedData data, InputStream clear)
            throws IOException, PGPException, RosterFileException {
        if (!data.isIntegrityProtected()) {
            throw new RosterFileException(Kind.DAMAGED, "The file is not integrity-protected.");
        }
        Object inner = new BcPGPObjectFactory(clear).nextObject();
        if (inner instanceof PGPCompressedData compressed) {
            inner = new BcPGPObjectFactory(compressed.getDataStream()).nextObject();
        }
        if (!(inner instanceof PGPLiteralData literal)) {
            throw new RosterFileException(Kind.NOT_A_ROSTER, "This is not an exported roster.");
        }
        return new IntegrityCheckingStream(literal.getInputStream(), data);
    }

    /** Verifies OpenPGP's modification detection code once the content has been read to the end. */
    private static final class IntegrityCheckingStream extends FilterInputStream {
        private final PGPEncryptedData data;

        IntegrityCheckingStream(InputStream in, PGPEncryptedData data) {
            super(in);
            this.data = data;
        }

        void verify() throws IOException, PGPException {
            byte[] rest = new byte[8192];
            while (in.read(rest) >= 0) {
                // drain what the ZIP reader did not need
            }
            if (!data.verify()) {
                throw new PGPException("integrity check failed");
            }
        }
    }

    private static Opened readZip(InputStream clear, Function<String, PublicKey> platformKeys,
                                  Clock clock, RowSink sink)
            throws IOException, RosterFileException, PGPException {
        ZipInputStream zip = new ZipInputStream(clear, StandardCharsets.UTF_8);
        ZipEntry entry = zip.getNextEntry();
        if (entry == null || !RosterWriter.CSV.equals(entry.getName())) {
            throw new RosterFileException(Kind.NOT_A_ROSTER, "The file does not hold a roster.");
        }
        MessageDigest fileDigest = RosterWriter.sha256();
        RowCheck rows = new RowCheck();
        CsvRecords csv = new CsvRecords(new InputStreamReader(new DigestInputStream(zip, fileDigest),
                StandardCharsets.UTF_8));
        List<String> header = csv.next();
        if (header == null) {
            throw new RosterFileException(Kind.DAMAGED, "The roster has no header row.");
        }
        rows.header(header);
        sink.header(header);
        for (List<String> values = csv.next(); values != null; values = csv.next()) {
            if (values.size() != header.size()) {
                throw new RosterFileException(Kind.MANIFEST_MISMATCH, "A row does not have the header's columns.");
            }
            rows.add(values);
            sink.row(values);
        }
        String fileSha = HexFormat.of().formatHex(fileDigest.digest());
        entry = zip.getNextEntry();
        if (entry == null || !RosterWriter.MANIFEST.equals(entry.getName())) {
            throw new RosterFileException(Kind.DAMAGED, "The roster's manifest is missing.");
        }
        RosterManifest manifest;
        try {
            manifest = RosterJson.read(zip.readAllBytes());
        } catch (IOException e) {
            throw new RosterFileException(Kind.DAMAGED, "The roster's manifest is unreadable.", e);
        }
        while (zip.getNextEntry() != null) {
            zip.readAllBytes();
        }
        if (clear instanceof IntegrityCheckingStream check) {
            check.verify();
        }
        if (manifest.formatVersion() > RosterManifest.FORMAT_VERSION) {
            throw new RosterFileException(Kind.NEWER_FORMAT,
                    "This roster was made by a newer version of Member Console. Update the console to open it.");
        }
        if (!fileSha.equals(manifest.sha256()) || manifest.rowCount() != rows.total
                || !header.equals(manifest.fields())) {
            throw new RosterFileException(Kind.MANIFEST_MISMATCH, "The roster does not match its manifest.");
        }
        rows.finishCourse();
        if (!rows.matches(manifest.courses())) {
            throw new RosterFileException(Kind.MANIFEST_MISMATCH, "The roster's courses do not match its manifest.");
        }
        if (manifest.expiresAt() != null && !clock.instant().isBefore(manifest.expiresAt())) {
            throw new RosterFileException(Kind.EXPIRED, "This export expired on " + manifest.expiresAt()
                    + ". Ask for a new export.");
        }
        PublicKey platformKey = platformKeys.apply(manifest.platformKeyId());
        if (platformKey == null) {
            return new Opened(manifest, false);
        }
        for (RosterManifest.CourseEntry c : manifest.courses()) {
            if (!verify(platformKey, manifest, c)) {
                throw new RosterFileException(Kind.SIGNATURE_INVALID,
                        "The platform's signature does not match this roster: it was changed or not made by it.");
            }
        }
        return new Opened(manifest, true);
    }

    private static boolean verify(PublicKey key, RosterManifest m, RosterManifest.CourseEntry c) {
        try {
            List<RosterField> fields = m.fields().stream().map(f -> RosterField.byColumn(f).orElseThrow()).toList();
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(RosterCanon.signedPayload(m.memberId(), c.courseId(), c.exportedAt(), c.exportedBy(), c.view(),
                    fields, c.rowCount(), c.sha256()));
            return s.verify(Base64.getDecoder().decode(c.signature()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /** Recomputes each course's canonical digest from the rows as read. */
    private static final class RowCheck {
        private final List<RosterWriter.CourseDigest> seen = new ArrayList<>();
        private final List<String> seenIds = new ArrayList<>();
        private MessageDigest digest = RosterWriter.sha256();
        private final CanonicalLine line = new CanonicalLine();
        private String current;
        private long count;
        private long total;
        private int courseColumn = -1;

        void header(List<String> header) {
            courseColumn = header.indexOf(RosterField.COURSE_ID.column());
        }

        void add(List<String> values) {
            String course = courseColumn < 0 ? "" : values.get(courseColumn);
            if (current != null && !course.equals(current)) {
                finishCourse();
            }
            current = course;
            line.encode(values);
            digest.update(line.bytes(), 0, line.length());
            count++;
            total++;
        }

        void finishCourse() {
            if (current != null) {
                seenIds.add(current);
                seen.add(new RosterWriter.CourseDigest(count, HexFormat.of().formatHex(digest.digest())));
            }
            digest = RosterWriter.sha256();
            current = null;
            count = 0;
        }

        boolean matches(List<RosterManifest.CourseEntry> courses) {
            List<RosterManifest.CourseEntry> nonEmpty = courses.stream().filter(c -> c.rowCount() > 0).toList();
            if (nonEmpty.size() != seen.size()) {
                return false;
            }
            for (int i = 0; i < seen.size(); i++) {
                RosterManifest.CourseEntry c = nonEmpty.get(i);
                if (!c.courseId().equals(seenIds.get(i)) || c.rowCount() != seen.get(i).rowCount()
                        || !c.sha256().equals(seen.get(i).sha256())) {
                    return false;
                }
            }
            return true;
        }
    }
}
