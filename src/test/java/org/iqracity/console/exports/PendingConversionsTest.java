package org.iqracity.console.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.RosterConversionReport;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.client.RostersClient;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's queue of roster-copy reports (R14) against the real platform and its access log (R12). */
class PendingConversionsTest {
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static final String ENG120 = "course-v1:Northbridge+ENG120+2026_T1";

    static PlatformFixture fixture;
    static HttpPlatformClient client;
    static MeDto me;
    static RosterManifest manifest;
    static String keyId;

    @BeforeAll
    static void exportARealRoster(@TempDir Path dir) throws Exception {
        fixture = PlatformFixture.h2();
        client = new HttpPlatformClient(fixture.platform().baseUri(), new okhttp3.OkHttpClient(), Clock.systemUTC());
        me = client.signIn("nb-ta", "sandbox-password", null).staff();
        keyId = client.signingKey().keyId();
        manifest = new RosterExporter(Clock.systemUTC()).export(client.rosters(), me, new RosterExporter.Request(
                List.of(new RosterExporter.Course(DS200, "Data Science", 1), new RosterExporter.Course(ENG120,
                        "Academic Writing", 1)), List.of(RosterField.USERNAME, RosterField.GRADE),
                RosterProtection.passphrase("a passphrase for the queue".toCharArray()),
                Instant.now().plus(Duration.ofDays(3)), dir.resolve("r.iqroster")), (done, total) -> { }, () -> false);
    }

    static long logged(String reportId) {
        return fixture.jdbc().queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'ROSTER_CONVERT' "
                + "AND object_id = ? AND actor_username = 'nb-ta'", rs -> rs.getLong(1), reportId).orElseThrow();
    }

    @Test
    void r14ACopyMadeOfflineReachesTheAccessLogAtTheNextSignInOncePerCourse(@TempDir Path dir) throws Exception {
        PendingConversions queue = new PendingConversions(dir);
        PendingConversions.Pending pending = PendingConversions.report(manifest, "CSV", manifest.rowCount(),
                Instant.now());
        queue.add(pending);
        assertThat(queue.all()).containsExactly(pending);

        PendingConversions.Sent sent = queue.sendAll(client.rosters(), keyId, me.member().id());

        assertThat(sent).isEqualTo(new PendingConversions.Sent(1, 0, 0));
        assertThat(queue.all()).isEmpty();
        String id = pending.report().reportId();
        assertThat(logged(id)).isEqualTo(2);
        assertThat(fixture.jdbc().query("SELECT course_id FROM access_log WHERE object_id = ? ORDER BY course_id",
                rs -> rs.getString(1), id)).containsExactly(DS200, ENG120);
        assertThat(fixture.jdbc().queryOne("SELECT provenance || ' ' || exported_by || ' ' || signed_rows FROM "
                + "roster_conversion WHERE report_id = ?", rs -> rs.getString(1), id))
                .as("who exported and how many rows, as the roster's signatures say")
                .hasValue("SIGNED nb-ta " + manifest.courses().stream().mapToLong(RosterManifest.CourseEntry::rowCount)
                        .sum());
        assertThat(client.rosters().reportConversion(pending.report()).repeated()).isTrue();
        assertThat(logged(id)).isEqualTo(2);
    }

    @Test
    void reportsForAnotherPlatformOrMemberAreNeverSentHere(@TempDir Path dir) throws Exception {
        PendingConversions queue = new PendingConversions(dir);
        PendingConversions.Pending otherPlatform = PendingConversions.report(manifest, "XLSX", 10, Instant.now());
        otherPlatform = new PendingConversions.Pending("another-platform-key", otherPlatform.report());
        RosterConversionReport r = PendingConversions.report(manifest, "CSV", 10, Instant.now()).report();
        PendingConversions.Pending otherMember = new PendingConversions.Pending(keyId, new RosterConversionReport(
                r.reportId(), "sahel", r.courseIds(), r.format(), r.rowCount(), r.rosterSha256(), r.exportedBy(),
                r.exportedAt(), r.convertedAt(), r.fields(), r.signed()));
        queue.add(otherPlatform);
        queue.add(otherMember);

        assertThat(queue.sendAll(client.rosters(), keyId, me.member().id())).isEqualTo(new PendingConversions.Sent(0,
                0, 0));

        assertThat(queue.all()).hasSize(2);
        assertThat(logged(otherPlatform.report().reportId()) + logged(otherMember.report().reportId())).isZero();
    }

    /**
     * A course the signed-in person may not see answers 404 like a missing one (R1): the report waits for someone
     * whose scope covers it (the copy exists whoever reports it) and holds back no other.
     */
    @Test
    void aReportOfACourseTheSignedInPersonMayNotSeeWaitsAndDoesNotHoldBackTheOthers(@TempDir Path dir)
            throws Exception {
        PendingConversions queue = new PendingConversions(dir);
        RosterConversionReport good = PendingConversions.report(manifest, "CSV", 5, Instant.now()).report();
        RosterConversionReport unknownCourse = new RosterConversionReport(UUID.randomUUID().toString(),
                good.memberId(), List.of("course-v1:Nowhere+X+1"), "CSV", 5, null, null, null,
                Instant.now().minusSeconds(60), null, null);
        queue.add(new PendingConversions.Pending(keyId, unknownCourse));
        queue.add(new PendingConversions.Pending(keyId, good));

        assertThat(queue.sendAll(client.rosters(), keyId, me.member().id())).isEqualTo(new PendingConversions.Sent(1,
                0, 1));

        assertThat(queue.all()).extracting(p -> p.report().reportId()).containsExactly(unknownCourse.reportId());
        assertThat(dir.resolve("set-aside").resolve(unknownCourse.reportId() + ".json")).doesNotExist();
        assertThat(logged(good.reportId())).isEqualTo(2);
    }

    @Test
    void aPlatformThatCannotBeReachedLeavesEveryReportQueued(@TempDir Path dir) throws Exception {
        PendingConversions queue = new PendingConversions(dir);
        queue.add(PendingConversions.report(manifest, "CSV", 5, Instant.now().minusSeconds(5)));
        queue.add(PendingConversions.report(manifest, "XLSX", 5, Instant.now()));
        RostersClient down = (RostersClient) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RostersClient.class}, (proxy, method, args) -> {
                    throw new PlatformUnreachableException("connection refused", null);
                });

        assertThat(queue.sendAll(down, keyId, me.member().id())).isEqualTo(new PendingConversions.Sent(0, 0, 2));

        assertThat(queue.all()).hasSize(2);
        assertThat(queue.sendAll(client.rosters(), keyId, me.member().id()).recorded()).isEqualTo(2);
    }

    @Test
    void aDamagedQueueFileIsSetAsideNeverSentAndTheQueueStillReads(@TempDir Path dir) throws Exception {
        PendingConversions queue = new PendingConversions(dir);
        PendingConversions.Pending whole = PendingConversions.report(manifest, "CSV", 5, Instant.now());
        queue.add(whole);
        String truncatedId = UUID.randomUUID().toString();
        Files.writeString(dir.resolve(truncatedId + ".json"), "{\"platformKeyId\":\"" + keyId + "\",\"report\":{\"rep");
        String renamedId = UUID.randomUUID().toString();
        Files.copy(dir.resolve(whole.report().reportId() + ".json"), dir.resolve(renamedId + ".json"));

        assertThat(queue.all()).containsExactly(whole);

        assertThat(dir.resolve("set-aside").resolve(truncatedId + ".json")).exists();
        assertThat(dir.resolve("set-aside").resolve(renamedId + ".json")).exists();
    }
}
