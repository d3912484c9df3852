package org.iqracity.console.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipInputStream;
import org.iqracity.console.documents.SystemTools;
import org.iqracity.console.roster.RosterFileException.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .iqroster format (R14): encrypted, readable by GnuPG, verified offline, and refusing every kind of bad file. */
class RosterFileTest {
    static final char[] PASS = "correct horse battery staple".toCharArray();
    static final Instant LATER = Instant.parse("2027-01-31T00:00:00Z");
    static final Clock NOW = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    static final List<String> COURSES = List.of("course-v1:Northbridge+CS101+2026_T1",
            "course-v1:Northbridge+DS200+2026_T1");

    static byte[] good() throws IOException {
        return RosterFiles.write(RosterProtection.passphrase(PASS), LATER, RosterFiles.PLATFORM, 1, COURSES, 300);
    }

    static final class Collect implements RosterReader.RowSink {
        List<String> header;
        final List<List<String>> rows = new ArrayList<>();

        @Override
        public void header(List<String> fields) {
            header = fields;
        }

        @Override
        public void row(List<String> values) {
            rows.add(values);
        }
    }

    static RosterReader.Opened open(byte[] file, char[] pass, Collect sink) throws Exception {
        return RosterReader.read(new ByteArrayInputStream(file), RosterReader.Key.passphrase(pass),
                RosterFiles.PLATFORM.getPublic(), NOW, sink);
    }

    @Test
    void r14RoundTripGivesBackEveryRowAndVerifiesThePlatformSignature() throws Exception {
        Collect sink = new Collect();
        RosterReader.Opened opened = open(good(), PASS, sink);
        assertThat(opened.signaturesVerified()).isTrue();
        assertThat(sink.header).isEqualTo(RosterFiles.FIELDS);
        assertThat(sink.rows).hasSize(600);
        assertThat(sink.rows.get(0)).isEqualTo(RosterFiles.rows(COURSES.get(0), 300).get(0));
        assertThat(sink.rows.get(599)).isEqualTo(RosterFiles.rows(COURSES.get(1), 300).get(299));
        assertThat(opened.manifest().exportedBy()).isEqualTo("nb-admin");
        assertThat(opened.manifest().expiresAt()).isEqualTo(LATER);
        assertThat(opened.manifest().rowCount()).isEqualTo(600);
    }

    @Test
    void r14GnuPgDecryptsTheFileWithThePassphraseIntoTheDocumentedZip(@TempDir Path dir) throws Exception {
        assumeTrue(SystemTools.installed("gpg"), SystemTools.missing("gpg", "gnupg"));
        Path file = dir.resolve("roster.iqroster");
        Files.write(file, good());
        Path zip = dir.resolve("roster.zip");
        // The home folder before gpg starts: created after, gpg could look for it first and fail (seen once in CI).
        Files.createDirectories(dir.resolve("gnupg"));
        Process gpg = new ProcessBuilder("gpg", "--batch", "--quiet", "--homedir", dir.resolve("gnupg").toString(),
                "--pinentry-mode", "loopback", "--passphrase-fd", "0", "--output", zip.toString(), "--decrypt",
                file.toString()).redirectErrorStream(true).start();
        gpg.getOutputStream().write((new String(PASS) + "\n").getBytes(StandardCharsets.UTF_8));
        gpg.getOutputStream().close();
        String log = new String(gpg.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gpg.waitFor()).as(log).isZero();
        List<String> names = new ArrayList<>();
        String csv = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
                byte[] content = in.readAllBytes();
                if (e.getName().equals("roster.csv")) {
                    csv = new String(content, StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(names).containsExactly("roster.csv", "manifest.json", "README.txt");
        assertThat(csv).startsWith("course_id,username,name,email,progress\r\n");
        assertThat(csv).contains("\"Zoë \"\"Z\"\" O'Brien, Jr.\"");
        assertThat(csv.split("\r\n")).hasSize(601);
    }

    @Test
    void r14WrongPassphraseIsSaidPlainly() {
        assertThatThrownBy(() -> open(good(), "not it".toCharArray(), new Collect()))
                .isInstanceOf(RosterFileException.class)
                .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.WRONG_PASSPHRASE);
    }

    @Test
    void r14ExpiredExportIsRefused() throws Exception {
        byte[] expired = RosterFiles.write(RosterProtection.passphrase(PASS), Instant.parse("2026-11-30T00:00:00Z"),
                RosterFiles.PLATFORM, 1, COURSES, 10);
        assertThatThrownBy(() -> open(expired, PASS, new Collect()))
                .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.EXPIRED);
    }

