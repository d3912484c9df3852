package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.store.AccessLogNames;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** R12 through the API: only the Member's security officers read it; filters, paging, CSV; tampering is found. */
class AccessLogApiTest {
    static PlatformFixture fixture;
    static TestApi api;

    @BeforeAll
    static void start() {
        fixture = PlatformFixture.startH2(300);
        api = fixture.api();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void r12OfficerReadsOwnMembersLogNewestFirstAndFiltered() {
        String admin = api.signIn("nb-admin");
        String learner = fixture.jdbc().queryOne("SELECT learner_id FROM enrollment WHERE course_id = "
                + "'course-v1:Northbridge+CS101+2026_T1' ORDER BY id", rs -> rs.getString(1)).orElseThrow();
        api.get(ApiPaths.courseLearner("course-v1:Northbridge+CS101+2026_T1", learner), admin);
        String officer = api.signIn("nb-security");
        JsonNode page = api.get(ApiPaths.ACCESS_LOG + "?limit=500", officer).json();
        List<Long> seqs = new ArrayList<>();
        page.path("items").forEach(e -> seqs.add(e.path("seq").asLong()));
        assertThat(seqs).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode views = api.get(ApiPaths.ACCESS_LOG + "?action=LEARNER_VIEW&actor=nb-admin", officer).json();
        assertThat(views.path("total").asLong()).isEqualTo(1);
        assertThat(views.path("items").get(0).path("objectId").asText()).isEqualTo(learner);
        JsonNode sahel = api.get(ApiPaths.ACCESS_LOG + "?action=LEARNER_VIEW", api.signIn("sahel-security")).json();
        assertThat(sahel.path("total").asLong()).isZero();
    }

    @Test
    void r12OnlySecurityOfficersMayReadIt() {
        for (String who : List.of("nb-admin", "nb-ta", "lk-admin")) {
            String token = api.signIn(who);
            assertThat(api.get(ApiPaths.ACCESS_LOG, token).status()).as(who).isEqualTo(403);
            assertThat(api.get(ApiPaths.ACCESS_LOG_EXPORT, token).status()).as(who).isEqualTo(403);
            assertThat(api.get(ApiPaths.ACCESS_LOG_VERIFY, token).status()).as(who).isEqualTo(403);
        }
    }

    @Test
    void r12CursorPagingVisitsEveryEntryOnce() {
        String officer = api.signIn("nb-security2");
        for (int i = 0; i < 5; i++) {
            api.signIn("nb-ta");
        }
        long total = api.get(ApiPaths.ACCESS_LOG, officer).json().path("total").asLong();
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(ApiPaths.ACCESS_LOG + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor),
                    officer).json();
            page.path("items").forEach(e -> seen.add(e.path("seq").asLong()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo((int) total);
        assertThat(api.get(ApiPaths.ACCESS_LOG + "?cursor=abc", officer).status()).isEqualTo(400);
        assertThat(api.get(ApiPaths.ACCESS_LOG + "?from=yesterday", officer).status()).isEqualTo(422);
    }

    @Test
    void r12CsvExportHoldsTheEntriesAndNeutralisesFormulas() {
        String officer = api.signIn("nb-security");
        TestApi.Response csv = api.get(ApiPaths.ACCESS_LOG_EXPORT + "?action=SIGN_IN", officer);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("seq,at,actor,action");
        assertThat(lines.length).isGreaterThan(1);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).contains(",SIGN_IN,");
        }
    }

    @Test
    void r12ChainVerificationFindsTheFirstEditedOrDeletedEntry() {
        String officer = api.signIn("nb-security");
        JsonNode ok = api.get(ApiPaths.ACCESS_LOG_VERIFY, officer).json();
        assertThat(ok.path("intact").asBoolean()).isTrue();
        long victim = fixture.jdbc().queryOne("SELECT MIN(seq) + 1 FROM access_log WHERE member_id = 'northbridge'",
                rs -> rs.getLong(1)).orElseThrow();
        fixture.jdbc().update("UPDATE access_log SET actor_username = 'someone-else' WHERE member_id = 'northbridge' "
                + "AND seq = ?", victim);
        JsonNode broken = api.get(ApiPaths.ACCESS_LOG_VERIFY, officer).json();
        assertThat(broken.path("intact").asBoolean()).isFalse();
        assertThat(broken.path("firstBrokenSeq").asLong()).isEqualTo(victim);
    }

