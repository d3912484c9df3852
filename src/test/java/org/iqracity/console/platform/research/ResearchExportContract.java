package org.iqracity.console.platform.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.research.ResearchExportSummary;
import org.iqracity.console.platform.PlatformFixture;
import org.iqracity.console.platform.TestApi;
import org.iqracity.console.platform.research.ResearchHttp.Answer;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.ResearchRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Research exports over real HTTP on the sandbox (R11): k-anonymous, free of every direct identifier of the
 * course's learners, per-export pseudonyms unless a stable key is asked for, the tenant wall (R1), the roles, the
 * floor on k, and the access-log entry (R12).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ResearchExportContract {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    TestApi api;
    Jdbc jdbc;
    ResearchHttp exports;
    String admin;
    String officer;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        api = fixture().api();
        jdbc = fixture().jdbc();
        exports = new ResearchHttp(api);
        admin = api.signIn("nb-admin");
        officer = api.signIn("nb-security");
    }

    Answer export(String courseId, String token, String json) {
        return exports.export(courseId, token, json);
    }

    long enrollments(String courseId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1), courseId)
                .orElseThrow();
    }

    @Test
    void exportIsAZipOfSummaryDictionaryAndDatasetCoveringEveryEnrollment() {
        Answer r = export(CS101, admin, "{}");
        assertThat(r.contentType()).startsWith("application/zip");
        assertThat(r.disposition()).startsWith("attachment; filename=\"research-Northbridge-CS101-2026_T1-");
        ResearchArchiveFile zip = r.archive();
        assertThat(zip.entries()).containsOnlyKeys("summary.json", "data-dictionary.md", "dataset.csv");
        ResearchExportSummary s = zip.summary();
        assertThat(s.k()).isEqualTo(5);
        assertThat(s.stableKey()).isFalse();
        assertThat(s.learnersInCourse()).isEqualTo(enrollments(CS101));
        assertThat(s.recordsExported() + s.recordsSuppressed()).isEqualTo(s.learnersInCourse());
        assertThat(zip.rows()).hasSize((int) s.recordsExported());
        assertThat(s.recordsSuppressed()).isLessThanOrEqualTo(s.learnersInCourse() * 5 / 100);
        assertThat(zip.dictionary()).contains("| k | 5 ", s.exportedAt(), "year_of_birth_band", "Rows generalised",
                "Records suppressed", String.format(Locale.ROOT, "%,d", s.recordsSuppressed()));
    }

    @Test
    void everyCombinationOfQuasiIdentifiersIsSharedByAtLeastKRows() {
        for (int k : new int[] {5, 12}) {
            ResearchArchiveFile zip = export(CS101, officer, "{\"k\":" + k + "}").archive();
            List<String> header = zip.header();
            List<Integer> qi = zip.summary().quasiIdentifiers().stream().map(header::indexOf).toList();
            assertThat(qi).hasSize(6).doesNotContain(-1);
            Map<List<String>, Integer> groups = new HashMap<>();
            for (List<String> row : zip.rows()) {
                groups.merge(qi.stream().map(row::get).toList(), 1, Integer::sum);
            }
            assertThat(groups.values()).as("k=" + k).isNotEmpty().allMatch(n -> n >= k);
            assertThat(zip.summary().smallestGroup()).isGreaterThanOrEqualTo(k);
        }
    }

    /**
     * Other learners see each learner's posts in the course's forums, under the username (R10), so they can count
     * them: a released post count is something a colleague can know from elsewhere, like an age band.
     */
    @Test
    void r11ForumPostsOtherLearnersCanCountAreAQuasiIdentifierSoKHoldsOverThemToo() {
        ResearchArchiveFile zip = export(CS101, admin, "{}").archive();
        List<String> header = zip.header();
        Set<String> known = new LinkedHashSet<>(zip.summary().quasiIdentifiers());
        header.stream().filter(c -> c.startsWith("forum_posts")).forEach(known::add);
        List<Integer> columns = known.stream().map(header::indexOf).toList();
        Map<List<String>, Integer> groups = new HashMap<>();
        zip.rows().forEach(row -> groups.merge(columns.stream().map(row::get).toList(), 1, Integer::sum));
        long inSmallGroups = zip.rows().stream()
                .filter(row -> groups.get(columns.stream().map(row::get).toList()) < 5).count();
        assertThat(inSmallGroups).as("rows of %s released rows in groups under k=5 on %s", zip.rows().size(), known)
                .isZero();
        assertThat(zip.summary().quasiIdentifiers()).anyMatch(c -> c.startsWith("forum_posts"));
    }

    @Test
    void noNameUsernameEmailLearnerIdOrFreeTextOfAnyLearnerOfTheCourseIsInTheExport() {
        String all = export(CS101, admin, "{\"stableKey\":true}").archive().everything();
        List<String> identifiers = new ArrayList<>();
        jdbc.forEach("SELECT l.id, l.username, l.name, l.email, e.email, l.bio, l.goals, l.mailing_address "
                + "FROM enrollment e JOIN learner l ON l.id = e.learner_id WHERE e.course_id = ?", rs -> {
                    for (int i = 1; i <= 8; i++) {
                        String v = rs.getString(i);
                        if (v != null && !v.isBlank()) {
                            identifiers.add(v);
                        }
                    }
                }, CS101);
        assertThat(identifiers).hasSizeGreaterThan((int) enrollments(CS101) * 3);
        List<String> found = identifiers.stream().filter(all::contains).distinct().toList();
        assertThat(found).as("direct identifiers or free text in the export").isEmpty();
        String key = new ResearchRepository(jdbc, fixture().secrets())
                .stableKey("northbridge").orElseThrow();
        assertThat(all).doesNotContain(key).doesNotContain(HexFormat.of().formatHex(Base64.getDecoder().decode(key)));
    }

    @Test
    void twoExportsWithoutAStableKeyShareNoPseudonymWhileStableKeyExportsJoin() {
        // CS101 throughout: the other test's stable-key export is of CS101 too, and a stable-key export of another
        // course after it would be refused for the joins (ResearchJoinContract)
        Set<String> first = pseudonyms(export(CS101, admin, "{}").archive());
        Set<String> second = pseudonyms(export(CS101, admin, "{\"stableKey\":false}").archive());
        Set<String> stableA = pseudonyms(export(CS101, admin, "{\"stableKey\":true}").archive());
        Set<String> stableB = pseudonyms(export(CS101, officer, "{\"stableKey\":true,\"k\":6}").archive());
        assertThat(first).hasSizeGreaterThan(20);
        assertThat(intersection(first, second)).isEmpty();
        assertThat(intersection(first, stableA)).isEmpty();
        Set<String> joined = intersection(stableA, stableB);
        assertThat(joined).hasSizeGreaterThanOrEqualTo(Math.min(stableA.size(), stableB.size()) * 9 / 10);
        assertThat(stableA).allMatch(p -> p.matches("[0-9a-f]{32}"));
    }

    @Test
    void anotherMembersCourseAnswersAsOneThatDoesNotExist() {
        String sahelCourse = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        Answer theirs = export(sahelCourse, admin, "{}");
        Answer none = export("course-v1:Northbridge+NOPE+2026_T1", admin, "{}");
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.text()).isEqualTo(none.text());
        assertThat(export(CS101, api.signIn("sahel-admin"), "{}").status()).isEqualTo(404);
    }

    @Test
    void courseAdministratorIsRefusedEvenForTheirOwnCourse() {
        Answer r = export(DS200, api.signIn("nb-ta"), "{}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void kBelowFiveIsRefusedNamingTheField() throws IOException {
        Answer r = export(DS200, admin, "{\"k\":4}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        var problem = Json.mapper().readTree(r.body());
        assertThat(problem.path("code").asText()).isEqualTo("validation_failed");
        assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("k");
        assertThat(problem.path("errors").path(0).path("message").asText()).contains("at least 5");
        assertThat(export(DS200, admin, "{\"k\":\"five\"}").status()).isEqualTo(422);
        assertThat(export(DS200, admin, "{\"name\":true}").status()).isEqualTo(422);
    }

    @Test
    void r12EachExportIsLoggedWithTheCourseKAndTheCounts() {
        ResearchExportSummary s = export(DS200, officer, "{\"k\":7}").archive().summary();
        var entry = jdbc.queryOne("SELECT actor_username, object_type, object_id FROM access_log "
                + "WHERE action = 'RESEARCH_EXPORT' AND course_id = ? ORDER BY id DESC",
                rs -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)), DS200).orElseThrow();
        assertThat(entry.get(0)).isEqualTo("nb-security");
        assertThat(entry.get(1)).isEqualTo("RESEARCH_EXPORT");
        assertThat(entry.get(2)).contains("k=7", "stableKey=false", "learners=" + s.learnersInCourse(),
                "exported=" + s.recordsExported(), "generalised=" + s.recordsGeneralised(),
                "suppressed=" + s.recordsSuppressed());
    }

    private static Set<String> pseudonyms(ResearchArchiveFile zip) {
        int column = zip.header().indexOf("pseudonym");
        Set<String> out = new HashSet<>();
        zip.rows().forEach(r -> out.add(r.get(column)));
        return out;
    }

    private static Set<String> intersection(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return both;
    }
}
