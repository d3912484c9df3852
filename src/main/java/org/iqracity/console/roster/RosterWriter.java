package org.iqracity.console.roster;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.SymmetricKeyAlgorithmTags;
import org.bouncycastle.openpgp.PGPEncryptedDataGenerator;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPLiteralDataGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.operator.bc.BcPBEKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPublicKeyKeyEncryptionMethodGenerator;
import org.bouncycastle.openpgp.operator.jcajce.JcePGPDataEncryptorBuilder;
import org.iqracity.console.api.RosterCanon;

/**
 * Writes an {@code .iqroster}: an OpenPGP message (AES-256, integrity-protected, readable by GnuPG 2.2) holding a
 * ZIP with {@code roster.csv}, {@code manifest.json} and {@code README.txt}. Rows stream through: nothing but the
 * current row is held in memory.
 *
 * <p>Use: {@link #open}, then for each course {@link #beginCourse}, {@link #row} for each row, {@link #endCourse}
 * with the platform's summary, then {@link #finish} with the manifest's remaining facts. {@link #close} without
 * finish leaves an unusable file: callers write to a temporary file and move it into place only on success.
 */
public final class RosterWriter implements AutoCloseable {
    /** S2K iteration count byte: about 33 million bytes hashed per passphrase attempt. */
    private static final int S2K_COUNT = 0xF0;
    static final String CSV = "roster.csv";
    static final String JDK_PROVIDER = "SunJCE";
    static final String MANIFEST = "manifest.json";
    static final String README = "README.txt";

    private final OutputStream encrypted;
    private final OutputStream literal;
    private final ZipOutputStream zip;
    private final OutputStream csv;
    private final MessageDigest fileDigest = sha256();
    private final MessageDigest courseDigest = sha256();
    private final List<String> fields;
    private final PGPEncryptedDataGenerator encryptor;
    private final PGPLiteralDataGenerator literalGenerator = new PGPLiteralDataGenerator();
    private long rows;
    private long courseRows;

    private RosterWriter(OutputStream out, List<String> fields, RosterProtection protection) throws IOException {
        this.fields = List.copyOf(fields);
        try {
            // The bulk cipher through the JDK's provider, whose AES runs on the processor's AES instructions (about
            // three times BouncyCastle's own engine here); the packets are the same, GnuPG reads either.
            encryptor = new PGPEncryptedDataGenerator(new JcePGPDataEncryptorBuilder(SymmetricKeyAlgorithmTags.AES_256)
                    .setProvider(JDK_PROVIDER).setWithIntegrityPacket(true).setSecureRandom(new SecureRandom()));
            if (protection.passphrase() != null && protection.passphrase().length > 0) {
                encryptor.addMethod(new BcPBEKeyEncryptionMethodGenerator(protection.passphrase(),
                        new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA256), S2K_COUNT));
            }
            for (PGPPublicKey key : protection.recipients()) {
                encryptor.addMethod(new BcPublicKeyKeyEncryptionMethodGenerator(key));
            }
            encrypted = encryptor.open(out, new byte[1 << 16]);
        } catch (PGPException e) {
            throw new IOException("could not start encryption", e);
        }
        literal = literalGenerator.open(encrypted, PGPLiteralData.BINARY, "roster.zip", new Date(), new byte[1 << 16]);
        zip = new ZipOutputStream(literal, StandardCharsets.UTF_8);
        // Deflate's fastest level: about five times the default's speed for a CSV a quarter larger, which matters
        // more at a million rows than the bytes do.
        zip.setLevel(Deflater.BEST_SPEED);
        zip.putNextEntry(new ZipEntry(CSV));
        // Rows reach the deflater in 64 KiB blocks, not one call per row.
        csv = new DigestingStream(new BufferedOutputStream(zip, 1 << 16), fileDigest);
        csv.write(RosterCanon.csvLine(this.fields).getBytes(StandardCharsets.UTF_8));
    }

    public static RosterWriter open(OutputStream out, List<String> fields, RosterProtection protection)
            throws IOException {
        return new RosterWriter(out, fields, protection);
    }

    public void beginCourse() {
        courseDigest.reset();
        courseRows = 0;
    }

    public void row(List<String> values) throws IOException {
        if (values.size() != fields.size()) {
            throw new IllegalArgumentException("row has " + values.size() + " values for " + fields.size() + " fields");
        }
        byte[] line = RosterCanon.csvLine(values).getBytes(StandardCharsets.UTF_8);
        courseDigest.update(line);
        csv.write(line);
        rows++;
        courseRows++;
    }

    /** The SHA-256 (hex) and count of the current course's rows, to compare with what the platform signed. */
    public CourseDigest endCourse() {
        return new CourseDigest(courseRows, HexFormat.of().formatHex(courseDigest.digest()));
    }

    public record CourseDigest(long rowCount, String sha256) {
    }

    public long rows() {
        return rows;
    }

    /**
     * Writes the manifest (with the file's row count and hash filled in) and the README, and seals the message. The
     * draft's format version is kept when set, so tests can make files of a future format.
     */
    public RosterManifest finish(RosterManifest draft) throws IOException {
        csv.flush();
        zip.closeEntry();
        int version = draft.formatVersion() > 0 ? draft.formatVersion() : RosterManifest.FORMAT_VERSION;
        RosterManifest manifest = new RosterManifest(version, draft.memberId(),
                draft.memberName(), draft.exportedBy(), draft.exportedByName(), draft.exportedAt(), draft.expiresAt(),
                fields, rows, HexFormat.of().formatHex(fileDigest.digest()), draft.platformKeyId(), draft.courses());
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(RosterJson.write(manifest));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry(README));
        zip.write(RosterReadme.text(manifest).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        literal.close();
        encrypted.close();
        return manifest;
    }

    @Override
    public void close() throws IOException {
        // Closing what finish() already closed is harmless; closing early leaves a file the reader refuses.
        literalGenerator.close();
        try {
            encryptor.close();
        } catch (IOException ignored) {
            // already closed by finish()
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Passes bytes on and into a digest, without closing what it wraps. */
    private static final class DigestingStream extends FilterOutputStream {
        private final MessageDigest digest;

        DigestingStream(OutputStream out, MessageDigest digest) {
            super(out);
            this.digest = digest;
        }

        @Override
        public void write(int b) throws IOException {
            digest.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            digest.update(b, off, len);
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
