package org.iqracity.console.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.roster.RosterReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export end to end on the real platform: API stream to encrypted file, checked offline, nothing left on failure. */
class RosterExporterTest {
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static final String ENG120 = "course-v1:Northbridge+ENG120+2026_T1";
    static final char[] PASS = "export passphrase 2026".toCharArray();

    static PlatformFixture fixture;
    static HttpPlatformClient client;
    static MeDto me;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.h2();
        client = new HttpPlatformClient(fixture.platform().baseUri(), new okhttp3.OkHttpClient(), Clock.systemUTC());
        me = client.signIn("nb-ta", "sandbox-password", null).staff();
    }

    static long enrolled(String course) {
        return fixture.jdbc().queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1),
                course).orElseThrow();
    }

    RosterExporter.Request request(Path target) {
        return new RosterExporter.Request(List.of(new RosterExporter.Course(DS200, "Data Science", enrolled(DS200)),
                new RosterExporter.Course(ENG120, "Academic Writing", enrolled(ENG120))),
                List.of(RosterField.USERNAME, RosterField.NAME, RosterField.EMAIL, RosterField.PROGRESS,
                        RosterField.GRADE), RosterProtection.passphrase(PASS), Instant.now().plus(Duration.ofDays(30)),
                target);
    }

    @Test
    void r14ExportedFileOpensOfflineWithEveryRowAndAVerifiedSignature(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rosters.iqroster");
        List<Long> progress = new ArrayList<>();
        RosterManifest written = new RosterExporter(Clock.systemUTC()).export(client.rosters(), me, request(file),
                (done, expected) -> progress.add(done), () -> false);
        assertThat(file).exists();
        assertThat(written.rowCount()).isEqualTo(enrolled(DS200) + enrolled(ENG120));
        assertThat(written.exportedBy()).isEqualTo("nb-ta");
        PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(
                Base64.getDecoder().decode(client.signingKey().publicKey())));
        AtomicLong rows = new AtomicLong();
        RosterReader.Opened opened;
        try (InputStream in = Files.newInputStream(file)) {
            opened = RosterReader.read(in, RosterReader.Key.passphrase(PASS), key, Clock.systemUTC(),
                    new RosterReader.RowSink() {
                        @Override
                        public void header(List<String> fields) {
                            assertThat(fields).containsExactly("course_id", "username", "name", "email", "progress",
                                    "grade");
                        }

                        @Override
                        public void row(List<String> values) {
                            rows.incrementAndGet();
                        }
                    });
        }
        assertThat(opened.signaturesVerified()).isTrue();
        assertThat(rows.get()).isEqualTo(written.rowCount());
        assertThat(opened.manifest().courses()).extracting(RosterManifest.CourseEntry::courseId)
                .containsExactly(DS200, ENG120);
        assertThat(progress).isNotEmpty().last().isEqualTo(written.rowCount());
        long logged = fixture.jdbc().queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'ROSTER_EXPORT' AND "
                + "actor_username = 'nb-ta'", rs -> rs.getLong(1)).orElseThrow();
        assertThat(logged).isGreaterThanOrEqualTo(2);
    }

    @Test
    void r14CancelLeavesNoFileBehind(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cancelled.iqroster");
        assertThatThrownBy(() -> new RosterExporter(Clock.systemUTC()).export(client.rosters(), me, request(file),
                (d, e) -> { }, () -> true)).isInstanceOf(CancellationException.class);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }

    @Test
    void r14UnwritableTargetFailsCleanlyAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-folder").resolve("x.iqroster");
        assertThatThrownBy(() -> new RosterExporter(Clock.systemUTC()).export(client.rosters(), me, request(missing),
                (d, e) -> { }, () -> false)).isInstanceOf(IOException.class);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }

    @Test
    void r3CourseOutOfScopeIsRefusedAndNothingIsWritten(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.iqroster");
        RosterExporter.Request r = new RosterExporter.Request(List.of(new RosterExporter.Course(
                "course-v1:Northbridge+CS101+2026_T1", "CS101", 0)), List.of(RosterField.USERNAME),
                RosterProtection.passphrase(PASS), Instant.now().plusSeconds(3600), file);
        assertThatThrownBy(() -> new RosterExporter(Clock.systemUTC()).export(client.rosters(), me, r, (d, e) -> { },
                () -> false))
                .isInstanceOf(ApiHttpException.class);
        try (var listing = Files.list(dir)) {
            assertThat(listing.toList()).isEmpty();
        }
    }
}