    @Test
    void r12EntriesNameTheirObjectsAsTheOfficerKnowsThem() {
        String admin = api.signIn("nb-admin");
        String course = "course-v1:Northbridge+CS101+2026_T1";
        String[] learner = fixture.jdbc().queryOne("SELECT l.id, l.username FROM enrollment e JOIN learner l "
                + "ON l.id = e.learner_id WHERE e.course_id = ? AND l.status <> 'RETIRED' ORDER BY e.id DESC",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, course).orElseThrow();
        api.get(ApiPaths.courseLearner(course, learner[0]), admin);
        String officer = api.signIn("nb-security");

        JsonNode view = api.get(ApiPaths.ACCESS_LOG + "?action=LEARNER_VIEW&objectId=" + learner[0], officer).json()
                .path("items").get(0);
        assertThat(view.path("objectId").asText()).isEqualTo(learner[0]);
        assertThat(view.path("objectName").asText()).isEqualTo(learner[1]);
        assertThat(view.path("courseTitle").asText()).isEqualTo("Introduction to Computer Science");
        JsonNode signIn = api.get(ApiPaths.ACCESS_LOG + "?action=SIGN_IN&actor=nb-admin", officer).json()
                .path("items").get(0);
        assertThat(signIn.path("objectType").asText()).isEqualTo("STAFF");
        assertThat(signIn.path("objectName").asText()).isEqualTo("nb-admin");
        JsonNode read = api.get(ApiPaths.ACCESS_LOG + "?action=ACCESS_LOG_READ", officer).json().path("items").get(0);
        assertThat(read.path("objectName").asText()).isEqualTo("Northbridge University");
    }

    @Test
    void r1AndR2NoNameIsGivenForWhatTheReadingMemberCouldNotSee() {
        Jdbc jdbc = fixture.jdbc();
        String neverEnrolledHere = jdbc.queryOne("SELECT l.id FROM learner l WHERE NOT EXISTS (SELECT 1 FROM "
                + "enrollment e WHERE e.learner_id = l.id AND e.member_id = 'northbridge') ORDER BY l.id",
                rs -> rs.getString(1)).orElseThrow();
        String retired = jdbc.queryOne("SELECT l.id FROM learner l JOIN enrollment e ON e.learner_id = l.id "
                + "WHERE e.member_id = 'northbridge' AND l.status = 'RETIRED' ORDER BY l.id", rs -> rs.getString(1))
                .orElseThrow();
        String otherStaff = jdbc.queryOne("SELECT id FROM staff WHERE member_id <> 'northbridge' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        String otherCourse = jdbc.queryOne("SELECT id FROM course WHERE member_id <> 'northbridge' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        String sponsorElsewhere = "sp-nobody-here";
        jdbc.update("INSERT INTO sponsor (id, name, kind) VALUES (?, 'Sponsors Nobody Here Ltd', 'EMPLOYER')",
                sponsorElsewhere);
        List<AccessLogRepository.Entry> entries = List.of(entry("LEARNER", neverEnrolledHere, null),
                entry("LEARNER", retired, null), entry("STAFF", otherStaff, null),
                entry("COURSE", otherCourse, otherCourse), entry("SPONSOR", sponsorElsewhere, null));

        AccessLogNames.Names names = new AccessLogRepository(jdbc).names("northbridge", entries);

        assertThat(names.object("LEARNER", neverEnrolledHere)).as("never enrolled with this Member (R2)").isNull();
        assertThat(names.object("STAFF", otherStaff)).as("another Member's staff (R1)").isNull();
        assertThat(names.object("COURSE", otherCourse)).as("another Member's course (R1)").isNull();
        assertThat(names.course(otherCourse)).isNull();
        assertThat(names.object("SPONSOR", sponsorElsewhere)).as("a sponsor of nobody here (R1)").isNull();
        assertThat(names.object("LEARNER", retired)).as("a retired account is its placeholder (R6)")
                .startsWith("retired_user_");
    }

    private static AccessLogRepository.Entry entry(String type, String id, String course) {
        return new AccessLogRepository.Entry("northbridge", 1, Instant.EPOCH, null, null, "TEST", "SUCCESS", type, id,
                course, null, null, null, null);
    }
}
