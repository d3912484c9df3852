package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.SpreadsheetCsv;
import org.iqracity.console.documents.PdfText;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** R7 sponsor reports: the column whitelist on the serialized output, scope, tenant wall, release once per key. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SponsorReportsTest {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final Set<String> R7_ROW_FIELDS = Set.of("learnerName", "courseId", "enrollmentStatus", "enrolledAt",
            "lastActivityAt", "activeDays", "progress", "completed", "passed", "certificate");
    static final List<String> R7_CSV = List.of("learner_name", "course_id", "enrollment_status", "enrolled_at",
            "last_activity_at", "active_days", "progress", "completed", "passed", "certificate");

    TestApi api;
    Jdbc jdbc;
    String admin;
    String sponsor;

    @BeforeAll
    void start() {
        PlatformFixture f = PlatformFixture.h2();
        api = f.api();
        jdbc = f.jdbc();
        admin = api.signIn("nb-admin");
        sponsor = jdbc.queryOne("SELECT sponsor_id FROM enrollment WHERE course_id = ? AND sponsor_id IS NOT NULL "
                + "GROUP BY sponsor_id ORDER BY COUNT(*) DESC", rs -> rs.getString(1), CS101).orElseThrow();
    }

    String report(String sponsorId, String courseId) {
        return ApiPaths.SPONSOR_REPORT.replace("{sponsorId}", sponsorId) + "?courseId=" + ApiPaths.segment(courseId);
    }

    TestApi.Response release(String token, String key) {
        HttpRequest.Builder b = api.request(ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", sponsor) + "?courseId="
                + ApiPaths.segment(CS101), token).POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("Idempotency-Key", key);
        }
        return api.send(b.build());
    }

    @Test
    void r7ReportRowsCarryOnlyTheAllowedColumns() {
        JsonNode body = api.get(report(sponsor, CS101), admin).json();
        long expected = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ? AND sponsor_id = ?",
                rs -> rs.getLong(1), CS101, sponsor).orElseThrow();
        assertThat(body.path("rows").size()).isEqualTo((int) expected).isPositive();
        for (JsonNode row : body.path("rows")) {
            Set<String> names = new HashSet<>();
            row.fieldNames().forEachRemaining(names::add);
            assertThat(names).isEqualTo(R7_ROW_FIELDS);
        }
        Set<String> top = new HashSet<>();
        body.fieldNames().forEachRemaining(top::add);
        assertThat(top).containsExactlyInAnyOrder("sponsorId", "sponsorName", "kind", "courseId", "courseTitle",
                "rows");
        String text = body.toString().toLowerCase();
        assertThat(text).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+")
                .doesNotContain("email", "grade", "gender", "country", "username", "learnerid");
    }

    @Test
    void r7ReleasedCsvHoldsOnlyTheAllowedColumnsAndReleasingTwiceWithOneKeyMakesOneRelease() {
        TestApi.Response first = release(admin, "release-cs101-once");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        TestApi.Response again = release(admin, "release-cs101-once");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("releaseId").asText()).isEqualTo(first.json().path("releaseId").asText());
        long stored = jdbc.queryOne("SELECT COUNT(*) FROM sponsor_release WHERE idempotency_key = 'release-cs101-once'",
                rs -> rs.getLong(1)).orElseThrow();
        assertThat(stored).isEqualTo(1);
        String csv = api.get(ApiPaths.SPONSOR_RELEASE_CSV.replace("{sponsorId}", sponsor)
                .replace("{releaseId}", first.json().path("releaseId").asText()), admin).body();
        String[] lines = csv.split("\r\n");
        assertThat(List.of(lines[0].split(","))).isEqualTo(R7_CSV);
        assertThat(lines.length - 1).isEqualTo(first.json().path("rowCount").asInt());
        assertThat(csv).as("no email address").doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
        List<String> releases = new ArrayList<>();
        api.get(ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", sponsor), admin).json()
                .forEach(r -> releases.add(r.path("releaseId").asText()));
        assertThat(releases).contains(first.json().path("releaseId").asText());
    }

    @Test
    void r7ReleasedPdfShowsTheSnapshotsRowsUnderTheR7HeadingsAndNothingOutsideR7(@TempDir Path dir)
            throws Exception {
        TestApi.Response made = release(admin, "release-cs101-pdf");
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        String releaseId = made.json().path("releaseId").asText();
        String path = ApiPaths.SPONSOR_RELEASE_PDF.replace("{sponsorId}", sponsor).replace("{releaseId}", releaseId);
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(api.request(path, admin).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        long downloads = jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'SPONSOR_REPORT_DOWNLOAD' "
                + "AND object_id = ?", rs -> rs.getLong(1), releaseId).orElseThrow();
        assertThat(downloads).as("the PDF download is in the access log (R12)").isEqualTo(1);
        Path pdf = dir.resolve("release.pdf");
        Files.write(pdf, response.body());

        String poppler = PdfText.readBack(pdf);
        String pdfbox = PdfText.text(pdf);
        String csv = api.get(ApiPaths.SPONSOR_RELEASE_CSV.replace("{sponsorId}", sponsor)
                .replace("{releaseId}", releaseId), admin).body();
        // the CSV guards a name that starts like a formula (R14); the PDF shows it as typed
        List<String> names = csv.lines().skip(1).map(l -> l.split(",", -1)[0]).filter(n -> !n.isEmpty())
                .map(SpreadsheetCsv::unguard).toList();
        assertThat(names).isNotEmpty();
        for (String text : List.of(poppler, pdfbox)) {
            String flat = text.replaceAll("\\s+", " ");
            // headers may wrap between their words
            assertThat(flat).contains("Sponsor report", "Learner", "Status", "Enrolled", "Last",
                    "activity", "Active", "days", "Progress", "Completed", "Passed", "Certificate", CS101,
                    "never receive");
            for (String name : names) {
                assertThat(flat).as("every learner of the snapshot is in the PDF").contains(name);
            }
            assertNothingOutsideR7(text);
        }
        assertThat(PdfText.fontsNotEmbedded(pdf)).isEmpty();
    }

    /** No value of these learners outside R7 and no header of such a column, wherever a line was wrapped. */
    void assertNothingOutsideR7(String text) {
        String compact = text.replaceAll("\\s+", "");
        for (String value : SponsorDisclosure.forbiddenValues(jdbc, sponsor, CS101)) {
            assertThat(compact).as("a value outside R7").doesNotContain(value.replaceAll("\\s+", ""));
        }
        // the note telling the sponsor what is withheld names those things, and is the one place that may
        String lower = text.replaceAll("\\s+", " ").replaceFirst("This report confirms .*? learner takes\\.", "")
                .toLowerCase(Locale.ROOT);
        assertThat(lower).contains("sponsor report").doesNotContain("never receive");
        assertThat(lower).doesNotContainPattern("[\\w.+-]+@[\\w-]+\\.[\\w.]+")
                .doesNotContain(SponsorDisclosure.FOREIGN_WORDS.toArray(String[]::new));
    }

    @Test
    void r7ReleaseNeedsAKeyAndAMemberAdministrator() {
        assertThat(release(admin, null).status()).isEqualTo(400);
        assertThat(release(api.signIn("nb-ta"), "k-ta").status()).isEqualTo(403);
    }

    @Test
    void r7NothingElseCanBeAskedFor() {
        for (String extra : List.of("&columns=email", "&fields=grade", "&include=demographics")) {
            assertThat(api.get(report(sponsor, CS101) + extra, admin).status()).as(extra).isEqualTo(422);
        }
    }

    @Test
    void r1AnotherMembersSponsorOrCourseIsNotFound() {
        String sahelCourse = jdbc.queryOne("SELECT course_id FROM enrollment WHERE member_id = 'sahel' AND sponsor_id "
                + "= ? "
                + "ORDER BY id", rs -> rs.getString(1), sponsor).orElseThrow();
        assertThat(api.get(report(sponsor, sahelCourse), admin).status()).isEqualTo(404);
        assertThat(api.get(report("sp-nobody", CS101), admin).status()).isEqualTo(404);
        String lakesideOnly = "sp-lakeside-only";
        jdbc.update("INSERT INTO sponsor (id, name, kind) VALUES (?, 'Lakeside Only Ltd', 'EMPLOYER')", lakesideOnly);
        assertThat(api.get(report(lakesideOnly, CS101), admin).status()).isEqualTo(404);
    }

    @Test
    void r3CourseAdminSeesSponsorsOfAssignedCoursesOnly() {
        String ta = api.signIn("nb-ta");
        JsonNode list = api.get(ApiPaths.SPONSOR_REPORTS, ta).json();
        list.forEach(s -> s.path("courses").forEach(c -> assertThat(c.path("courseId").asText())
                .isIn("course-v1:Northbridge+DS200+2026_T1", "course-v1:Northbridge+ENG120+2026_T1")));
        assertThat(api.get(report(sponsor, CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.SPONSOR_REPORTS, api.signIn("nb-security")).status()).isEqualTo(403);
    }

    @Test
    void theTreeSaysWhichCoursesWereReleasedAndWhetherTheReportChangedSinceWithoutLoggingAView() {
        // a pair no other test releases: the sponsor's smallest course other than CS101
        String[] pair = jdbc.queryOne("SELECT sponsor_id, course_id FROM enrollment WHERE member_id = 'northbridge' "
                + "AND sponsor_id IS NOT NULL AND course_id <> ? GROUP BY sponsor_id, course_id "
                + "ORDER BY COUNT(*), sponsor_id, course_id", rs -> new String[] {rs.getString(1), rs.getString(2)},
                CS101).orElseThrow();
        assertThat(treeEntry(pair).path("releasedAt").isNull()).as("never released").isTrue();
        assertThat(treeEntry(pair).path("changedSinceRelease").isNull()).isTrue();

        HttpRequest post = api.request(ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", pair[0]) + "?courseId="
                + ApiPaths.segment(pair[1]), admin).header("Idempotency-Key", "tree-" + pair[1])
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        String releasedAt = api.send(post).json().path("releasedAt").asText();
        long viewsBefore = reportViews();
        assertThat(treeEntry(pair).path("releasedAt").asText()).isEqualTo(releasedAt);
        assertThat(treeEntry(pair).path("changedSinceRelease").asBoolean(true)).as("just released").isFalse();

        long enrollment = jdbc.queryOne("SELECT id FROM enrollment WHERE sponsor_id = ? AND course_id = ? ORDER BY id",
                rs -> rs.getLong(1), pair[0], pair[1]).orElseThrow();
        double progress = jdbc.queryOne("SELECT progress FROM enrollment WHERE id = ?", rs -> rs.getDouble(1),
                enrollment).orElseThrow();
        try {
            jdbc.update("UPDATE enrollment SET progress = ? WHERE id = ?", progress > 0.5 ? 0.1 : 0.9, enrollment);
            assertThat(treeEntry(pair).path("changedSinceRelease").asBoolean(false)).as("progress moved").isTrue();
        } finally {
            jdbc.update("UPDATE enrollment SET progress = ? WHERE id = ?", progress, enrollment);
        }
        assertThat(treeEntry(pair).path("changedSinceRelease").asBoolean(true)).as("moved back").isFalse();
        assertThat(reportViews()).as("comparing is not viewing: no SPONSOR_REPORT_VIEW entry (R12)")
                .isEqualTo(viewsBefore);
    }

    private JsonNode treeEntry(String[] pair) {
        for (JsonNode s : api.get(ApiPaths.SPONSOR_REPORTS, admin).json()) {
            for (JsonNode c : s.path("courses")) {
                if (s.path("sponsorId").asText().equals(pair[0]) && c.path("courseId").asText().equals(pair[1])) {
                    return c;
                }
            }
        }
        throw new AssertionError("no tree entry for " + pair[0] + " " + pair[1]);
    }

    private long reportViews() {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'SPONSOR_REPORT_VIEW'",
                rs -> rs.getLong(1)).orElseThrow();
    }
}
