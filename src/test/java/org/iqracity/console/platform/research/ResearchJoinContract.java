package org.iqracity.console.platform.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.research.ResearchHttp.Answer;
import org.iqracity.console.platform.store.DataAccessException;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.ResearchRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * R11 across exports: stable-key research exports of one Member share pseudonyms, so whoever holds several can
 * join them. On a platform of its own, so that each Member's history of stable-key exports starts empty; each test
 * works with a Member of its own, so that no test sees another's exports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResearchJoinContract {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static final String MATH110 = "course-v1:Northbridge+MATH110+2026_T1";

    PlatformFixture platform;
    ResearchHttp exports;
    Jdbc jdbc;

    /** A platform of its own on the sandbox of {@link PlatformFixture#LEARNERS}. */
    abstract PlatformFixture start() throws Exception;

    @BeforeAll
    void startPlatform() throws Exception {
        platform = start();
        exports = new ResearchHttp(platform.api());
        jdbc = platform.jdbc();
    }

    @AfterAll
    void stopPlatform() {
        platform.close();
    }

    /** The stable-key exports asked for, each "course k", in order; what was released, refusals left out. */
    private List<ResearchArchiveFile> stableExports(String staff, List<String> asks) {
        String token = platform.api().signIn(staff);
        List<ResearchArchiveFile> released = new ArrayList<>();
        for (String ask : asks) {
            String[] course = ask.split(" ");
            Answer a = exports.export(course(course[0]), token, "{\"stableKey\":true,\"k\":" + course[1] + "}");
            if (a.status() == 200) {
                released.add(a.archive());
            } else {
                assertThat(a.status()).as(a.text()).isEqualTo(422);
            }
        }
        return released;
    }

    private String course(String code) {
        return jdbc.queryOne("SELECT id FROM course WHERE id LIKE ?", rs -> rs.getString(1), "%+" + code + "+%")
                .orElseThrow();
    }

    private static List<PseudonymJoins.Released> joinable(List<ResearchArchiveFile> archives) {
        return archives.stream().map(PseudonymJoins::of).toList();
    }

    @Test
    void r11StableKeyExportsOfOneMemberJoinedOnPseudonymLeaveNoGroupUnderK() {
        List<ResearchArchiveFile> released = stableExports("nb-admin",
                List.of("CS101 5", "DS200 5", "MATH110 5", "CS101 6", "CS101 5"));
        assertThat(released).hasSizeGreaterThanOrEqualTo(3);
        assertThat(PseudonymJoins.learnersInSmallGroups(joinable(released))).allSatisfy((join, learners) ->
                assertThat(learners).as(join).isZero());
        ResearchExportSummary second = released.get(1).summary();
        assertThat(second.stableExportsBefore()).isEqualTo(1);
        assertThat(second.recordsSuppressedForJoins()).as("CS101 at k 6 after CS101 at k 5").isPositive();
        assertThat(released.get(1).dictionary()).contains("| Joins | checked against the Member's 1 earlier");

        // two at the same moment, by two staff members: each is checked against the other, whichever comes first
        String admin = platform.api().signIn("nb-admin");
        String officer = platform.api().signIn("nb-security");
        var one = CompletableFuture.supplyAsync(() -> exports.export(CS101, admin, "{\"stableKey\":true}"));
        var other = CompletableFuture.supplyAsync(() -> exports.export(CS101, officer, "{\"stableKey\":true}"));
        List<ResearchArchiveFile> all = new ArrayList<>(released);
        for (Answer a : List.of(one.join(), other.join())) {
            all.add(a.archive());
        }
        assertThat(all.stream().map(zip -> zip.summary().stableExportsBefore()).sorted().toList())
                .as("each numbered once, in order").containsExactly(0, 1, 2, 3, 4);
        assertThat(PseudonymJoins.learnersInSmallGroups(joinable(all))).allSatisfy((join, learners) ->
                assertThat(learners).as(join).isZero());
    }

    @Test
    void r11ExportsOfTwoCoursesJoinOnPseudonymOnceTheSecondLeavesOutWhoWouldStandOut() {
        List<ResearchArchiveFile> released = stableExports("sahel-admin", List.of("SOLAR201 5", "AGRI101 5"));
        assertThat(released).hasSize(2);
        List<PseudonymJoins.Released> joinable = joinable(released);
        long inBoth = joinable.get(0).rows().keySet().stream().filter(joinable.get(1).rows()::containsKey).count();
        assertThat(inBoth).as("learners released in both courses").isGreaterThanOrEqualTo(5);
        assertThat(released.get(1).summary().recordsSuppressedForJoins()).isPositive();
        assertThat(PseudonymJoins.learnersInSmallGroups(joinable)).allSatisfy((join, learners) ->
                assertThat(learners).as(join).isZero());
        assertTheHistoryKeepsPseudonymsAndDigestsOnly("sahel", joinable);
        assertThat(stableExportsRecorded("sahel")).isEqualTo(2);
    }

    /** What the platform keeps of the releases: keyed pseudonyms and digests, never a learner's id. */
    private void assertTheHistoryKeepsPseudonymsAndDigestsOnly(String member, List<PseudonymJoins.Released> released) {
        List<Map<String, String>> kept = jdbc.query("SELECT pseudonym, digest FROM research_join_history "
                + "WHERE member_id = ?", rs -> Map.of("pseudonym", rs.getString(1), "digest", rs.getString(2)), member);
        assertThat(kept).isNotEmpty().allSatisfy(row -> {
            assertThat(row.get("pseudonym")).matches("[0-9a-f]{32}");
            assertThat(row.get("digest")).matches("[0-9a-f]{32}");
        });
        Set<String> learnerIds = new HashSet<>(jdbc.query("SELECT learner_id FROM enrollment WHERE member_id = ?",
                rs -> rs.getString(1), member));
        assertThat(kept).noneMatch(row -> learnerIds.contains(row.get("pseudonym")));
        Set<String> pseudonyms = new HashSet<>();
        kept.forEach(row -> pseudonyms.add(row.get("pseudonym")));
        released.forEach(r -> assertThat(pseudonyms).containsAll(r.rows().keySet()));
    }

    @Test
    void r11AStableKeyExportThatWouldLeaveOutTooManyForTheJoinsIsRefusedWithTheReason() throws IOException {
        String admin = platform.api().signIn("lk-admin");
        String nursing = course("NURS101");
        String art = course("ART140");
        assertThat(exports.export(nursing, admin, "{\"stableKey\":true}").status()).isEqualTo(200);
        long logged = exportsLogged("lakeside");

        Answer refused = exports.export(art, admin, "{\"stableKey\":true}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        var problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("stableKey");
        assertThat(problem.path("errors").path(0).path("message").asText()).contains("would leave out",
                "earlier stable-key exports", "fewer than 5 learners", "Export with new pseudonyms instead")
                .doesNotContain("Exception", "SQL", "null");
        assertThat(exportsLogged("lakeside")).as("nothing released, nothing logged").isEqualTo(logged);
        assertThat(stableExportsRecorded("lakeside")).isEqualTo(1);

        ResearchExportSummary oneOff = exports.export(art, admin, "{}").archive().summary();
        assertThat(oneOff.stableKey()).isFalse();
        assertThat(oneOff.recordsSuppressedForJoins()).isZero();
        assertThat(stableExportsRecorded("lakeside")).isEqualTo(1);
    }

    @Test
    void anExportRecordedUnderTheNumberAnotherTookFailsAsADuplicateAndLeavesNoDigest() {
        var repository = new ResearchRepository(jdbc, platform.secrets());
        Instant at = Instant.parse("2026-03-01T09:00:00Z");
        jdbc.inTransaction(c -> {
            repository.recordStableExport(c, "race", 1, CS101, 5, at, Map.of("a".repeat(32), "1".repeat(32)), Map.of());
            return null;
        });
        assertThat(repository.joinHistory("race", Set.of("a".repeat(32))).exports()).isEqualTo(1);
        assertThatThrownBy(() -> jdbc.inTransaction(c -> {
            repository.recordStableExport(c, "race", 1, DS200, 5, at, Map.of("b".repeat(32), "2".repeat(32)),
                    Map.of());
            return null;
        })).isInstanceOfSatisfying(DataAccessException.class, e -> assertThat(e.isDuplicateKey()).isTrue());
        var after = repository.joinHistory("race", Set.of("a".repeat(32), "b".repeat(32)));
        assertThat(after.digests()).containsOnlyKeys("a".repeat(32));
        assertThat(after.sharedBy()).containsExactly(Map.entry("1".repeat(32), 1));
    }

    private long exportsLogged(String member) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE member_id = ? AND action = 'RESEARCH_EXPORT'",
                rs -> rs.getLong(1), member).orElseThrow();
    }

    private long stableExportsRecorded(String member) {
        return jdbc.queryOne("SELECT COUNT(*) FROM research_stable_export WHERE member_id = ?", rs -> rs.getLong(1),
                member).orElseThrow();
    }
}
