package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.documents.PdfText;
import org.iqracity.console.platform.research.ResearchArchiveFile;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.OldSponsorRelease;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sponsor's own reference for a learner (an employee or programme number such as {@code ACME-90300}) is an
 * identifier R5 keeps on the platform and R7 leaves out of what a sponsor receives; for a retired learner (R6) it
 * would undo the retirement. Over real HTTP, as the Member's administrator and security officer would ask, every
 * answer that concerns a sponsor's learners, among them retired ones, is searched for every reference the sandbox
 * holds, read from the database: learner list and detail, sponsor reports, releases (JSON, CSV, PDF, also one an
 * older version stored with the references in it), the roster stream, a research export, insights, the access log
 * and a breach notice's preview and record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SponsorReferenceContract {
    static final List<String> R7_CSV = List.of("learner_name", "course_id", "enrollment_status", "enrolled_at",
            "last_activity_at", "active_days", "progress", "completed", "passed", "certificate");

    TestApi api;
    Jdbc jdbc;
    String admin;
    String officer;
    /** Every sponsorship reference in the sandbox, as one pattern that names the first it finds. */
    Pattern references;
    String sponsor;
    String course;
    long retired;
    final HttpClient http = HttpClient.newHttpClient();

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        api = fixture().api();
        jdbc = fixture().jdbc();
        admin = api.signIn("nb-admin");
        officer = api.signIn("nb-security");
        List<String> all = jdbc.query("SELECT DISTINCT sponsor_reference FROM enrollment "
                + "WHERE sponsor_reference IS NOT NULL", rs -> rs.getString(1));
        assertThat(all).as("the sandbox gives its sponsored learners references").hasSizeGreaterThan(50)
                .allMatch(r -> r.length() >= 6);
        references = Pattern.compile(all.stream().map(Pattern::quote).collect(Collectors.joining("|")));
        // the Member's sponsor and course with the most retired sponsored learners
        JsonNode target = jdbc.queryOne("SELECT e.sponsor_id, e.course_id, COUNT(*) FROM enrollment e "
                + "JOIN learner l ON l.id = e.learner_id WHERE e.member_id = 'northbridge' "
                + "AND e.sponsor_id IS NOT NULL AND l.status = 'RETIRED' GROUP BY e.sponsor_id, e.course_id "
                + "ORDER BY COUNT(*) DESC, e.sponsor_id, e.course_id", rs -> Json.mapper().createObjectNode()
                .put("sponsor", rs.getString(1)).put("course", rs.getString(2)).put("retired", rs.getLong(3)))
                .orElseThrow(() -> new AssertionError("no retired sponsored learner: nothing would be checked"));
        sponsor = target.path("sponsor").asText();
        course = target.path("course").asText();
        retired = target.path("retired").asLong();
    }

    void assertNoReference(String what, String text) {
        Matcher m = references.matcher(text);
        if (m.find()) {
            throw new AssertionError(what + " carries the sponsorship reference " + m.group() + " (R5, R7)");
        }
    }

    /** A PDF: its bytes as they are, and its text as two readers extract it (the bytes are mostly compressed). */
    void assertNoReferenceInPdf(String what, byte[] pdf, Path dir) throws IOException, InterruptedException {
        assertNoReference(what + " (bytes)", new String(pdf, StandardCharsets.ISO_8859_1));
        Path file = Files.write(Files.createTempFile(dir, "answer", ".pdf"), pdf);
        assertNoReference(what + " (text)", PdfText.text(file).replaceAll("\\s+", ""));
        assertNoReference(what + " (pdftotext)", PdfText.readBack(file).replaceAll("\\s+", ""));
    }

    byte[] bytes(String path, String token) {
        try {
            HttpResponse<byte[]> r = http.send(api.request(path, token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    String ok(String path, String token) {
        TestApi.Response r = api.get(path, token);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    String sponsorPath(String template) {
        return template.replace("{sponsorId}", sponsor);
    }

    List<String> sponsoredLearners() {
        return jdbc.query("SELECT learner_id FROM enrollment WHERE course_id = ? AND sponsor_id IS NOT NULL ORDER BY "
                + "id",
                rs -> rs.getString(1), course);
    }

    @Test
    void r5NoLearnerListOrDetailCarriesTheReferenceRetiredOrNot() {
        String list = ApiPaths.courseLearners(course) + "?limit=500";
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(list + (cursor == null ? "" : "&cursor=" + cursor), admin).json();
            assertNoReference("the learner list", page.toString());
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            assertThat(++pages).isLessThan(100);
        } while (cursor != null);

        List<String> learners = sponsoredLearners();
        assertThat(learners).hasSizeGreaterThan((int) retired);
        int retiredSeen = 0;
        for (String learner : learners) {
            TestApi.Response detail = api.get(ApiPaths.courseLearner(course, learner), admin);
            assertThat(detail.status()).isEqualTo(200);
            assertNoReference("the detail of " + learner, detail.body());
            JsonNode sponsorship = detail.json().path("sponsorship");
            Set<String> fields = new HashSet<>();
            sponsorship.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as("what the detail says of a sponsorship")
                    .containsExactlyInAnyOrder("sponsorId", "sponsorName", "kind");
            retiredSeen += detail.json().path("profile").path("retired").asBoolean() ? 1 : 0;
        }
        long retiredSponsored = jdbc.queryOne("SELECT COUNT(*) FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND e.sponsor_id IS NOT NULL AND l.status = 'RETIRED'", rs -> rs.getLong(1),
                course).orElseThrow();
        assertThat(retiredSeen).as("retired sponsored learners were looked at").isEqualTo((int) retiredSponsored)
                .isPositive();
    }

    @Test
    void r5SearchingForAReferenceFindsNoOne() {
        String reference = jdbc.queryOne("SELECT sponsor_reference FROM enrollment WHERE course_id = ? "
                + "AND sponsor_reference IS NOT NULL ORDER BY id", rs -> rs.getString(1), course).orElseThrow();
        JsonNode found = api.get(ApiPaths.courseLearners(course) + "?q=" + ApiPaths.segment(reference), admin).json();
        assertThat(found.path("items").size()).as("a reference is no key to a learner").isZero();
    }

    @Test
    void r7EverySponsorReportHoldsR7sColumnsNoReferenceAndRetiredRowsNamelessAndLast() {
        JsonNode sponsors = api.get(ApiPaths.SPONSOR_REPORTS, admin).json();
        assertNoReference("the list of sponsors", sponsors.toString());
        int reports = 0;
        for (JsonNode s : sponsors) {
            for (JsonNode c : s.path("courses")) {
                String path = ApiPaths.SPONSOR_REPORT.replace("{sponsorId}", s.path("sponsorId").asText())
                        + "?courseId=" + ApiPaths.segment(c.path("courseId").asText());
                JsonNode report = api.get(path, admin).json();
                assertNoReference("the sponsor report " + path, report.toString());
                for (JsonNode row : report.path("rows")) {
                    Set<String> fields = new HashSet<>();
                    row.fieldNames().forEachRemaining(fields::add);
                    assertThat(fields).isEqualTo(Set.of("learnerName", "courseId", "enrollmentStatus", "enrolledAt",
                            "lastActivityAt", "activeDays", "progress", "completed", "passed", "certificate"));
                }
                reports++;
            }
        }
        assertThat(reports).isGreaterThan(1);

        JsonNode report = api.get(sponsorPath(ApiPaths.SPONSOR_REPORT) + "?courseId=" + ApiPaths.segment(course),
                admin).json();
        List<Boolean> nameless = new ArrayList<>();
        report.path("rows").forEach(r -> nameless.add(r.path("learnerName").isNull()));
        assertThat(nameless.stream().filter(n -> n).count()).as("retired accounts have no name (R6)")
                .isEqualTo(retired);
        // where a retired row stood among names sorted alphabetically would tell how its hidden name began
        assertThat(nameless).as("retired rows come after the named ones")
                .isEqualTo(nameless.stream().sorted().toList());
    }

    @Test
    void r7AReleaseAndItsCsvPdfAndJsonCarryNoReference(@TempDir Path dir) throws Exception {
        TestApi.Response made = api.send(api.request(sponsorPath(ApiPaths.SPONSOR_RELEASES) + "?courseId="
                + ApiPaths.segment(course), admin).header("Idempotency-Key", "sponsor-reference-" + course)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(made.status()).as(made.body()).isIn(200, 201);
        assertNoReference("the release's answer", made.body());
        String releaseId = made.json().path("releaseId").asText();
        assertNoReference("the release history", ok(sponsorPath(ApiPaths.SPONSOR_RELEASES), admin));

        String csv = ok(sponsorPath(ApiPaths.SPONSOR_RELEASE_CSV).replace("{releaseId}", releaseId), admin);
        assertNoReference("the released CSV", csv);
        List<String> lines = csv.lines().toList();
        assertThat(lines.getFirst()).isEqualTo(String.join(",", R7_CSV));
        assertThat(lines.stream().skip(1).filter(l -> l.startsWith(",")).count())
                .as("retired accounts are released without a name").isEqualTo(retired);

        byte[] pdf = bytes(sponsorPath(ApiPaths.SPONSOR_RELEASE_PDF).replace("{releaseId}", releaseId), admin);
        assertNoReferenceInPdf("the released PDF", pdf, dir);
        Path file = Files.write(dir.resolve("release.pdf"), pdf);
        String text = PdfText.text(file).replaceAll("\\s+", " ");
        assertThat(text.split("Retired account", -1).length - 1).as("retired rows in the PDF").isEqualTo((int) retired);
        assertThat(text).doesNotContain("Reference");
    }

    /**
     * Releases made before the reference was taken out hold it in their stored snapshot, under a column of its
     * own. Such a snapshot, written here as that version wrote it, is served with R7's columns only.
     */
    @Test
    void r5AReleaseAnOlderVersionStoredWithReferencesIsServedWithoutThem(@TempDir Path dir) throws Exception {
        List<List<String>> stored = OldSponsorRelease.rows(jdbc, sponsor, course);
        assertThat(stored).as("the old snapshot holds references")
                .allMatch(row -> references.matcher(row.get(1)).matches());
        String releaseId = "old" + UUID.randomUUID().toString().substring(0, 13);
        OldSponsorRelease.insert(jdbc, releaseId, "northbridge", sponsor, course, stored, api.clock().instant());

        assertNoReference("the release history", ok(sponsorPath(ApiPaths.SPONSOR_RELEASES), admin));
        String csv = ok(sponsorPath(ApiPaths.SPONSOR_RELEASE_CSV).replace("{releaseId}", releaseId), admin);
        assertNoReference("the old release's CSV", csv);
        assertThat(csv.lines().toList().getFirst()).isEqualTo(String.join(",", R7_CSV));
        assertThat(csv.lines().count() - 1).isEqualTo(stored.size());
        byte[] pdf = bytes(sponsorPath(ApiPaths.SPONSOR_RELEASE_PDF).replace("{releaseId}", releaseId), admin);
        assertNoReferenceInPdf("the old release's PDF", pdf, dir);
        String text = PdfText.text(Files.write(dir.resolve("old.pdf"), pdf)).replaceAll("\\s+", " ");
        assertThat(text.split("Retired account", -1).length - 1).isEqualTo((int) retired);
    }

    @Test
    void r5NoRosterResearchExportInsightsOrAccessLogCarriesTheReference() {
        assertNoReference("the roster stream", ok(ApiPaths.courseLearners(course).replace("/learners", "/roster"),
                admin));
        HttpRequest research = api.request(ApiPaths.courseResearchExports(course), admin)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        try {
            HttpResponse<byte[]> zip = http.send(research, HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            assertNoReference("the research export", ResearchArchiveFile.read(zip.body()).everything());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertNoReference("the insights", ok(ApiPaths.courseInsights(course), admin));
        assertNoReference("the course", ok(ApiPaths.course(course), admin));
        assertNoReference("the access log", ok(ApiPaths.ACCESS_LOG + "?limit=500", officer));
        assertNoReference("the access log export", ok(ApiPaths.ACCESS_LOG_EXPORT, officer));
    }

    @Test
    void r5ABreachNoticesPreviewAndRecordCarryNoReference(@TempDir Path dir) throws Exception {
        Instant discovered = api.clock().instant().minus(Duration.ofHours(5));
        IncidentRequest request = new IncidentRequest("Sponsored learners' copy exposed", discovered,
                discovered.minus(Duration.ofDays(3)), discovered.minus(Duration.ofDays(2)),
                "A misconfigured export exposed a copy of course data.",
                List.of(DataCategory.NAME, DataCategory.EMAIL, DataCategory.PERFORMANCE), "Reporting warehouse",
                "We closed access.", "Watch for emails that pretend to come from us.", "privacy@northbridge.example",
                new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(), sponsoredLearners()), null, null);
        TestApi.Response created = api.post(ApiPaths.BREACH_NOTICES, officer,
                Json.mapper().writeValueAsString(request));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String notice = ApiPaths.breachNotice(id);
        assertNoReference("the notice", ok(notice, officer));
        assertNoReference("the preview", ok(notice + "/preview", officer));
        String named = jdbc.queryOne("SELECT e.learner_id FROM enrollment e JOIN learner l ON l.id = e.learner_id "
                + "WHERE e.course_id = ? AND e.sponsor_id IS NOT NULL AND l.status = 'ACTIVE' ORDER BY e.id",
                rs -> rs.getString(1), course).orElseThrow();
        assertNoReference("a learner's message", ok(notice + "/preview/message?learnerId=" + named, officer));
        assertNoReference("the record (CSV)", ok(notice + "/record?format=csv", officer));
        assertNoReferenceInPdf("the record (PDF)", bytes(notice + "/record?format=pdf", officer), dir);
    }
}
