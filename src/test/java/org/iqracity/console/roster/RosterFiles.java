package org.iqracity.console.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;

/** Builds rosters for tests, signed by a key the test holds, the way the platform signs its streams. */
final class RosterFiles {
    static final List<String> FIELDS = List.of("course_id", "username", "name", "email", "progress");
    static final KeyPair PLATFORM = ed25519();

    private RosterFiles() {
    }

    static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<List<String>> rows(String course, int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(List.of(course, "user" + i, i % 7 == 0 ? "Zoë \"Z\" O'Brien, Jr." : "Learner " + i,
                    "user" + i + "@example.org", Double.toString(i / (double) n)));
        }
        return out;
    }

    static byte[] write(RosterProtection protection, Instant expiresAt, KeyPair signer, int formatVersion,
                        List<String> courses, int rowsPerCourse) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<RosterManifest.CourseEntry> entries = new ArrayList<>();
        try (RosterWriter w = RosterWriter.open(out, FIELDS, protection)) {
            for (String course : courses) {
                w.beginCourse();
                for (List<String> r : rows(course, rowsPerCourse)) {
                    w.row(r);
                }
                RosterWriter.CourseDigest d = w.endCourse();
                String at = "2026-11-29T10:00:00Z";
                entries.add(new RosterManifest.CourseEntry(course, "Course " + course, at, "nb-admin", d.rowCount(),
                        d.sha256(),
                        sign(signer, course, at, d)));
            }
            w.finish(new RosterManifest(formatVersion, "northbridge", "Northbridge University", "nb-admin",
                    "Nora Whitfield", Instant.parse("2026-11-29T10:00:00Z"), expiresAt, FIELDS, 0, null, "test-key",
                    entries));
        }
        return out.toByteArray();
    }

    /**
     * A one-course roster whose signature names {@code signedExporter} (null: signed the way rosters were before
     * the exporter was) and whose manifest entry says {@code claimedExporter}.
     */
    static byte[] writeWithExporters(RosterProtection protection, Instant expiresAt, String signedExporter,
                                     String claimedExporter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String course = "course-v1:Northbridge+CS101+2026_T1";
        String at = "2026-11-29T10:00:00Z";
        try (RosterWriter w = RosterWriter.open(out, FIELDS, protection)) {
            w.beginCourse();
            for (List<String> r : rows(course, 12)) {
                w.row(r);
            }
            RosterWriter.CourseDigest d = w.endCourse();
            String signature;
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(PLATFORM.getPrivate());
                s.update(RosterCanon.signedPayload("northbridge", course, at, signedExporter,
                        FIELDS.stream().map(f -> RosterField.byColumn(f).orElseThrow()).toList(), d.rowCount(),
                        d.sha256()));
                signature = Base64.getEncoder().encodeToString(s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            w.finish(new RosterManifest(1, "northbridge", "Northbridge University", "nb-admin", "Nora Whitfield",
                    Instant.parse(at), expiresAt, FIELDS, 0, null, "test-key", List.of(new RosterManifest.CourseEntry(
                    course, "Course", at, claimedExporter, d.rowCount(), d.sha256(), signature))));
        }
        return out.toByteArray();
    }

    /**
     * A one-course roster of a view of the course: its rows in the view's order (usernames descending), signed over
     * {@code signedView}, its manifest entry saying {@code claimedView}, in format {@code formatVersion}.
     */
    static byte[] writeView(String signedView, String claimedView, int formatVersion) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String course = "course-v1:Northbridge+CS101+2026_T1";
        String at = "2026-11-29T10:00:00Z";
        try (RosterWriter w = RosterWriter.open(out, FIELDS, RosterProtection.passphrase(RosterFileTest.PASS))) {
            w.beginCourse();
            for (List<String> r : rows(course, 12).reversed()) {
                w.row(r);
            }
            RosterWriter.CourseDigest d = w.endCourse();
            String signature;
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(PLATFORM.getPrivate());
                s.update(RosterCanon.signedPayload("northbridge", course, at, "nb-admin", signedView,
                        FIELDS.stream().map(f -> RosterField.byColumn(f).orElseThrow()).toList(), d.rowCount(),
                        d.sha256()));
                signature = Base64.getEncoder().encodeToString(s.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            w.finish(new RosterManifest(formatVersion, "northbridge", "Northbridge University", "nb-admin",
                    "Nora Whitfield", Instant.parse(at), RosterFileTest.LATER, FIELDS, 0, null, "test-key",
                    List.of(new RosterManifest.CourseEntry(course, "Course", at, "nb-admin", claimedView,
                            d.rowCount(), d.sha256(), signature))));
        }
        return out.toByteArray();
    }

    /** The manifest of a roster of two whole courses, as {@link #write} makes it. */
    static RosterManifest writeManifestOfWholeCourses() {
        return new RosterManifest(1, "northbridge", "Northbridge University", "nb-admin", "Nora Whitfield",
                Instant.parse("2026-11-29T10:00:00Z"), RosterFileTest.LATER, FIELDS, 20, "ab", "test-key", List.of(
                new RosterManifest.CourseEntry("a", "A", "2026-11-29T10:00:00Z", "nb-admin", 10, "ab", "sig"),
                new RosterManifest.CourseEntry("b", "B", "2026-11-29T10:00:00Z", "nb-admin", 10, "ab", "sig")));
    }

    static String sign(KeyPair signer, String course, String at, RosterWriter.CourseDigest d) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(signer.getPrivate());
            s.update(RosterCanon.signedPayload("northbridge", course, at, "nb-admin",
                    FIELDS.stream().map(f -> RosterField.byColumn(f).orElseThrow()).toList(), d.rowCount(),
                            d.sha256()));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
