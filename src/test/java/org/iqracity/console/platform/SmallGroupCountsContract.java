package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The subtracting reader (R11, R2): a staff member reads every count of a course that their role can reach, on every
 * endpoint, and tries each sum and difference of them (coefficients -1, 0 and 1) that describes a real group of the
 * course's enrollments, whatever the data: unenrolled learners as enrolled minus active, retired ones, learners
 * refusing a cookie category... None may come out from 1 to 4 unless the reader may list that group anyway.
 *
 * <p>Groups are worked out on "atoms": the 64 combinations of six facts of an enrollment (active, retired, and the
 * learner's analytics, functional, marketing and Global Privacy Control settings). Each number an endpoint shows is
 * modelled as the atoms it counts, and checked against the database, so a wrong model fails instead of hiding a leak.
 * A combination describes a group when it adds up to 0 or 1 on every atom.
 *
 * <p>The platform is the test's own, with a course shaped so the small groups really exist: 3 unenrolled learners,
 * 2 retired, and among the active learners 3 refusing analytics, 2 allowing marketing, 1 sending Global Privacy
 * Control.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SmallGroupCountsContract {
    /** The shaped course: in nb-ta's scope, so a scoped course administrator reads it too. */
    static final String SHAPED = "course-v1:Northbridge+DS200+2026_T1";

    static final int ACTIVE = 32;
    static final int RETIRED = 16;
    static final int ANALYTICS = 8;
    static final int FUNCTIONAL = 4;
    static final int MARKETING = 2;
    static final int GPC = 1;
    static final String[] FACTS = {"active", "retired", "analytics", "functional", "marketing", "gpc"};
    static final int[] BITS = {ACTIVE, RETIRED, ANALYTICS, FUNCTIONAL, MARKETING, GPC};

    PlatformFixture fixture;
    TestApi api;
    Jdbc jdbc;

    abstract PlatformFixture start() throws Exception;

    @BeforeAll
    void startAndShape() throws Exception {
        fixture = start();
        api = fixture.api();
        jdbc = fixture.jdbc();
        shape(SHAPED);
    }

    @AfterAll
    void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // The shaped course.

    private record Enrolled(long id, String learnerId, boolean retired) {
    }

    private List<Enrolled> enrolled(String courseId) {
        return jdbc.query("SELECT e.id, e.learner_id, l.status FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? ORDER BY e.id", rs -> new Enrolled(rs.getLong(1), rs.getString(2),
                "RETIRED".equals(rs.getString(3))), courseId);
    }

    /**
     * Makes the course hold exactly 2 retired learners and 3 unenrolled ones, and sets the cookie settings of its
     * active learners; the course's stored counts follow, as the platform keeps them.
     */
    private void shape(String courseId) {
        List<Enrolled> rows = enrolled(courseId);
        List<Enrolled> retired = rows.stream().filter(Enrolled::retired).toList();
        for (Enrolled extra : retired.subList(Math.min(2, retired.size()), retired.size())) {
            jdbc.update("DELETE FROM enrollment WHERE id = ?", extra.id());
        }
        if (retired.size() < 2) {
            List<Long> others = jdbc.query("SELECT MIN(e.id) FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                    + "WHERE l.status = 'RETIRED' AND e.learner_id NOT IN (SELECT learner_id FROM enrollment WHERE "
                    + "course_id = ?) GROUP BY e.learner_id ORDER BY MIN(e.id)", rs -> rs.getLong(1), courseId);
            assertThat(others.size()).as("retired learners to enrol").isGreaterThanOrEqualTo(2 - retired.size());
            String breakdown = jdbc.queryOne("SELECT grade_breakdown FROM enrollment WHERE course_id = ?",
                    rs -> rs.getString(1), courseId).orElseThrow();
            long next = jdbc.queryOne("SELECT MAX(id) FROM enrollment", rs -> rs.getLong(1)).orElseThrow();
            for (Long source : others.subList(0, 2 - retired.size())) {
                next++;
                jdbc.update("INSERT INTO enrollment (id, course_id, learner_id, member_id, mode, enrolled_at, "
                        + "unenrolled_at, active, email, username_key, name_key, email_key, country, grade, progress, "
                        + "passed, certificate, grade_breakdown, last_activity_at, activity_key, active_days, "
                        + "videos_watched, problems_attempted, forum_posts, level_of_education) "
                        + "SELECT ?, ?, learner_id, 'northbridge', mode, enrolled_at, unenrolled_at, active, email, "
                        + "username_key, name_key, email_key, country, grade, progress, passed, certificate, ?, "
                        + "last_activity_at, activity_key, active_days, videos_watched, problems_attempted, "
                        + "forum_posts, level_of_education FROM enrollment WHERE id = ?", next, courseId, breakdown,
                        source);
            }
        }
        rows = enrolled(courseId);
        List<Enrolled> named = rows.stream().filter(r -> !r.retired()).toList();
        List<Enrolled> gone = rows.stream().filter(Enrolled::retired).toList();
        assertThat(gone).hasSize(2);
        assertThat(named.size()).as("enrollments of the shaped course").isGreaterThanOrEqualTo(14);
        jdbc.update("UPDATE enrollment SET active = TRUE, unenrolled_at = NULL WHERE course_id = ?", courseId);
        for (Enrolled leaves : List.of(gone.get(1), named.get(0), named.get(1))) {
            jdbc.update("UPDATE enrollment SET active = FALSE, unenrolled_at = enrolled_at WHERE id = ?", leaves.id());
        }
        List<Enrolled> stay = named.subList(2, named.size());
        for (int i = 0; i < stay.size(); i++) {
            jdbc.update("UPDATE learner SET cookie_analytics = ?, cookie_functional = TRUE, cookie_marketing = ?, "
                    + "global_privacy_control = ? WHERE id = ?", i >= 3, i == 3 || i == 4, i == 5,
                    stay.get(i).learnerId());
        }
        jdbc.update("UPDATE course SET enrollment_count = (SELECT COUNT(*) FROM enrollment WHERE course_id = ?), "
                + "active_count = (SELECT COUNT(*) FROM enrollment WHERE course_id = ? AND active = TRUE) WHERE id = ?",
                courseId, courseId, courseId);
    }

    /** How many enrollments of the course fall on each atom, read straight from the tables. */
    long[] atoms(String courseId) {
        long[] atoms = new long[64];
        jdbc.forEach("SELECT e.active, l.status, l.cookie_analytics, l.cookie_functional, l.cookie_marketing, "
                + "l.global_privacy_control FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ?", rs -> atoms[(rs.getBoolean(1) ? ACTIVE : 0)
                | ("RETIRED".equals(rs.getString(2)) ? RETIRED : 0) | (rs.getBoolean(3) ? ANALYTICS : 0)
                | (rs.getBoolean(4) ? FUNCTIONAL : 0) | (rs.getBoolean(5) ? MARKETING : 0)
                | (rs.getBoolean(6) ? GPC : 0)]++, courseId);
        return atoms;
    }

    // The reader.

    /** A number a reader saw (null: not shown), and the atoms it counts. */
    record Read(String what, Predicate<Integer> counts, Long shown, boolean logged) {
        int[] vector() {
            int[] v = new int[64];
            for (int a = 0; a < 64; a++) {
                v[a] = counts.test(a) ? 1 : 0;
            }
            return v;
        }
    }

    /** A group of 1 to 4 enrollments the reader worked out, and how. */
    record Leak(String how, String group, long value, boolean usesLoggedRead, int[] members) {
        Leak in(String where) {
            return new Leak(where + ": " + how, group, value, usesLoggedRead, members);
        }
    }

    static Predicate<Integer> all() {
        return a -> true;
    }

    static Predicate<Integer> has(int bit) {
        return a -> (a & bit) != 0;
    }

    static Predicate<Integer> coverage(int bit) {
        return a -> (a & ACTIVE) != 0 && (a & RETIRED) == 0 && (bit == 0 || (a & bit) != 0);
    }

    static Long count(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asLong();
    }

    /** What a reader reads about one course on every endpoint with counts that their role reaches. */
    List<Read> read(String token, String courseId) {
        List<Read> reads = new ArrayList<>();
        for (JsonNode c : api.get(ApiPaths.COURSES + "?limit=500", token).json().path("items")) {
            if (c.path("id").asText().equals(courseId)) {
                reads.add(new Read("GET /courses enrollmentCount", all(), count(c.get("enrollmentCount")), false));
                reads.add(new Read("GET /courses activeEnrollmentCount", has(ACTIVE),
                        count(c.get("activeEnrollmentCount")), false));
            }
        }
        JsonNode one = api.get(ApiPaths.course(courseId), token).json();
        reads.add(new Read("GET /courses/{id} enrollmentCount", all(), count(one.get("enrollmentCount")), false));
        reads.add(new Read("GET /courses/{id} activeEnrollmentCount", has(ACTIVE),
                count(one.get("activeEnrollmentCount")), false));
        TestApi.Response coverage = api.get(ApiPaths.courseTracking(courseId) + "/coverage", token);
        if (coverage.status() == 200) {
            JsonNode cov = coverage.json();
            reads.add(new Read("coverage learners", coverage(0), count(cov.path("learners").get("count")), false));
            for (JsonNode cat : cov.path("categories")) {
                int bit = switch (cat.path("category").asText()) {
                    case "STRICTLY_NECESSARY" -> 0;
                    case "PERFORMANCE" -> ANALYTICS;
                    case "FUNCTIONALITY" -> FUNCTIONAL;
                    case "MARKETING" -> MARKETING;
                    default -> throw new AssertionError("a category the reader does not know: " + cat);
                };
                reads.add(new Read("coverage " + cat.path("category").asText(), coverage(bit),
                        count(cat.path("allowing").get("count")), false));
            }
            reads.add(new Read("coverage globalPrivacyControl", coverage(GPC),
                    count(cov.path("globalPrivacyControl").get("count")), false));
        }
        TestApi.Response insights = api.get(ApiPaths.courseInsights(courseId), token);
        if (insights.status() == 200) {
            JsonNode in = insights.json();
            reads.add(new Read("insights enrolled", all(), count(in.path("enrolled").get("count")), false));
            for (JsonNode stage : in.path("funnel")) {
                if ("ENROLLED".equals(stage.path("key").asText())) {
                    reads.add(new Read("insights funnel ENROLLED", all(), count(stage.get("count")), false));
                }
            }
        }
        return reads;
    }

    /** A draft notice scoped to the course and its preview, as an officer counts who it reaches. */
    List<Read> preview(String officer, String courseId) {
        Instant discovered = fixture.clock().instant().minus(Duration.ofHours(2));
        IncidentRequest draft = new IncidentRequest("Counts of " + courseId, discovered, discovered.minus(
                Duration.ofDays(2)), discovered.minus(Duration.ofDays(1)), "A copy of course data was exposed.",
                List.of(DataCategory.NAME, DataCategory.PERFORMANCE), "Reporting warehouse", "Access closed.",
                "Watch for phishing.", "privacy@northbridge.example",
                new BreachScope(ScopeMode.FILTER, List.of(courseId), null, null, List.of(), List.of()), null, null);
        TestApi.Response created = api.post(ApiPaths.BREACH_NOTICES, officer, json(draft));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        TestApi.Response r = api.get(ApiPaths.breachNotice(id) + "/preview", officer);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode p = r.json();
        return List.of(new Read("preview " + id + " learners", all(), p.path("learners").asLong(), true),
                new Read("preview " + id + " retired", has(RETIRED), p.path("retired").asLong(), true));
    }

    static String json(Object o) {
        try {
            return Json.mapper().writeValueAsString(o);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Every shown number is what the database holds for the atoms it is modelled to count. */
    static void assertModelled(List<Read> reads, long[] atoms) {
        for (Read r : reads) {
            if (r.shown() != null) {
                assertThat(r.shown()).as(r.what()).isEqualTo(size(r.vector(), atoms));
            }
        }
    }

    static long size(int[] group, long[] atoms) {
        long n = 0;
        for (int a = 0; a < 64; a++) {
            n += group[a] * atoms[a];
        }
        return n;
    }

    /** The four groups a course's learner list shows, by the active and retired columns alone. */
    static List<Read> listable(long[] atoms) {
        List<Read> free = new ArrayList<>();
        for (int cls : new int[] {0, ACTIVE, RETIRED, ACTIVE | RETIRED}) {
            Predicate<Integer> in = a -> (a & (ACTIVE | RETIRED)) == cls;
            long n = 0;
            for (int a = 0; a < 64; a++) {
                n += in.test(a) ? atoms[a] : 0;
            }
            free.add(new Read("listed " + describe(in), in, n, false));
        }
        return free;
    }

    /**
     * Every combination of the shown reads with coefficients -1, 0 or 1 that describes a group, whose value is from
     * 1 to 4. With {@code mayList}, the reader counts the learner list too: a group it can count there (or one that
     * merely adds such a group to another) is no finding.
     */
    static List<Leak> subtract(List<Read> reads, long[] atoms, boolean mayList) {
        List<Read> shown = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Read> all = new ArrayList<>(reads);
        if (mayList) {
            all.addAll(listable(atoms));
        }
        for (Read r : all) {
            String key = Arrays.toString(r.vector()) + "=" + r.shown();
            if (r.shown() != null && !seen.contains(key)) {
                seen.add(key);
                shown.add(r);
            }
        }
        int n = shown.size();
        int[][] vectors = shown.stream().map(Read::vector).toArray(int[][]::new);
        List<Leak> leaks = new ArrayList<>();
        int[] coef = new int[n];
        long combos = (long) Math.pow(3, n);
        for (long c = 1; c < combos; c++) {
            long rest = c;
            for (int i = 0; i < n; i++) {
                coef[i] = (int) (rest % 3) - 1;
                rest /= 3;
            }
            int[] group = new int[64];
            long value = 0;
            boolean isGroup = true;
            for (int i = 0; i < n && isGroup; i++) {
                if (coef[i] != 0) {
                    value += coef[i] * shown.get(i).shown();
                    for (int a = 0; a < 64; a++) {
                        group[a] += coef[i] * vectors[i][a];
                    }
                }
            }
            boolean any = false;
            for (int a = 0; a < 64; a++) {
                isGroup &= group[a] == 0 || group[a] == 1;
                any |= group[a] == 1;
            }
            if (!isGroup || !any || value < 1 || value > 4) {
                continue;
            }
            if (mayList && (!dependsOnSettings(group) || holdsAListedClass(group))) {
                continue;
            }
            assertThat(value).as("a group's value is its size").isEqualTo(size(group, atoms));
            StringBuilder how = new StringBuilder();
            boolean logged = false;
            for (int i = 0; i < n; i++) {
                if (coef[i] != 0) {
                    how.append(coef[i] > 0 ? " + " : " - ").append(shown.get(i).what());
                    logged |= shown.get(i).logged();
                }
            }
            leaks.add(new Leak(how.toString().strip(), describe(a -> group[a] == 1), value, logged, group));
        }
        return leaks;
    }

    /** Whether membership of the group turns on a cookie setting, which no learner list shows. */
    static boolean dependsOnSettings(int[] group) {
        for (int a = 0; a < 64; a++) {
            if (group[a] != group[a & (ACTIVE | RETIRED)]) {
                return true;
            }
        }
        return false;
    }

    /** Whether the group holds all of one listed class (say every retired active learner) as a part. */
    static boolean holdsAListedClass(int[] group) {
        for (int cls : new int[] {0, ACTIVE, RETIRED, ACTIVE | RETIRED}) {
            boolean whole = true;
            for (int a = 0; a < 64; a++) {
                if ((a & (ACTIVE | RETIRED)) == cls) {
                    whole &= group[a] == 1;
                }
            }
            if (whole) {
                return true;
            }
        }
        return false;
    }

    /** The group in words, as the facts that hold for all of its atoms and none outside (or the atoms' count). */
    static String describe(Predicate<Integer> group) {
        List<String> facts = new ArrayList<>();
        int members = 0;
        for (int a = 0; a < 64; a++) {
            members += group.test(a) ? 1 : 0;
        }
        for (int f = 0; f < FACTS.length; f++) {
            int bit = BITS[f];
            boolean allHave = true;
            boolean allLack = true;
            for (int a = 0; a < 64; a++) {
                if (group.test(a)) {
                    allHave &= (a & bit) != 0;
                    allLack &= (a & bit) == 0;
                }
            }
            if (allHave) {
                facts.add(FACTS[f]);
            } else if (allLack) {
                facts.add("not " + FACTS[f]);
            }
        }
        return String.join(" and ", facts) + " (" + members + " of 64 atoms)";
    }

    String officer() {
        return api.signIn("nb-security");
    }

    List<String> courses(String token) {
        List<String> ids = new ArrayList<>();
        api.get(ApiPaths.COURSES + "?limit=500", token).json().path("items")
                .forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    // The tests.

    @Test
    void theShapedCourseReallyHoldsGroupsOfOneToFour() {
        long[] atoms = atoms(SHAPED);
        long unenrolled = 0;
        long retired = 0;
        long refusingAnalytics = 0;
        for (int a = 0; a < 64; a++) {
            unenrolled += (a & ACTIVE) == 0 ? atoms[a] : 0;
            retired += (a & RETIRED) != 0 ? atoms[a] : 0;
            refusingAnalytics += coverage(0).test(a) && (a & ANALYTICS) == 0 ? atoms[a] : 0;
        }
        assertThat(unenrolled).isEqualTo(3);
        assertThat(retired).isEqualTo(2);
        assertThat(refusingAnalytics).isEqualTo(3);
    }

    @Test
    void r11R2AnOfficerCannotSubtractTheCountsOfACourseIntoAGroupOfOneToFour() {
        String token = officer();
        List<String> ids = courses(token);
        assertThat(ids).contains(SHAPED);
        List<Leak> found = new ArrayList<>();
        for (String course : ids) {
            long[] atoms = atoms(course);
            List<Read> reads = read(token, course);
            assertModelled(reads, atoms);
            subtract(reads, atoms, false).forEach(l -> found.add(l.in(course)));
        }
        assertThat(found).as("groups of 1 to 4 an officer works out from the course counts").isEmpty();
    }

    @Test
    void r11R2AnOfficerReachesNoOtherCountOfACoursesLearners() {
        String token = officer();
        assertThat(api.get(ApiPaths.courseInsights(SHAPED), token).status()).isEqualTo(403);
        assertThat(api.get(ApiPaths.courseTracking(SHAPED) + "/coverage", token).status()).isEqualTo(403);
        assertThat(api.get(ApiPaths.courseLearners(SHAPED), token).status()).isEqualTo(403);
        assertThat(api.get(ApiPaths.SPONSOR_REPORTS, token).status()).isEqualTo(403);
    }

    @Test
    void r11AnOfficerSeesWhichCountsAreProtectedAndNeverOneToFour() {
        String token = officer();
        for (JsonNode c : api.get(ApiPaths.COURSES + "?limit=500", token).json().path("items")) {
            assertThat(c.path("countsProtected").asBoolean()).as(c.path("id").asText()).isTrue();
            for (String field : List.of("enrollmentCount", "activeEnrollmentCount")) {
                Long n = count(c.get(field));
                assertThat(n == null || n == 0 || n >= 5).as(c.path("id").asText() + " " + field + " = " + n)
                        .isTrue();
            }
        }
        JsonNode shaped = api.get(ApiPaths.course(SHAPED), token).json();
        assertThat(shaped.has("activeEnrollmentCount")).isTrue();
        assertThat(count(shaped.get("activeEnrollmentCount"))).as("active, with 3 unenrolled beside it").isNull();
        assertThat(count(shaped.get("enrollmentCount"))).isEqualTo(atomsTotal(SHAPED));
    }

    long atomsTotal(String courseId) {
        long n = 0;
        for (long a : atoms(courseId)) {
            n += a;
        }
        return n;
    }

    @Test
    void r12WhatAnOfficerCountsExactlyInABreachPreviewIsInTheAccessLog() {
        String token = officer();
        long[] atoms = atoms(SHAPED);
        List<Read> reads = new ArrayList<>(read(token, SHAPED));
        List<Read> preview = preview(token, SHAPED);
        reads.addAll(preview);
        assertModelled(reads, atoms);
        List<Leak> found = subtract(reads, atoms, false);
        assertThat(found).as("the preview counts exactly: the retired learners it reaches are 2")
                .anySatisfy(l -> assertThat(l.value()).isEqualTo(2));
        assertThat(found).as("every small group an officer works out needs a logged preview")
                .allSatisfy(l -> assertThat(l.usesLoggedRead()).as(l.how()).isTrue());
        String incident = preview.getFirst().what().split(" ")[1];
        JsonNode log = api.get(ApiPaths.ACCESS_LOG + "?action=BREACH_SCOPE_PREVIEW&objectId=" + incident, token)
                .json().path("items");
        assertThat(log).as("the preview of " + incident + " in the access log").hasSize(1);
        assertThat(log.get(0).path("actor").asText()).isEqualTo("nb-security");
        assertThat(log.get(0).path("objectType").asText()).isEqualTo("INCIDENT");
    }

    @Test
    void r11WhoMayListACoursesLearnersSeesExactCountsYetNoSmallGroupOfCookieSettings() {
        for (String who : List.of("nb-admin", "nb-ta")) {
            String token = api.signIn(who);
            List<String> ids = courses(token);
            assertThat(ids).contains(SHAPED);
            List<Leak> found = new ArrayList<>();
            for (String course : ids) {
                long[] atoms = atoms(course);
                List<Read> reads = read(token, course);
                assertModelled(reads, atoms);
                assertThat(reads).as("exact counts for " + who + " in " + course)
                        .filteredOn(r -> r.what().startsWith("GET /courses"))
                        .allSatisfy(r -> assertThat(r.shown()).isNotNull());
                subtract(reads, atoms, true).forEach(l -> found.add(l.in(who + " " + course)));
            }
            assertThat(found).as("small groups of cookie settings " + who + " works out").isEmpty();
            // The reader is not toothless: without the list, the one retired learner still active is found (active
            // minus the coverage's learners). Who may list the course counts that group there anyway.
            assertThat(subtract(read(token, SHAPED), atoms(SHAPED), false)).as(who)
                    .anySatisfy(l -> assertThat(l.group() + " = " + l.value())
                            .isEqualTo("active and retired (16 of 64 atoms) = 1"));
        }
    }
}
