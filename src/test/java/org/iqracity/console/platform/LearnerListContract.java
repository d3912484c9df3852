package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.search.SearchTokens;
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
        assertThat(rows.stream().map(r -> r.path("learnerId").asText()).toList()).isEqualTo(inOrder(sort, null));
    }

    /**
     * The course's learner ids in the list's order, as SQL orders them: the sort column then the id; in descending name
     * order the named learners so, then the unnamed ones (name keys from "2" on: no name, then retired) ascending.
     * Only enrollments in {@code only} when given.
     */
    List<String> inOrder(String sort, Collection<Long> only) {
        boolean desc = sort.startsWith("-");
        record Row(long id, String learnerId, String nameKey) {
        }
        List<Row> rows = jdbc.query("SELECT id, learner_id, name_key FROM enrollment WHERE course_id = ? ORDER BY "
                + column(sort) + (desc ? " DESC, id DESC" : " ASC, id ASC"),
                rs -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3)), DS200);
        Stream<Row> ordered = rows.stream();
        if (desc && sort.equals("-name")) {
            List<Row> named = rows.stream().filter(r -> r.nameKey().compareTo("2") < 0).toList();
            List<Row> unnamed = rows.stream().filter(r -> r.nameKey().compareTo("2") >= 0).toList().reversed();
            ordered = Stream.concat(named.stream(), unnamed.stream());
        }
        return ordered.filter(r -> only == null || only.contains(r.id())).map(Row::learnerId).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"username", "-username", "name", "-name", "enrolledAt", "-enrolledAt", "progress",
        "-progress", "grade", "-grade", "lastActivityAt", "-lastActivityAt"})
    void searchPagesInEverySortVisitEachMatchOnceInOrder(String sort) {
        List<PeopleSearchOracle.Shown> course = PeopleSearchOracle.course(jdbc, DS200);
        Set<Long> matching = new HashSet<>(PeopleSearchOracle.found(course, "a"));
        List<String> expected = inOrder(sort, matching);
        assertThat(expected).hasSizeGreaterThan(12);
        List<JsonNode> rows = all("&q=A&sort=" + sort, 4);
        assertThat(rows.stream().map(r -> r.path("learnerId").asText()).toList()).isEqualTo(expected);

        Set<Long> verified = new HashSet<>(jdbc.query("SELECT id FROM enrollment WHERE course_id = ? AND "
                + "mode = 'VERIFIED' AND progress >= 0.2", rs -> rs.getLong(1), DS200));
        verified.retainAll(matching);
        assertThat(all("&q=a&mode=VERIFIED&minProgress=0.2&sort=" + sort, 2).stream()
                .map(r -> r.path("learnerId").asText()).toList()).isNotEmpty().isEqualTo(inOrder(sort, verified));
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
        L l = jdbc.queryOne("SELECT l.username, l.name, e.email FROM enrollment e JOIN learner l ON l.id = "
                + "e.learner_id "
                + "WHERE e.course_id = ? AND l.status = 'ACTIVE' AND e.email <> l.email ORDER BY e.id",
                rs -> new L(rs.getString(1), rs.getString(2), rs.getString(3)), DS200)
                .orElseGet(() -> jdbc.queryOne("SELECT l.username, l.name, e.email FROM enrollment e JOIN learner l "
                        + "ON l.id = e.learner_id WHERE e.course_id = ? AND l.status = 'ACTIVE' ORDER BY e.id",
                        rs -> new L(rs.getString(1), rs.getString(2), rs.getString(3)), DS200).orElseThrow());
        List<PeopleSearchOracle.Shown> course = PeopleSearchOracle.course(jdbc, DS200);
        for (String q : List.of(l.username().toUpperCase(), l.name(), l.email().substring(0, l.email().indexOf('@')),
                l.email())) {
            List<JsonNode> found = all("&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(found).as(q).isNotEmpty();
            assertThat(enrollmentIds(found)).as(q).isEqualTo(Set.copyOf(PeopleSearchOracle.found(course, q)));
        }
    }

    /** The enrollment ids of rows of DS200, by their learner ids. */
    Set<Long> enrollmentIds(List<JsonNode> rows) {
        Map<String, Long> byLearner = new HashMap<>();
        PeopleSearchOracle.course(jdbc, DS200).forEach(s -> byLearner.put(s.learnerId(), s.enrollmentId()));
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> ids.add(byLearner.get(r.path("learnerId").asText())));
        assertThat(ids).as("each row once").hasSize(rows.size());
        return ids;
    }

    @Test
    void searchTotalsCountEveryMatchOnce() {
        long expected = PeopleSearchOracle.found(PeopleSearchOracle.course(jdbc, DS200), "a").size();
        List<JsonNode> rows = all("&q=a");
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
        TestApi.Response other = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&sort=-grade&cursor=" + cursor,
                token);
        assertThat(other.status()).isEqualTo(400);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&cursor=" + cursor, token).status())
                .isEqualTo(200);
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
        String inside = new String(Base64.getUrlDecoder().decode(cursor),
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

    // Pages at a position: a jump to the middle or the end of a list (issue 27).

    @ParameterizedTest
    @ValueSource(strings = {"&sort=username", "&sort=-name", "&sort=grade", "&sort=-lastActivityAt&active=true",
        "&q=a&sort=name", "&q=a&sort=-name", "&minProgress=0.3&sort=-enrolledAt"})
    void aPageAtAPositionIsTheStretchOfTheListThatCursorsReach(String query) {
        List<String> whole = all(query, 211).stream().map(r -> r.path("learnerId").asText()).toList();
        assertThat(whole).hasSizeGreaterThan(25);
        for (int at : new int[] {0, 1, 37, whole.size() / 2, whole.size() - 7, whole.size() - 1, whole.size(),
            whole.size() + 100}) {
            TestApi.Response r = api.get(ApiPaths.courseLearners(DS200) + "?limit=20&at=" + at + query, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            List<String> page = new ArrayList<>();
            r.json().path("items").forEach(row -> page.add(row.path("learnerId").asText()));
            assertThat(page).as("at " + at).isEqualTo(whole.subList(Math.min(at, whole.size()),
                    Math.min(at + 20, whole.size())));
            assertThat(r.json().path("total").asLong()).isEqualTo(whole.size());
            boolean more = at + 20 < whole.size();
            assertThat(r.json().path("nextCursor").isNull()).as("at " + at).isEqualTo(!more);
            if (more) {
                String next = r.json().path("nextCursor").asText();
                JsonNode after = api.get(ApiPaths.courseLearners(DS200) + "?limit=20" + query + "&cursor=" + next,
                        token).json();
                assertThat(after.path("items").get(0).path("learnerId").asText()).as("the page after, by its cursor")
                        .isEqualTo(whole.get(at + 20));
            }
        }
    }

    /**
     * R12: a page at a position opens the list in the access log unless a cursor of that same list, given to this
     * person in this session, shows that it continues one already logged; a cursor of another list or another person
     * is refused as a cursor is.
     */
    @Test
    void r12APageAtAPositionIsLoggedAsAListOpenedUnlessItsCursorShowsItContinuesOne() {
        String admin = api.signIn("nb-admin");
        String list = ApiPaths.courseLearners(DS200) + "?limit=5&sort=grade";
        long before = listEntries();
        JsonNode first = api.get(list, admin).json();
        assertThat(listEntries()).as("the list opened").isEqualTo(before + 1);
        String cursor = first.path("nextCursor").asText();
        assertThat(api.get(list + "&at=300&cursor=" + cursor, admin).status()).isEqualTo(200);
        assertThat(listEntries()).as("a jump inside the list opened").isEqualTo(before + 1);
        assertThat(api.get(list + "&at=300", admin).status()).isEqualTo(200);
        assertThat(listEntries()).as("a page at a position with nothing to continue").isEqualTo(before + 2);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&sort=-grade&at=300&cursor=" + cursor, admin)
                .status()).as("another list's cursor").isEqualTo(400);
        assertThat(api.get(list + "&at=300&cursor=" + cursor, api.signIn("nb-ta")).status())
                .as("another person's cursor").isEqualTo(400);
        assertThat(listEntries()).isEqualTo(before + 2);
    }

    private long listEntries() {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE actor_username = 'nb-admin' AND action = "
                + "'LEARNER_LIST'", rs -> rs.getLong(1)).orElseThrow();
    }

    /** R1, R2: a position reaches no further than the list does: another Member's course is refused as the list is. */
    @Test
    void r1APageAtAPositionOfAnotherMembersCourseIsRefusedAsTheListIs() {
        String theirs = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'lakeside' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        int list = api.get(ApiPaths.courseLearners(theirs) + "?limit=5", token).status();
        assertThat(list).isIn(403, 404);
        TestApi.Response at = api.get(ApiPaths.courseLearners(theirs) + "?limit=5&at=10", token);
        assertThat(at.status()).isEqualTo(list);
        assertThat(at.body()).doesNotContain("learnerId");
    }

    @Test
    void courseIdsWorkPercentEncodedOrRaw() {
        String raw = "/api/v1/courses/" + DS200 + "/learners?limit=1";
        assertThat(api.get(raw, token).status()).isEqualTo(200);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=1", token).status()).isEqualTo(200);
    }

    /** A search longer than the 100 characters a search may have. */
    static final String LONG_QUERY = "q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=501", "limit=9999999999", "limit=abc", "sort=password", "sort=--name",
        "mode=ROOT", "active=yes", "minProgress=2", "minProgress=0.9&maxProgress=0.1", "minProgress=NaN",
        "country=usa", "unknown=1", LONG_QUERY,
        "limit=5&limit=6", "q=ab%00cd", "q=%1B%5B31m", "at=-1", "at=abc", "at=100000001", "at=1.5"})
    void badListParametersAnswer422NamingTheField(String query) {
        TestApi.Response r = api.get(ApiPaths.courseLearners(DS200) + "?" + query, token);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("validation_failed");
        assertThat(r.json().path("errors").size()).isPositive();
    }

    // People search, name order and the grade and inactivity filters (issue 27).

    /** Every row of a search, as enrollment ids, after checking that it is exactly what the oracle finds. */
    Set<Long> searchFinds(String q) {
        Set<Long> found = enrollmentIds(all("&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)));
        assertThat(found).as(q).isEqualTo(Set.copyOf(PeopleSearchOracle.found(PeopleSearchOracle.course(jdbc, DS200),
                q)));
        return found;
    }

    List<PeopleSearchOracle.Shown> withName(Predicate<String> name) {
        return PeopleSearchOracle.course(jdbc, DS200).stream()
                .filter(s -> !s.retired() && s.name() != null && name.test(s.name())).toList();
    }

    @Test
    void surnameSearchFindsEveryLearnerWithThatWordAnywhereInTheName() {
        List<PeopleSearchOracle.Shown> chens = withName(n -> n.endsWith(" Chen"));
        assertThat(chens).as("learners surnamed Chen in the sandbox course").isNotEmpty();
        Set<Long> found = searchFinds("chen");
        assertThat(found).containsAll(chens.stream().map(PeopleSearchOracle.Shown::enrollmentId).toList());
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?q=chen", token).json().path("total").asLong())
                .isEqualTo(found.size());
    }

    @Test
    void searchIgnoresCaseAndAccentsAndLettersThatDoNotDecompose() {
        Set<Long> garcia = searchFinds("garcia");
        assertThat(garcia).containsAll(withName(n -> n.contains("García")).stream()
                .map(PeopleSearchOracle.Shown::enrollmentId).toList()).isNotEmpty();
        assertThat(searchFinds("GARCÍA")).isEqualTo(garcia);
        assertThat(searchFinds("García")).isEqualTo(garcia);
        for (String[] pair : new String[][] {{"lefevre", "Lefèvre"}, {"lukasz", "Łukasz"}, {"oyvind", "Øyvind"},
            {"muller", "Müller"}, {"nguyen", "Nguyễn"}, {"zoe", "Zoë"}, {"elodie", "Élodie"}}) {
            List<Long> named = withName(n -> n.contains(pair[1])).stream().map(PeopleSearchOracle.Shown::enrollmentId)
                    .toList();
            assertThat(named).as(pair[1]).isNotEmpty();
            assertThat(searchFinds(pair[0])).as(pair[0]).containsAll(named);
        }
    }

    @Test
    void severalWordsNarrowTheSearchToLearnersWithEach() {
        PeopleSearchOracle.Shown someone = withName(n -> n.matches("\\p{L}{3,} \\p{L}{3,}")).getFirst();
        String[] words = someone.name().split(" ");
        String first = words[0].substring(0, 3);
        String last = words[1].substring(0, 3);
        Set<Long> both = searchFinds(first + " " + last);
        assertThat(both).contains(someone.enrollmentId());
        Set<Long> firstAlone = searchFinds(first);
        Set<Long> lastAlone = searchFinds(last);
        assertThat(firstAlone).containsAll(both).hasSizeGreaterThan(both.size());
        assertThat(lastAlone).containsAll(both).hasSizeGreaterThan(both.size());
        assertThat(searchFinds(last + "  " + first.toUpperCase())).as("in any order").isEqualTo(both);
    }

    @Test
    void nameOrderSortsAccentedAndStrokedLettersAmongTheirBaseLetters() {
        List<JsonNode> rows = all("&sort=name", 200);
        List<String> named = rows.stream().filter(r -> !r.path("retired").asBoolean())
                .map(r -> r.path("name").asText()).toList();
        List<String> words = named.stream().map(PeopleSearchOracle::nameWords).toList();
        assertThat(words).as("folded names in order").isSorted();
        int lukasz = indexOf(named, n -> n.startsWith("Łukasz"));
        assertThat(lukasz).as("a Łukasz in the course").isNotNegative();
        assertThat(lukasz).as("Łukasz before the first M").isLessThan(indexOf(named, n -> n.startsWith("M")));
        assertThat(lukasz).as("Łukasz after Lucía").isGreaterThan(indexOf(named, n -> n.startsWith("Luc")));
        assertThat(indexOf(named, n -> n.startsWith("Élodie"))).as("Élodie among the Es")
                .isLessThan(indexOf(named, n -> n.startsWith("F") || n.startsWith("G")));
    }

    private static int indexOf(List<String> names, Predicate<String> test) {
        for (int i = 0; i < names.size(); i++) {
            if (test.test(names.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name"})
    void retiredLearnersComeLastInNameOrderEitherWay(String sort) {
        List<JsonNode> rows = all("&sort=" + sort, 50);
        long retired = rows.stream().filter(r -> r.path("retired").asBoolean()).count();
        assertThat(retired).as("retired learners in the course").isPositive();
        assertThat(rows.subList(0, rows.size() - (int) retired)).noneMatch(r -> r.path("retired").asBoolean());
        JsonNode first = api.get(ApiPaths.courseLearners(DS200) + "?limit=50&sort=" + sort, token).json();
        first.path("items").forEach(r -> assertThat(r.path("name").isNull()).as("a name on the first page").isFalse());
        List<String> words = rows.subList(0, rows.size() - (int) retired).stream()
                .map(r -> PeopleSearchOracle.nameWords(r.path("name").asText())).toList();
        assertThat(sort.startsWith("-") ? words.reversed() : words).isSorted();
    }

    @Test
    void gradeRangeNarrowsTheListAndTheTotal() {
        long expected = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ? AND grade >= 0.3 AND "
                + "grade <= 0.7", rs -> rs.getLong(1), DS200).orElseThrow();
        assertThat(expected).isPositive();
        List<JsonNode> rows = all("&minGrade=0.3&maxGrade=0.7&sort=-grade");
        assertThat(rows).hasSize((int) expected)
                .allSatisfy(r -> assertThat(r.path("grade").asDouble()).isBetween(0.3, 0.7));
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?minGrade=0.3&maxGrade=0.7", token).json().path("total")
                .asLong()).isEqualTo(expected);
        assertThat(all("&minGrade=0.9&q=a")).allSatisfy(r -> assertThat(r.path("grade").asDouble()).isGreaterThan(0.9)
                .isLessThanOrEqualTo(1.0));
    }

    @Test
    void inactiveDaysListsLearnersWithoutActivityInThatTimeNeverActiveIncluded() {
        // Learners never active are rare in the sandbox (progress 0): one is made so for the test.
        record Activity(long id, OffsetDateTime at, long key) {
        }
        Activity made = jdbc.queryOne("SELECT id, last_activity_at, activity_key FROM enrollment WHERE course_id = ? "
                + "AND last_activity_at IS NOT NULL ORDER BY id LIMIT 1", rs -> new Activity(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getLong(3)), DS200).orElseThrow();
        jdbc.update("UPDATE enrollment SET last_activity_at = NULL, activity_key = 0 WHERE id = ?", made.id());
        try {
            Instant cutoff = fixture().clock().instant().minus(Duration.ofDays(60));
            Set<Long> expected = new HashSet<>(jdbc.query("SELECT id FROM enrollment WHERE course_id = ? AND "
                    + "(last_activity_at IS NULL OR last_activity_at < ?)", rs -> rs.getLong(1), DS200,
                    OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)));
            assertThat(expected).contains(made.id()).hasSizeGreaterThan(1);
            List<JsonNode> rows = all("&inactiveDays=60&sort=lastActivityAt");
            assertThat(enrollmentIds(rows)).isEqualTo(expected);
            assertThat(rows.getFirst().path("lastActivityAt").isNull()).as("never active first").isTrue();
            rows.forEach(r -> {
                if (!r.path("lastActivityAt").isNull()) {
                    assertThat(Instant.parse(r.path("lastActivityAt").asText())).isBefore(cutoff);
                }
            });
            assertThat(api.get(ApiPaths.courseLearners(DS200) + "?inactiveDays=60", token).json().path("total")
                    .asLong()).isEqualTo(expected.size());
            Set<Long> recent = enrollmentIds(all("&inactiveDays=1"));
            assertThat(recent).as("a day without activity: almost everyone, as the sandbox's activity ended")
                    .containsAll(expected);
        } finally {
            jdbc.update("UPDATE enrollment SET last_activity_at = ?, activity_key = ? WHERE id = ?", made.at(),
                    made.key(), made.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"minGrade=1.5|minGrade", "maxGrade=-0.1|maxGrade", "minGrade=abc|minGrade",
        "minGrade=0.8&maxGrade=0.2|minGrade", "inactiveDays=0|inactiveDays", "inactiveDays=3651|inactiveDays",
        "inactiveDays=7.5|inactiveDays", "inactiveDays=-3|inactiveDays", "country=Germany|country",
        "country=de,xyz|country"})
    void gradeInactivityAndCountryOutOfRangeAnswer422NamingTheField(String queryAndField) {
        String[] parts = queryAndField.split("\\|");
        TestApi.Response r = api.get(ApiPaths.courseLearners(DS200) + "?" + parts[0], token);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("errors").findValuesAsText("field")).containsExactly(parts[1]);
    }

    @Test
    void aCursorOpensOnlyForTheSameGradeAndInactivityFilters() {
        JsonNode first = api.get(ApiPaths.courseLearners(DS200) + "?limit=5&minGrade=0.2&inactiveDays=30", token)
                .json();
        String cursor = first.path("nextCursor").asText();
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&minGrade=0.2&inactiveDays=30&cursor=" + cursor,
                token).status()).isEqualTo(200);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&minGrade=0.3&inactiveDays=30&cursor=" + cursor,
                token).status()).isEqualTo(400);
        assertThat(api.get(ApiPaths.courseLearners(DS200) + "?limit=5&minGrade=0.2&inactiveDays=31&cursor=" + cursor,
                token).status()).isEqualTo(400);
    }

    /** Changes a learner's row as a platform write would, and their search words and name keys with it. */
    void writeLearner(String learnerId, String sql, Object... params) {
        jdbc.inTransaction(c -> {
            Object[] all = Arrays.copyOf(params, params.length + 1);
            all[params.length] = learnerId;
            Jdbc.update(c, "UPDATE learner SET " + sql + " WHERE id = ?", all);
            SearchTokens.learnerChanged(c, learnerId);
            return null;
        });
    }

    long total(String token, String course, String q) {
        TestApi.Response r = api.get(ApiPaths.courseLearners(course) + "?limit=500&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("total").asLong();
    }

    /**
     * R1, R2: a learner of another Member only, given a surname nobody else has, is found by it in their own
     * Member's course and in none of this Member's, nor by their username or e-mail.
     */
    @Test
    void r1ASearchForAnotherMembersLearnersSurnameFindsNothing() {
        record Other(String learnerId, String name, String username, String email, String course) {
        }
        Other other = jdbc.queryOne("SELECT l.id, l.name, l.username, e.email, e.course_id FROM learner l "
                + "JOIN enrollment e ON e.learner_id = l.id AND e.member_id = 'lakeside' WHERE l.status = 'ACTIVE' "
                + "AND NOT EXISTS (SELECT 1 FROM enrollment n WHERE n.learner_id = l.id AND n.member_id <> 'lakeside') "
                + "ORDER BY l.id", rs -> new Other(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5))).orElseThrow();
        String lakeside = api.signIn("lk-admin");
        List<String> ours = new ArrayList<>();
        api.get(ApiPaths.COURSES + "?limit=500", token).json().path("items")
                .forEach(c -> ours.add(c.path("id").asText()));
        assertThat(ours).contains(DS200);
        writeLearner(other.learnerId(), "name = ?", "Vesna Qorvathy");
        try {
            assertThat(total(lakeside, other.course(), "qorvathy")).as("in their own Member's course").isOne();
            for (String course : ours) {
                for (String q : List.of("qorvathy", "vesna qorv", other.username(), other.email())) {
                    assertThat(total(token, course, q)).as("%s in %s", q, course).isZero();
                }
            }
        } finally {
            writeLearner(other.learnerId(), "name = ?", other.name());
        }
    }

    /**
     * R6: a learner who deleted their account keeps no name or e-mail, so their former surname, name, username and
     * e-mail find nothing, even where their enrollment's row still holds the old address; the placeholder the list
     * shows finds them.
     */
    @Test
    void r6ARetiredLearnersFormerSurnameNameUsernameAndEmailFindNothing() {
        record Before(String learnerId, String name, String username, String email) {
        }
        Before before = jdbc.queryOne("SELECT l.id, l.name, l.username, l.email FROM enrollment e JOIN learner l "
                + "ON l.id = e.learner_id WHERE e.course_id = ? AND l.status = 'ACTIVE' AND e.email IS NOT NULL "
                + "AND l.name LIKE '% %' ORDER BY e.id DESC", rs -> new Before(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4)), DS200).orElseThrow();
        String enrollmentEmail = jdbc.queryOne("SELECT email FROM enrollment WHERE course_id = ? AND learner_id = ?",
                rs -> rs.getString(1), DS200, before.learnerId()).orElseThrow();
        String surname = before.name().substring(before.name().lastIndexOf(' ') + 1);
        assertThat(rowsFor("&q=" + URLEncoder.encode(surname, StandardCharsets.UTF_8), before.learnerId()))
                .as("found by surname while the account exists").isOne();
        String placeholder = "retired_user_qq" + Long.toHexString(System.nanoTime());
        writeLearner(before.learnerId(), "status = 'RETIRED', name = NULL, email = NULL, username = ?", placeholder);
        try {
            for (String q : List.of(surname, before.name(), before.username(), before.email(), enrollmentEmail,
                    enrollmentEmail.substring(0, enrollmentEmail.indexOf('@')))) {
                assertThat(rowsFor("&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), before.learnerId()))
                        .as(q).isZero();
            }
            List<JsonNode> found = all("&q=" + placeholder);
            assertThat(found).hasSize(1);
            assertThat(found.getFirst().path("retired").asBoolean()).isTrue();
            assertThat(found.getFirst().path("name").isNull()).isTrue();
            assertThat(found.getFirst().path("email").isNull()).isTrue();
        } finally {
            writeLearner(before.learnerId(), "status = 'ACTIVE', name = ?, email = ?, username = ?", before.name(),
                    before.email(), before.username());
        }
    }

    private long rowsFor(String query, String learnerId) {
        return all(query).stream().filter(r -> r.path("learnerId").asText().equals(learnerId)).count();
    }
}