    @Test
    void r14ARosterSignedBeforeTheExporterWasSignedStillOpensVerified() throws Exception {
        byte[] old = RosterFiles.writeWithExporters(RosterProtection.passphrase(PASS), LATER, null, null);

        assertThat(open(old, PASS, new Collect()).signaturesVerified()).isTrue();
    }

    @Test
    void r14AnExporterOtherThanTheSignedOneIsRefusedAsAChangedRoster() throws Exception {
        byte[] renamed = RosterFiles.writeWithExporters(RosterProtection.passphrase(PASS), LATER, "nb-admin",
                "nb-security");
        byte[] dropped = RosterFiles.writeWithExporters(RosterProtection.passphrase(PASS), LATER, "nb-admin", null);

        for (byte[] file : List.of(renamed, dropped)) {
            assertThatThrownBy(() -> open(file, PASS, new Collect()))
                    .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.SIGNATURE_INVALID);
        }
        assertThat(open(RosterFiles.writeWithExporters(RosterProtection.passphrase(PASS), LATER, "nb-admin",
                "nb-admin"), PASS, new Collect()).signaturesVerified()).isTrue();
    }

    @Test
    void r14RosterSignedByAnotherKeyIsRefusedAndUnpinnedKeyIsReportedUnverified() throws Exception {
        byte[] forged = RosterFiles.write(RosterProtection.passphrase(PASS), LATER, RosterFiles.ed25519(), 1, COURSES,
                10);
        assertThatThrownBy(() -> open(forged, PASS, new Collect()))
                .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.SIGNATURE_INVALID);
        RosterReader.Opened unpinned = RosterReader.read(new ByteArrayInputStream(good()),
                RosterReader.Key.passphrase(PASS), null, NOW, new Collect());
        assertThat(unpinned.signaturesVerified()).isFalse();
    }

    @Test
    void r14NewerFormatAsksForAnUpdate() throws Exception {
        byte[] newer = RosterFiles.write(RosterProtection.passphrase(PASS), LATER, RosterFiles.PLATFORM,
                RosterManifest.FORMAT_VERSION + 1, COURSES, 5);
        assertThatThrownBy(() -> open(newer, PASS, new Collect()))
                .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.NEWER_FORMAT);
    }

    static final String VIEW = "q=chen&country=DE,KE&sort=-username";

    /** R14: a roster of a Learners screen's view opens verified, names its view, and keeps the view's order. */
    @Test
    void r14ARosterOfAViewOpensVerifiedWithItsViewAndItsRowsInTheirOrder() throws Exception {
        byte[] file = RosterFiles.writeView(VIEW, VIEW, 2);
        Collect sink = new Collect();
        RosterReader.Opened opened = open(file, PASS, sink);

        assertThat(opened.signaturesVerified()).isTrue();
        assertThat(opened.manifest().formatVersion()).isEqualTo(2);
        assertThat(opened.manifest().courses()).singleElement()
                .satisfies(c -> assertThat(c.view()).isEqualTo(VIEW));
        assertThat(sink.rows).extracting(r -> r.get(1)).startsWith("user11", "user10", "user9").endsWith("user0");
        assertThat(RosterReadme.text(opened.manifest())).contains("(12 learners of the view " + VIEW
                + ", in its order)").contains("query string");
        assertThat(RosterReadme.text(RosterFiles.writeManifestOfWholeCourses())).doesNotContain("of the view")
                .doesNotContain("query string");
    }

    /** R14: the view is signed with the rows: another view, or none (a whole course claimed), fails the signature. */
    @Test
    void r14AViewOtherThanTheSignedOneIsRefusedAsAChangedRoster() {
        for (String claimed : new String[] {"q=chen&sort=-username", "country=DE,KE&sort=-username", null}) {
            assertThatThrownBy(() -> open(RosterFiles.writeView(VIEW, claimed, 2), PASS, new Collect()))
                    .as(String.valueOf(claimed))
                    .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.SIGNATURE_INVALID);
        }
    }

    /** Rosters of whole courses stay in the first format, which consoles from before views still open. */
    @Test
    void aRosterOfWholeCoursesIsWrittenInTheFormatOlderConsolesRead() {
        var whole = new RosterManifest.CourseEntry("c", "C", "2026-11-29T10:00:00Z", "nb-admin", 3, "ab", "sig");
        var view = new RosterManifest.CourseEntry("c", "C", "2026-11-29T10:00:00Z", "nb-admin", VIEW, 3, "ab", "sig");
        assertThat(RosterManifest.formatFor(List.of(whole, whole))).isEqualTo(1);
        assertThat(RosterManifest.formatFor(List.of(whole, view))).isEqualTo(2);
    }

    @Test
    void r14TruncatedFilesAreRefusedAtEveryLength() throws Exception {
        byte[] file = good();
        for (int cut : new int[] {0, 1, 10, 100, file.length / 3, file.length / 2, file.length - 40, file.length - 1}) {
            byte[] part = Arrays.copyOf(file, cut);
            assertThatThrownBy(() -> open(part, PASS, new Collect())).as("cut at " + cut)
                    .isInstanceOf(RosterFileException.class)
                    .extracting(e -> ((RosterFileException) e).kind())
                    .isIn(Kind.DAMAGED, Kind.NOT_A_ROSTER, Kind.WRONG_PASSPHRASE);
        }
    }

    @Test
    void r14AnyFlippedByteIsDetected() throws Exception {
        byte[] file = good();
        Random random = new Random(14);
        for (int i = 0; i < 24; i++) {
            byte[] copy = file.clone();
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
            assertThatThrownBy(() -> open(copy, PASS, new Collect())).as("flip at " + at)
                    .isInstanceOf(RosterFileException.class);
        }
    }

    @Test
    void r14ThingsThatAreNotRostersAreSaidToBeSo() {
        for (byte[] junk : List.of(new byte[0], "hello, this is a CSV,1,2\r\n".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0x89, 'P', 'N', 'G'}, new Random(1).ints(4096, 0, 256).collect(
                        ByteArrayOutputStream::new, (o, v) -> o.write(v), (a, b) -> { }).toByteArray())) {
            assertThatThrownBy(() -> open(junk, PASS, new Collect())).isInstanceOf(RosterFileException.class)
                    .extracting(e -> ((RosterFileException) e).kind()).isIn(Kind.NOT_A_ROSTER, Kind.DAMAGED);
        }
    }

    @Test
    void r14ManifestThatDoesNotMatchTheRowsIsRefused() throws Exception {
        // A roster whose manifest claims another course's digest: as if rows were swapped after signing.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RosterWriter w = RosterWriter.open(out, RosterFiles.FIELDS, RosterProtection.passphrase(PASS))) {
            w.beginCourse();
            for (List<String> r : RosterFiles.rows(COURSES.get(0), 20)) {
                w.row(r);
            }
            RosterWriter.CourseDigest real = w.endCourse();
            RosterWriter.CourseDigest claimed = new RosterWriter.CourseDigest(real.rowCount(), "0".repeat(64));
            String at = "2026-11-29T10:00:00Z";
            w.finish(new RosterManifest(1, "northbridge", "Northbridge University", "nb-admin", "Nora Whitfield",
                    Instant.parse(at), LATER, RosterFiles.FIELDS, 0, null, "k", List.of(new RosterManifest.CourseEntry(
                    COURSES.get(0), "t", at, "nb-admin", claimed.rowCount(), claimed.sha256(),
                    RosterFiles.sign(RosterFiles.PLATFORM, COURSES.get(0), at, claimed)))));
        }
        assertThatThrownBy(() -> open(out.toByteArray(), PASS, new Collect()))
                .extracting(e -> ((RosterFileException) e).kind()).isEqualTo(Kind.MANIFEST_MISMATCH);
    }
}
