package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The roster of a view (R14): the learner list's search, filters and order, exported. It holds exactly the rows the
 * list pages through, in the same order, with the view signed; it is logged naming the view (R12), refused as the list
 * refuses (R1, R3, the same field errors), and shows a retired learner as the placeholder (R6).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RosterViewContract {
    /** Half the fixture's learners: a view of it in a sort alone spans more than one of the roster's batches. */
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String FIELDS = "fields=learner_id,username,name,email,country,progress,grade,retired";

    TestApi api;
    Jdbc jdbc;
    String admin;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        api = fixture().api();
        jdbc = fixture().jdbc();
        admin = api.signIn("nb-admin");
    }

    private static String roster(String course) {
        return ApiPaths.course(course) + "/roster";
    }

    /** The learner ids of every page of {@code /learners?query}, paged 500 at a time as a client would. */
    private List<String> paged(String query) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            TestApi.Response r = api.get(ApiPaths.courseLearners(CS101) + "?limit=500" + and(query)
                    + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("items").forEach(row -> ids.add(row.path("learnerId").asText()));
            cursor = r.json().path("nextCursor").isNull() ? null : r.json().path("nextCursor").asText();
        } while (cursor != null);
        return ids;
    }

    private static String and(String query) {
        return query.isEmpty() ? "" : "&" + query;
    }

    record Stream(JsonNode header, List<List<String>> rows, JsonNode summary) {
        List<String> column(int i) {
            return rows.stream().map(r -> r.get(i)).toList();
        }
    }

    private Stream stream(String course, String query, String token) {
        TestApi.Response r = api.get(roster(course) + "?" + FIELDS + and(query), token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            try {
                lines.add(Json.mapper().readTree(line));
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : lines.subList(1, lines.size() - 1)) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.asText()));
            rows.add(values);
        }
        return new Stream(lines.getFirst(), rows, lines.getLast());
    }

    /** R14: the roster of a view is the list's rows in the list's order, whatever the sort, filter or search. */
    @ParameterizedTest
    @ValueSource(strings = {"sort=-name", "sort=name", "sort=-progress", "q=a&sort=-grade", "q=chen",
        "country=KE,de&sort=name", "mode=VERIFIED&minProgress=0.2&sort=lastActivityAt",
        "active=true&passed=false&maxGrade=0.6&sort=-enrolledAt", "inactiveDays=30&sort=progress",
        "q=a&minGrade=0.3&maxGrade=0.9&sort=-lastActivityAt", "country=ZZ"})
    void r14AViewsRosterHoldsTheRowsOfTheListInItsOrder(String query) {
        List<String> listed = paged(query);
        Stream roster = stream(CS101, query, admin);

        assertThat(roster.column(1)).as("learner ids in order").isEqualTo(listed);
        assertThat(roster.summary().path("rowCount").asLong()).isEqualTo(listed.size());
        assertThat(roster.summary().path("view").asText()).as("the summary names the view").isNotEmpty();
    }

    @Test
    void aSortAloneSpansSeveralBatchesOfTheStream() {
        assertThat(paged("sort=-name")).as("more than a batch of the view's roster").hasSizeGreaterThan(1_000);
    }

    /** R14: the view is signed with the rows (v3); read as a whole course's roster, the signature does not hold. */
    @Test
    void r14TheViewIsSignedWithTheRows() throws Exception {
        Stream roster = stream(CS101, "country=ke,DE,ke&q=%20Chen%20&sort=-name", admin);
        JsonNode s = roster.summary();
        assertThat(s.path("view").asText()).isEqualTo("q=Chen&country=DE,KE&sort=-name");
        List<RosterField> fields = new ArrayList<>();
        roster.header().path("fields").forEach(f -> fields.add(RosterField.byColumn(f.asText()).orElseThrow()));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (List<String> row : roster.rows()) {
            sha.update(RosterCanon.csvLine(row).getBytes(StandardCharsets.UTF_8));
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        assertThat(s.path("sha256").asText()).isEqualTo(hex);

        assertThat(verifies(s, "q=Chen&country=DE,KE&sort=-name", fields)).isTrue();
        assertThat(verifies(s, "q=Chen&country=DE&sort=-name", fields)).isFalse();
        assertThat(verifies(s, null, fields)).as("not as a whole course").isFalse();
    }

    private boolean verifies(JsonNode summary, String view, List<RosterField> fields) throws Exception {
        JsonNode key = api.get(ApiPaths.SIGNING_KEY, null).json();
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asText())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pub);
        verifier.update(RosterCanon.signedPayload("northbridge", CS101, summary.path("exportedAt").asText(),
                "nb-admin", view, fields, summary.path("rowCount").asLong(), summary.path("sha256").asText()));
        return verifier.verify(Base64.getDecoder().decode(summary.path("signature").asText()));
    }

    record Logged(String objectType, String objectId) {
    }

    private Logged lastExport(String course) {
        return jdbc.queryOne("SELECT object_type, object_id FROM access_log WHERE action = 'ROSTER_EXPORT' "
                + "AND course_id = ? ORDER BY id DESC LIMIT 1", rs -> new Logged(rs.getString(1), rs.getString(2)),
                course).orElseThrow();
    }

    private long exports(String course) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'ROSTER_EXPORT' AND course_id = ?",
                rs -> rs.getLong(1), course).orElseThrow();
    }

    /** R12: the entry names that a view was exported and which: its search with its text, its filters, its order. */
    @Test
    void r12TheExportOfAViewIsLoggedNamingTheViewAndItsSearch() {
        long before = exports(CS101);
        stream(CS101, "q=chen&country=KE,DE&active=true&sort=-grade", admin);
        assertThat(exports(CS101)).isEqualTo(before + 1);
        assertThat(lastExport(CS101)).isEqualTo(new Logged("VIEW", "q=chen&active=true&country=DE,KE&sort=-grade"));

        stream(CS101, "", admin);
        assertThat(lastExport(CS101)).as("the whole course, as before").isEqualTo(new Logged("COURSE", CS101));
    }

    /** A view that leaves nobody out, in username order, is the whole course: the same roster, signed as before. */
    @Test
    void aViewOfEveryLearnerInUsernameOrderIsTheWholeCourse() {
        Stream roster = stream(CS101, "sort=username&q=%20%20", admin);
        assertThat(roster.summary().has("view")).isFalse();
        assertThat(lastExport(CS101)).isEqualTo(new Logged("COURSE", CS101));
        assertThat(roster.column(1)).isEqualTo(paged(""));
    }

    /** R12: a view of hundreds of countries is logged as far as the log's column holds; the roster signs it whole. */
    @Test
    void r12AViewLongerThanTheLogsColumnIsLoggedCut() {
        List<String> codes = new ArrayList<>();
        for (char a = 'A'; a <= 'J'; a++) {
            for (char b = 'A'; b <= 'Y'; b++) {
                codes.add("" + a + b);
            }
        }
        Stream roster = stream(CS101, "q=%F0%9F%98%80" + "a".repeat(60) + "&country=" + String.join(",", codes),
                admin);
        assertThat(roster.summary().path("view").asText()).hasSizeGreaterThan(700);
        String logged = lastExport(CS101).objectId();
        assertThat(logged).hasSizeLessThanOrEqualTo(300).endsWith("\u2026")
                .startsWith("q=\uD83D\uDE00" + "a".repeat(60) + "&country=AA,AB");
    }

    /** R1: another Member's course answers as a missing one, and nothing is exported or logged as exported. */
    @Test
    void r1AViewOfAnotherMembersCourseIsNotFound() {
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        TestApi.Response other = api.get(roster(sahel) + "?q=a&sort=name", admin);
        TestApi.Response missing = api.get(roster("course-v1:Northbridge+NOPE+2026_T1") + "?q=a&sort=name", admin);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).isEqualTo(missing.body());
        assertThat(exports(sahel)).isZero();
    }

    /** R3: a course administrator's view of a course outside their scope answers as a missing course. */
    @Test
    void r3AViewOfACourseOutOfScopeIsNotFound() {
        String ta = api.signIn("nb-ta");
        long before = exports(CS101);
        TestApi.Response out = api.get(roster(CS101) + "?country=KE&sort=name", ta);
        TestApi.Response missing = api.get(roster("course-v1:Northbridge+NOPE+2026_T1") + "?country=KE&sort=name",
                ta);
        assertThat(out.status()).isEqualTo(404);
        assertThat(out.body()).isEqualTo(missing.body());
        assertThat(exports(CS101)).isEqualTo(before);
    }

    /** Parameters the list refuses are refused by the roster with the same field errors, before anything is logged. */
    @ParameterizedTest
    @ValueSource(strings = {"sort=password", "sort=--name", "minProgress=2", "maxProgress=NaN", "country=kenya",
        "country=KE,,DE", "inactiveDays=0", "inactiveDays=3651", "minGrade=0.9&maxGrade=0.1", "active=yes",
        "mode=ADMIN", "q=%00chen", "q=a%20b%20c%20d%20e%20f%20g%20h%20i", "minProgress=2&sort=nope&passed=1"})
    void invalidParametersAreRefusedWithTheListsFieldErrors(String query) {
        long before = exports(CS101);
        TestApi.Response list = api.get(ApiPaths.courseLearners(CS101) + "?" + query, admin);
        TestApi.Response r = api.get(roster(CS101) + "?" + query, admin);
        assertThat(list.status()).as(list.body()).isEqualTo(422);
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("errors")).isEqualTo(list.json().path("errors"));
        assertThat(exports(CS101)).isEqualTo(before);
    }

    @Test
    void pagingParametersAreNoPartOfARoster() {
        for (String query : List.of("limit=50", "cursor=abc")) {
            TestApi.Response r = api.get(roster(CS101) + "?" + query, admin);
            assertThat(r.status()).isEqualTo(422);
            assertThat(r.json().path("errors").path(0).path("message").asText()).isEqualTo("Unknown parameter.");
        }
    }

    /** R6: a retired learner in a view is the placeholder, and comes last in name order, as in the list. */
    @Test
    void r6ARetiredLearnerInAViewIsThePlaceholder() {
        String retired = jdbc.queryOne("SELECT l.username FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND l.status = 'RETIRED' ORDER BY e.id", rs -> rs.getString(1), CS101)
                .orElseThrow();
        Stream found = stream(CS101, "q=" + URLEncoder.encode(retired, StandardCharsets.UTF_8)
                + "&sort=name", admin);
        assertThat(found.rows()).isNotEmpty();
        List<String> row = found.rows().stream().filter(r -> r.get(2).equals(retired)).findFirst().orElseThrow();
        assertThat(row.subList(3, 6)).as("name, email and country").containsOnly("");
        assertThat(row.getLast()).isEqualTo("true");

        List<String> byName = stream(CS101, "sort=name", admin).column(8);
        int firstRetired = byName.indexOf("true");
        assertThat(firstRetired).isPositive();
        assertThat(byName.subList(firstRetired, byName.size())).as("retired accounts last").containsOnly("true");
    }

    /** R14: a copy of a view's roster is vouched for by its signature, with the view; without it, by nothing. */
    @Test
    void r14ACopyOfAViewsRosterIsVouchedForWithItsView() {
        Stream roster = stream(CS101, "country=KE&sort=name", admin);
        JsonNode s = roster.summary();
        String withView = UUID.randomUUID().toString();
        String withoutView = UUID.randomUUID().toString();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(withView, s, s.path("view").asText()))
                .status()).isEqualTo(201);
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(withoutView, s, null)).status())
                .isEqualTo(201);
        assertThat(provenance(withView)).isEqualTo("SIGNED");
        assertThat(provenance(withoutView)).isEqualTo("UNVERIFIED");
    }

    private String conversion(String reportId, JsonNode summary, String view) {
        return "{\"reportId\":\"" + reportId + "\",\"memberId\":\"northbridge\",\"courseIds\":[" + TestApi.q(CS101)
                + "],\"format\":\"CSV\",\"rowCount\":" + summary.path("rowCount").asLong()
                + ",\"convertedAt\":\"2026-01-02T09:30:00Z\",\"fields\":" + summary.path("fields")
                + ",\"signed\":[{\"courseId\":" + TestApi.q(CS101) + ",\"exportedAt\":"
                + TestApi.q(summary.path("exportedAt").asText()) + ",\"exportedBy\":\"nb-admin\""
                + (view == null ? "" : ",\"view\":" + TestApi.q(view)) + ",\"rowCount\":"
                + summary.path("rowCount").asLong() + ",\"sha256\":" + TestApi.q(summary.path("sha256").asText())
                + ",\"signature\":" + TestApi.q(summary.path("signature").asText()) + "}]}";
    }

    private String provenance(String reportId) {
        return jdbc.queryOne("SELECT provenance FROM roster_conversion WHERE report_id = ?", rs -> rs.getString(1),
                reportId).orElseThrow();
    }
}
