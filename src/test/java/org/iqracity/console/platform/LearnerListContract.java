package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The learner list: keyset paging, every sort both ways, search, filters and totals, checked against SQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LearnerListContract {
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    TestApi api;
    Jdbc jdbc;
    String token;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        api = fixture().api();
        jdbc = fixture().jdbc();
        token = api.signIn("nb-admin");
    }

    List<JsonNode> all(String query) {
        return all(query, 97);
    }

    List<JsonNode> all(String query, int limit) {
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            String url = ApiPaths.courseLearners(DS200) + "?limit=" + limit + query
                    + (cursor == null ? "" : "&cursor=" + cursor);
            TestApi.Response r = api.get(url, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("items").forEach(rows::add);
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
            assertThat(++pages).isLessThan(1000);
        } while (cursor != null);
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "-username", "name", "-name", "enrolledAt", "-enrolledAt", "progress",
        "-progress", "grade", "-grade", "lastActivityAt", "-lastActivityAt"})
    void pagingThroughEverySortVisitsEachEnrollmentOnceInOrder(String sort) {
        List<JsonNode> rows = all("&sort=" + sort);
        List<String> expected = jdbc.query("SELECT learner_id FROM enrollment WHERE course_id = ? ORDER BY "
                + column(sort) + (sort.startsWith("-") ? " DESC, id DESC" : " ASC, id ASC"), rs -> rs.getString(1), DS200);
        assertThat(rows.stream().map(r -> r.path("learnerId").asText()).toList()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "-username", "name", "-name", "enrolledAt", "-enrolledAt", "progress",
        "-progress", "grade", "-grade", "lastActivityAt", "-lastActivityAt"})
    void searchPagesInEverySortVisitEachMatchOnceInOrder(String sort) {
        String match = "(username_key LIKE 'a%' OR name_key LIKE 'a%' OR email_key LIKE 'a%')";
        List<String> expected = jdbc.query("SELECT learner_id FROM enrollment WHERE course_id = ? AND " + match
                + " ORDER BY " + column(sort) + (sort.startsWith("-") ? " DESC, id DESC" : " ASC, id ASC"),
                rs -> rs.getString(1), DS200);
        assertThat(expected).hasSizeGreaterThan(12);
        List<JsonNode> rows = all("&q=A&sort=" + sort, 4);
        assertThat(rows.stream().map(r -> r.path("learnerId").asText()).toList()).isEqualTo(expected);

        List<String> verified = jdbc.query("SELECT learner_id FROM enrollment WHERE course_id = ? AND " + match
                + " AND mode = 'VERIFIED' AND progress >= 0.2 ORDER BY " + column(sort)
                + (sort.startsWith("-") ? " DESC, id DESC" : " ASC, id ASC"), rs -> rs.getString(1), DS200);
        assertThat(all("&q=a&mode=VERIFIED&minProgress=0.2&sort=" + sort, 2).stream()
                .map(r -> r.path("learnerId").asText()).toList()).isNotEmpty().isEqualTo(verified);
    }

    private static String column(String sort) {
        return switch (sort.replace("-", "")) {
            case "username" -> "username_key";
            case "name" -> "name_key";
            case "enrolledAt" -> "enrolled_at";
            case "lastActivityAt" -> "activity_key";
            default -> sort.replace("-", "");
        };
    }

    @Test
    void totalIsTheCourseEnrollmentCount() {
        long expected = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1), DS200)
                .orElseThrow();
        assertThat(api.get(ApiPaths.courseLearners(DS200), token).json().path("total").asLong()).isEqualTo(expected);
        assertThat(all("")).hasSize((int) expected);
    }

    @Test
    void searchMatchesUsernameNameAndEmailPrefixesIgnoringCase() {
        record L(String username, String name, String email) {
        }
        L l = jdbc.queryOne("SELECT l.username, l.name, e.email FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.status = 'ACTIVE' AND e.email <> l.email ORDER BY e.id",
                rs -> new L(rs.getString(1), rs.getString(2), rs.getString(3)), DS200)
                .orElseGet(() -> jdbc.queryOne("SELECT l.username, l.name, e.email FROM enrollment e JOIN learner l "
                        + "ON l.id = e.learner_id WHERE e.course_id = ? AND l.status = 'ACTIVE' ORDER BY e.id",
                        rs -> new L(rs.getString(1), rs.getString(2), rs.getString(3)), DS200).orElseThrow());
        for (String q : List.of(l.username().toUpperCase(), l.name(), l.email().substring(0, l.email().indexOf('@')))) {
            List<JsonNode> found = all("&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(found).as(q).isNotEmpty();
            String lower = q.toLowerCase();
            for (JsonNode row : found) {
                boolean matches = row.path("username").asText().toLowerCase().startsWith(lower)
                        || row.path("name").asText("").toLowerCase().startsWith(lower)
                        || row.path("email").asText("").toLowerCase().startsWith(lower);
                assertThat(matches).as("%s matched by %s", row, q).isTrue();
            }
        }
    }

    @Test
    void searchTotalsCountEveryMatchOnce() {
        String prefix = "a";
        long expected = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ? AND (username_key LIKE 'a%' "
                + "OR name_key LIKE 'a%' OR email_key LIKE 'a%')", rs -> rs.getLong(1), DS200).orElseThrow();
        List<JsonNode> rows = all("&q=" + prefix);
        assertThat(rows).hasSize((int) expected);
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> ids.add(r.path("learnerId").asText()));
        assertThat(ids).hasSize(rows.size());
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?q=a", token).json().path("total").asLong())
                .isEqualTo(expected);
    }

    @Test
    void likeWildcardsInASearchAreTakenLiterally() {
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?q=%25", token).json().path("total").asLong()).isZero();
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?q=_", token).json().path("total").asLong()).isZero();
    }

    @Test
    void filtersNarrowTheListAndTheTotal() {
        long expected = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ? AND mode = 'VERIFIED' AND "
                + "active = TRUE AND passed = TRUE AND progress >= 0.5 AND progress <= 0.9", rs -> rs.getLong(1), DS200)
                .orElseThrow();
        assertThat(expected).isPositive();
        String query = "&mode=VERIFIED&active=true&passed=true&minProgress=0.5&maxProgress=0.9";
        List<JsonNode> rows = all(query);
        assertThat(rows).hasSize((int) expected);
        rows.forEach(r -> {
            assertThat(r.path("mode").asText()).isEqualTo("VERIFIED");
            assertThat(r.path("passed").asBoolean()).isTrue();
            assertThat(r.path("progress").asDouble()).isBetween(0.5, 0.9);
        });
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?" + query.substring(1), token).json().path("total")
                .asLong()).isEqualTo(expected);
        String country = rows.getFirst().path("country").asText();
        all("&country=" + country).forEach(r -> assertThat(r.path("country").asText()).isEqualTo(country));
    }

    @Test
    void aTamperedCursorOrOneFromAnotherQueryIsRefused() {
        JsonNode first = api.get(ApiPaths.courseLearners(DS200) + "?limit=5", token).json();
        String cursor = first.path("nextCursor").asText();
        String tampered = (cursor.charAt(3) == 'A' ? "B" : "A");
        tampered = cursor.substring(0, 3) + tampered + cursor.substring(4);
        TestApi.Response r = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&cursor=" + tampered, token);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        TestApi.Response other = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&sort=-grade&cursor=" + cursor, token);
        assertThat(other.status()).isEqualTo(400);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&cursor=" + cursor, token).status()).isEqualTo(200);
    }

    /**
     * R1, R12: a cursor shows nothing of the learners it stands after, and continues a list only for the staff member
     * and the session it was given to: anyone else's, or one from an earlier session, answers as an invalid cursor.
     */
    @Test
    void r12ACursorIsOpaqueAndOpensOnlyForWhoWasGivenItInThatSession() {
        String admin = api.signIn("nb-admin");
        JsonNode first = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&sort=name", admin).json();
        String cursor = first.path("nextCursor").asText();
        String inside = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                StandardCharsets.ISO_8859_1);
        JsonNode last = first.path("items").get(4);
        assertThat(inside).doesNotContain(last.path("username").asText()).doesNotContain(last.path("name")
                .asText());
        String enrollment = jdbc.queryOne("SELECT e.id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.username = ?", rs -> Long.toString(rs.getLong(1)), DS200,
                last.path("username").asText()).orElseThrow();
        assertThat(inside).doesNotContain(enrollment);

        String next = ApiPaths.courseLearners(DS200) + "?limit=5&sort=name&cursor=" + cursor;
        assertThat(api.get(next, admin).status()).as("the person it was given to").isEqualTo(200);
        String scoped = api.signIn("nb-ta");
        TestApi.Response other = api.get(next, scoped);
        assertThat(other.status()).as("another staff member with the course in scope").isEqualTo(400);
        assertThat(other.body()).contains("not valid for this list");
        assertThat(api.get(next, api.signIn("nb-admin")).status()).as("the same person, another session")
                .isEqualTo(400);
        long entries = jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE actor_username = 'nb-ta' AND "
                + "action = 'LEARNER_LIST'", rs -> rs.getLong(1)).orElseThrow();
        TestApi.Response own = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&sort=name", scoped);
        assertThat(own.status()).isEqualTo(200);
        assertThat(jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE actor_username = 'nb-ta' AND "
                + "action = 'LEARNER_LIST'", rs -> rs.getLong(1)).orElseThrow())
                .as("reading the list starts with an entry under their own name").isEqualTo(entries + 1);
    }

    /** R12: a search is in the log with what was searched for, under the course it was made in. */
    @Test
    void r12ASearchIsLoggedWithItsTerm() {
        String term = "zq" + System.nanoTime() % 1000;
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?q=" + term + "&limit=5", token).status())
                .isEqualTo(200);
        assertThat(jdbc.query("SELECT object_type || ' ' || object_id || ' ' || course_id FROM access_log WHERE "
                + "action = 'LEARNER_SEARCH' ORDER BY seq DESC", rs -> rs.getString(1)).getFirst())
                .isEqualTo("SEARCH \"" + term + "\" " + DS200);
    }

    @Test
    void courseIdsWorkPercentEncodedOrRaw() {
        String raw = "/api/v1/courses/" + DS200 + "/learners?limit=1";
        assertThat(api.get(raw, token).status()).isEqualTo(200);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=1", token).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=9999999999", "limit=abc", "sort=password", "sort=--name",
        "mode=ROOT", "active=yes", "minProgress=2", "minProgress=0.9&maxProgress=0.1", "minProgress=NaN",
        "country=usa", "unknown=1", "q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "limit=5&limit=6", "q=ab%00cd", "q=%1B%5B31m"})
    void badListParametersAnswer422NamingTheField(String query) {
        TestApi.Response r = api.get(ApiPaths.courseLearners(DS200) + "?" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").size()).isPositive();
    }
}
