package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The access rules of ACCESS-RULES.md, each proved over real HTTP with the ids an attacker would try: another
 * Member's, a course out of scope, a retired learner, a learner who never enrolled. Runs on every database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccessRulesContract {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";
    static final String ENG120 = "course-v1:Northbridge+ENG120+2026_T1";

    PlatformFixture fixture;
    TestApi api;
    Jdbc jdbc;
    String nbAdmin;
    String sahelAdmin;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        fixture = fixture();
        api = fixture.api();
        jdbc = fixture.jdbc();
        nbAdmin = api.signIn("nb-admin");
        sahelAdmin = api.signIn("sahel-admin");
    }

    String anyCourseOf(String member) {
        return jdbc.queryOne("SELECT id FROM course WHERE member_id = ? ORDER BY id", rs -> rs.getString(1), member)
                .orElseThrow();
    }

    String learnerIn(String courseId) {
        return jdbc.queryOne("SELECT learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE course_id = ? AND l.status = 'ACTIVE' ORDER BY e.id", rs -> rs.getString(1), courseId)
                .orElseThrow();
    }

    @Test
    void r1AnotherMembersCourseAnswersExactlyLikeAMissingOne() {
        String sahelCourse = anyCourseOf("sahel");
        TestApi.Response foreign = api.get(ApiPaths.course(sahelCourse), nbAdmin);
        TestApi.Response missing = api.get(ApiPaths.course("course-v1:Nobody+X1+2026_T1"), nbAdmin);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(api.get(ApiPaths.courseLearners(sahelCourse), nbAdmin).body()).isEqualTo(
                api.get(ApiPaths.courseLearners("course-v1:Nobody+X1+2026_T1"), nbAdmin).body());
    }

    @Test
    void r1AnotherMembersLearnerCannotBeReachedThroughOwnCourse() {
        String sahelCourse = anyCourseOf("sahel");
        String sahelOnly = jdbc.queryOne("SELECT e.learner_id FROM enrollment e WHERE e.member_id = 'sahel' AND NOT "
                + "EXISTS (SELECT 1 FROM enrollment o WHERE o.learner_id = e.learner_id AND o.member_id = "
                        + "'northbridge')",
                rs -> rs.getString(1)).orElseThrow();
        assertThat(api.get(ApiPaths.courseLearner(CS101, sahelOnly), nbAdmin).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearner(sahelCourse, sahelOnly), nbAdmin).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearner(sahelCourse, learnerIn(sahelCourse)), sahelAdmin).status())
                .isEqualTo(200);
    }

    @Test
    void r1CourseListHoldsOnlyOwnMembersCourses() {
        JsonNode items = api.get(ApiPaths.COURSES, nbAdmin).json().path("items");
        assertThat(items.size()).isPositive();
        items.forEach(c -> assertThat(c.path("id").asText()).startsWith("course-v1:Northbridge+"));
        long own = jdbc.queryOne("SELECT COUNT(*) FROM course WHERE member_id = 'northbridge'", rs -> rs.getLong(1))
                .orElseThrow();
        assertThat(items.size()).isEqualTo((int) own);
    }

    @Test
    void courseListPagesWithLimitAndCursor() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get(ApiPaths.COURSES + "?limit=4" + (cursor == null ? "" : "&cursor=" + cursor),
                    nbAdmin)
                    .json();
            page.path("items").forEach(c -> ids.add(c.path("id").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(ids).doesNotHaveDuplicates().isSorted().hasSize(9);
        assertThat(api.get(ApiPaths.COURSES + "?limit=0", nbAdmin).status()).isEqualTo(422);
        assertThat(api.get(ApiPaths.COURSES + "?cursor=%25%25", nbAdmin).status()).isIn(400, 422);
    }

    @Test
    void r2LearnerWhoNeverEnrolledWithTheMemberIsInvisibleInDetailSearchAndTotals() {
        record Outsider(String id, String email) {
        }
        Outsider outsider = jdbc.queryOne("SELECT l.id, l.email FROM learner l WHERE l.status = 'ACTIVE' AND NOT "
                + "EXISTS (SELECT 1 FROM enrollment e WHERE e.learner_id = l.id AND e.member_id = 'northbridge') "
                + "ORDER BY l.id", rs -> new Outsider(rs.getString(1), rs.getString(2))).orElseThrow();
        assertThat(api.get(ApiPaths.courseLearner(CS101, outsider.id()), nbAdmin).status()).isEqualTo(404);
        String prefix = outsider.email().substring(0, outsider.email().indexOf('@'));
        JsonNode found = api.get(ApiPaths.courseLearners(CS101) + "?q=" + prefix, nbAdmin).json();
        assertThat(found.path("total").asLong()).isZero();
        assertThat(found.path("items").size()).isZero();
        long enrolled = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1), CS101)
                .orElseThrow();
        assertThat(api.get(ApiPaths.courseLearners(CS101), nbAdmin).json().path("total").asLong()).isEqualTo(enrolled);
    }

    @Test
    void r2LearnerWithNoEnrollmentAtAllIsNotFound() {
        String nowhere = jdbc.queryOne("SELECT l.id FROM learner l WHERE NOT EXISTS (SELECT 1 FROM enrollment e "
                + "WHERE e.learner_id = l.id) ORDER BY l.id", rs -> rs.getString(1)).orElseThrow();
        for (String course : List.of(CS101, DS200)) {
            assertThat(api.get(ApiPaths.courseLearner(course, nowhere), nbAdmin).status()).isEqualTo(404);
        }
    }

    @Test
    void r2UnenrolledLearnerStaysVisibleAsInactive() {
        String gone = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE course_id = ? AND active = FALSE "
                + "ORDER BY id", rs -> rs.getString(1), CS101).orElseThrow();
        JsonNode detail = api.get(ApiPaths.courseLearner(CS101, gone), nbAdmin).json();
        assertThat(detail.path("enrollment").path("active").asBoolean()).isFalse();
        assertThat(detail.path("enrollment").path("unenrolledAt").isNull()).isFalse();
    }

    @Test
    void r3CourseAdminSeesOnlyAssignedCourses() {
        String ta = api.signIn("nb-ta");
        JsonNode items = api.get(ApiPaths.COURSES, ta).json().path("items");
        List<String> ids = new ArrayList<>();
        items.forEach(c -> ids.add(c.path("id").asText()));
        assertThat(ids).containsExactlyInAnyOrder(DS200, ENG120);
        assertThat(api.get(ApiPaths.course(CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearner(CS101, learnerIn(CS101)), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(DS200), ta).status()).isEqualTo(200);
        assertThat(api.get(ApiPaths.courseLearner(DS200, learnerIn(DS200)), ta).status()).isEqualTo(200);
    }

    @Test
    void r3SecurityOfficerAloneMayNotReadLearners() {
        String officer = api.signIn("nb-security");
        TestApi.Response r = api.get(ApiPaths.courseLearners(CS101), officer);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("forbidden");
        assertThat(api.get(ApiPaths.courseLearner(CS101, learnerIn(CS101)), officer).status()).isEqualTo(403);
    }

    @Test
    void r4DetailNamesNoOtherCourse() {
        String multi = jdbc.queryOne("SELECT e.learner_id FROM enrollment e WHERE e.course_id = ? AND "
                + "(SELECT COUNT(*) FROM enrollment o WHERE o.learner_id = e.learner_id) >= 3 ORDER BY e.id",
                rs -> rs.getString(1), CS101).orElseThrow();
        List<String> others = jdbc.query("SELECT course_id FROM enrollment WHERE learner_id = ? AND course_id <> ?",
                rs -> rs.getString(1), multi, CS101);
        assertThat(others).isNotEmpty();
        String body = api.get(ApiPaths.courseLearner(CS101, multi), nbAdmin).body();
        for (String other : others) {
            assertThat(body).doesNotContain(other);
            assertThat(body).doesNotContain(other.split("\\+")[1]);
        }
        assertThat(body).contains(CS101);
    }

    @Test
    void r5NoPlatformOnlySecretAppearsInAnyLearnerResponse() {
        List<String> ids = jdbc.query("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.id_verified = TRUE ORDER BY e.id LIMIT 25", rs -> rs.getString(1),
                        CS101);
        StringBuilder all = new StringBuilder(api.get(ApiPaths.courseLearners(CS101) + "?limit=500", nbAdmin).body());
        List<String> secrets = new ArrayList<>();
        for (String id : ids) {
            all.append(api.get(ApiPaths.courseLearner(CS101, id), nbAdmin).body());
            jdbc.queryOne("SELECT platform_password_hash, platform_government_id, platform_payment_reference, "
                    + "platform_id_image_reference FROM learner WHERE id = ?", rs -> List.of(rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4)), id).ifPresent(secrets::addAll);
        }
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(4 * ids.size()).doesNotContainNull();
        String text = all.toString();
        for (String secret : secrets) {
            assertThat(text).doesNotContain(secret);
        }
        assertThat(text.toLowerCase()).doesNotContain("password", "government", "payment", "financial", "pbkdf2",
                "idv-vault", "govid");
    }

    @Test
    void r6RetiredLearnerIsAPlaceholderWithPerformanceKept() {
        String retired = jdbc.queryOne("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.status = 'RETIRED' ORDER BY e.id", rs -> rs.getString(1), CS101)
                .orElseThrow();
        JsonNode detail = api.get(ApiPaths.courseLearner(CS101, retired), nbAdmin).json();
        JsonNode profile = detail.path("profile");
        assertThat(profile.path("retired").asBoolean()).isTrue();
        assertThat(profile.path("username").asText()).startsWith("retired_user_");
        assertThat(profile.path("fields").size()).isZero();
        assertThat(detail.path("enrollment").path("email").isNull()).isTrue();
        assertThat(detail.path("performance").path("breakdown").size()).isPositive();
        String username = profile.path("username").asText();
        JsonNode row = api.get(ApiPaths.courseLearners(CS101) + "?q=" + username, nbAdmin).json().path("items").get(0);
        assertThat(row.path("learnerId").asText()).isEqualTo(retired);
        assertThat(row.path("retired").asBoolean()).isTrue();
        assertThat(row.path("name").isNull()).isTrue();
        assertThat(row.path("email").isNull()).isTrue();
        assertThat(row.path("country").isNull()).isTrue();
    }

    @Test
    void r10OtherLearnersSeeTheUsernameButNeverNameOrEmail() {
        String full = jdbc.queryOne("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.profile_visibility = 'full' AND l.shared_fields LIKE '%country%' "
                + "ORDER BY e.id", rs -> rs.getString(1), CS101).orElseThrow();
        JsonNode fields = api.get(ApiPaths.courseLearner(CS101, full), nbAdmin).json().path("profile").path("fields");
        Map<String, Boolean> visible = new HashMap<>();
        fields.forEach(f -> visible.put(f.path("key").asText(), f.path("visibleToOtherLearners").asBoolean()));
        assertThat(visible).containsEntry("username", true).containsEntry("name", false)
                .containsEntry("email", false).containsEntry("country", true);
    }

    @Test
    void r12DetailViewIsRecordedWithWhoWhatWhichWhenAndClient() {
        String learner = learnerIn(DS200);
        long before = countViews(learner);
        assertThat(api.get(ApiPaths.courseLearner(DS200, learner), nbAdmin).status()).isEqualTo(200);
        assertThat(countViews(learner)).isEqualTo(before + 1);
        var entry = jdbc.queryOne("SELECT actor_username, course_id, client, address, at FROM access_log "
                + "WHERE action = 'LEARNER_VIEW' AND object_id = ? ORDER BY id DESC", rs -> List.of(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), learner).orElseThrow();
        assertThat(entry).containsExactly("nb-admin", DS200, "member-console-tests/1", "127.0.0.1");
        assertThat(api.get(ApiPaths.ACCESS_LOG_VERIFY, api.signIn("nb-security")).json().path("intact").asBoolean())
                .isTrue();
    }

    @Test
    void r12RefusedDetailViewLeavesNoViewEntry() {
        String sahelLearner = learnerIn(anyCourseOf("sahel"));
        long before = countViews(sahelLearner);
        assertThat(api.get(ApiPaths.courseLearner(CS101, sahelLearner), nbAdmin).status()).isEqualTo(404);
        assertThat(countViews(sahelLearner)).isEqualTo(before);
    }

    private long countViews(String learnerId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'LEARNER_VIEW' AND outcome = 'SUCCESS' "
                + "AND object_id = ?",
                rs -> rs.getLong(1), learnerId).orElseThrow();
    }

    /**
     * The refusals written at once: the first of each staff member, route and minute. (The rest of a minute become
     * one counted entry when it is over; other tests on this shared platform may refuse the same person the same
     * route, so those counted entries are left out here.)
     */
    long refusals(String action, String staff, String courseId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = ? AND outcome = 'DENIED' "
                + "AND actor_username = ? AND object_type = 'ROUTE' AND course_id = ? AND object_id NOT LIKE ?",
                rs -> rs.getLong(1), action, staff, courseId, "%more in the minute%").orElseThrow();
    }

    @Test
    void r12RefusedAttemptsLeaveATraceInTheCallersChain() {
        String sahelCourse = anyCourseOf("sahel");
        // a minute of its own, so each refusal below is the first of its minute and written at once
        api.clock().advance(Duration.ofSeconds(61));
        String admin = api.signIn("nb-admin");
        String ta = api.signIn("nb-ta");
        String officer = api.signIn("nb-security");
        long foreign = refusals("ACCESS_NOT_FOUND", "nb-admin", sahelCourse);
        long outOfScope = refusals("ACCESS_NOT_FOUND", "nb-ta", CS101);
        long forbidden = refusals("ACCESS_FORBIDDEN", "nb-security", DS200);

        assertThat(api.get(ApiPaths.courseLearners(sahelCourse), admin).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(DS200), officer).status()).isEqualTo(403);

        assertThat(refusals("ACCESS_NOT_FOUND", "nb-admin", sahelCourse)).isEqualTo(foreign + 1);
        assertThat(refusals("ACCESS_NOT_FOUND", "nb-ta", CS101)).isEqualTo(outOfScope + 1);
        assertThat(refusals("ACCESS_FORBIDDEN", "nb-security", DS200)).isEqualTo(forbidden + 1);
        assertThat(jdbc.queryOne("SELECT member_id || ' ' || object_id FROM access_log WHERE actor_username = "
                + "'nb-admin'"
                + " AND action = 'ACCESS_NOT_FOUND' ORDER BY id DESC", rs -> rs.getString(1)).orElseThrow())
                .as("kept in the caller's own Member's chain, naming the route, not the other Member's data")
                .isEqualTo("northbridge GET " + ApiPaths.COURSE_LEARNERS);
        assertThat(api.get(ApiPaths.ACCESS_LOG_VERIFY, officer).json().path("intact").asBoolean()).isTrue();
    }
}
