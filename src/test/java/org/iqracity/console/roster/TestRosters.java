package org.iqracity.console.roster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.SigningKeyDto;

/** Generated rosters, signed the way the platform signs, for the offline review tests. */
public final class TestRosters {
    public static final List<String> FIELDS = List.of("course_id", "username", "name", "email", "progress", "passed",
            "retired");
    /** Every column a roster may carry, in the platform's order. */
    public static final List<String> EVERY_FIELD = Arrays.stream(RosterField.values()).map(RosterField::column)
            .toList();
    public static final KeyPair PLATFORM = ed25519();
    public static final String KEY_ID = "0123456789abcdef";
    private static final String[] FIRST = {"Amina", "Bruno", "Chen", "Dara", "Elif", "Femi", "Greta", "Hugo"};
    private static final String[] LAST = {"Okafor", "Silva", "Wang", "Kelly", "Yilmaz", "Adeyemi", "Berg", "Martin"};

    private TestRosters() {
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SigningKeyDto pinnable() {
        return new SigningKeyDto("Ed25519", KEY_ID,
                Base64.getEncoder().encodeToString(PLATFORM.getPublic().getEncoded()));
    }

    /** Rows in the file's order: by course, then by username. Every 50th account is retired. */
    public static List<List<String>> rows(String course, int n) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean retired = i % 50 == 49;
            String first = FIRST[(i * 7) % FIRST.length];
            String last = LAST[(i * 3 + i / 8) % LAST.length];
            out.add(List.of(course, retired ? "retired_user_" + String.format("%06d", i)
                            : "user" + String.format("%06d", i), retired ? "" : first + " " + last,
                    retired ? "" : first.toLowerCase() + "." + i + "@example.org",
                    Double.toString((i * 37 % 101) / 100.0), Boolean.toString(i % 3 == 0), Boolean.toString(retired)));
        }
        return out;
    }

    public static Path write(Path file, char[] passphrase, Instant expiresAt, List<String> courses, int rowsPerCourse)
            throws IOException {
        return write(file, RosterProtection.passphrase(passphrase), expiresAt, courses, rowsPerCourse);
    }

    public static Path write(Path file, RosterProtection protection, Instant expiresAt, List<String> courses,
                      int rowsPerCourse) throws IOException {
        return write(file, protection, expiresAt, FIELDS, courses, course -> rows(course, rowsPerCourse));
    }

    /** Every field a roster may carry ({@link #EVERY_FIELD}), as the platform writes them, in one course. */
    public static Path writeEveryField(Path file, char[] passphrase, Instant expiresAt, String course, int rows)
            throws IOException {
        return write(file, RosterProtection.passphrase(passphrase), expiresAt, EVERY_FIELD, List.of(course),
                c -> everyFieldRows(c, rows));
    }

    /** Rows of {@link #EVERY_FIELD}: numbers, modes, yes and no, and times as the platform's roster holds them. */
    public static List<List<String>> everyFieldRows(String course, int n) {
        String[] modes = {"AUDIT", "VERIFIED", "HONOR", "PROFESSIONAL"};
        List<List<String>> out = new ArrayList<>();
        for (List<String> r : rows(course, n)) {
            int i = out.size();
            boolean retired = Boolean.parseBoolean(r.get(6));
            out.add(List.of(course, "learner-" + i, r.get(1), r.get(2), r.get(3), retired ? "" : "NG",
                    retired ? "" : "Africa", retired ? "" : "en", retired ? "" : Integer.toString(1980 + i % 30),
                    retired ? "" : "f", retired ? "" : "b", modes[i % modes.length],
                    Instant.parse("2026-01-05T10:00:00Z").plusSeconds(3_600L * i).toString(),
                    Boolean.toString(i % 4 != 0), r.get(4), Double.toString((i * 53 % 101) / 100.0), r.get(5),
                    Boolean.toString(i % 5 == 0), i % 7 == 0 ? "" : "2026-02-2" + (i % 9) + "T08:30:00Z",
                    Integer.toString(i % 40), Boolean.toString(i % 6 == 0), r.get(6)));
        }
        return out;
    }

    private static Path write(Path file, RosterProtection protection, Instant expiresAt, List<String> fields,
                              List<String> courses, Function<String, List<List<String>>> rowsOf) throws IOException {
        List<RosterManifest.CourseEntry> entries = new ArrayList<>();
        try (OutputStream out = Files.newOutputStream(file);
             RosterWriter w = RosterWriter.open(out, fields, protection)) {
            for (String course : courses) {
                w.beginCourse();
                for (List<String> r : rowsOf.apply(course)) {
                    w.row(r);
                }
                RosterWriter.CourseDigest d = w.endCourse();
                String at = "2026-03-01T09:00:00Z";
                entries.add(new RosterManifest.CourseEntry(course, "Course " + course, at, "nb-admin", d.rowCount(),
                        d.sha256(),
                        sign(fields, course, at, d)));
            }
            w.finish(new RosterManifest(RosterManifest.FORMAT_VERSION, "northbridge", "Northbridge University",
                    "nb-admin", "Nora Whitfield", Instant.parse("2026-03-01T09:00:00Z"), expiresAt, fields, 0, null,
                    KEY_ID, entries));
        }
        return file;
    }

    private static String sign(List<String> fields, String course, String at, RosterWriter.CourseDigest d) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(PLATFORM.getPrivate());
            s.update(RosterCanon.signedPayload("northbridge", course, at, "nb-admin",
                    fields.stream().map(f -> RosterField.byColumn(f).orElseThrow()).toList(), d.rowCount(),
                            d.sha256()));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
