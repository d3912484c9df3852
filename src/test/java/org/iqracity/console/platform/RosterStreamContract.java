package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.RosterCanon;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.PlatformSecrets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The roster stream (R14): complete, signed, scoped (R1, R3), retired learners blank (R6), logged (R12). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RosterStreamContract {
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

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

    List<JsonNode> lines(TestApi.Response r) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            try {
                out.add(Json.mapper().readTree(line));
            } catch (Exception e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return out;
    }

    @Test
    void r14StreamHoldsEveryEnrollmentAndASummarySignedByThePlatformKey() throws Exception {
        TestApi.Response r = api.get(ApiPaths.courseLearners(DS200).replace("/learners", "/roster"), admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/x-ndjson");
        List<JsonNode> lines = lines(r);
        JsonNode header = lines.getFirst();
        JsonNode summary = lines.getLast();
        List<JsonNode> rows = lines.subList(1, lines.size() - 1);
        long enrolled = jdbc.queryOne("SELECT COUNT(*) FROM enrollment WHERE course_id = ?", rs -> rs.getLong(1), DS200)
                .orElseThrow();
        assertThat(rows).hasSize((int) enrolled);
        assertThat(summary.path("rowCount").asLong()).isEqualTo(enrolled);
        List<RosterField> fields = new ArrayList<>();
        header.path("fields").forEach(f -> fields.add(RosterField.byColumn(f.asText()).orElseThrow()));
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (JsonNode row : rows) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.asText()));
            sha.update(RosterCanon.csvLine(values).getBytes(StandardCharsets.UTF_8));
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        assertThat(summary.path("sha256").asText()).isEqualTo(hex);
        JsonNode key = api.get(ApiPaths.SIGNING_KEY, null).json();
        assertThat(summary.path("keyId").asText()).isEqualTo(key.path("keyId").asText());
        PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(
                new X509EncodedKeySpec(Base64.getDecoder().decode(key.path("publicKey").asText())));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pub);
        assertThat(summary.path("exportedBy").asText()).as("the signature names who exported").isEqualTo("nb-admin");
        verifier.update(RosterCanon.signedPayload("northbridge", DS200, summary.path("exportedAt").asText(),
                "nb-admin", fields, enrolled, hex));
        assertThat(verifier.verify(Base64.getDecoder().decode(summary.path("signature").asText()))).isTrue();
        verifier.initVerify(pub);
        verifier.update(RosterCanon.signedPayload("northbridge", DS200, summary.path("exportedAt").asText(),
                "nb-admin", fields, enrolled - 1, hex));
        assertThat(verifier.verify(Base64.getDecoder().decode(summary.path("signature").asText()))).isFalse();
        verifier.initVerify(pub);
        verifier.update(RosterCanon.signedPayload("northbridge", DS200, summary.path("exportedAt").asText(),
                "nb-ta", fields, enrolled, hex));
        assertThat(verifier.verify(Base64.getDecoder().decode(summary.path("signature").asText()))).isFalse();
    }

    @Test
    void r6RetiredLearnersHaveNoPersonalColumns() {
        String retiredUsername = jdbc.queryOne("SELECT l.username FROM enrollment e JOIN learner l ON "
                + "l.id = e.learner_id WHERE e.course_id = ? AND l.status = 'RETIRED' ORDER BY e.id",
                rs -> rs.getString(1), DS200).orElseThrow();
        List<JsonNode> lines = lines(api.get(ApiPaths.courseLearners(DS200).replace("/learners", "/roster")
                + "?fields=username,name,email,country,progress", admin));
        JsonNode retired = lines.stream().filter(l -> l.isArray() && l.get(1).asText().equals(retiredUsername))
                .findFirst().orElseThrow();
        assertThat(retired.get(2).asText()).isEmpty();
        assertThat(retired.get(3).asText()).isEmpty();
        assertThat(retired.get(4).asText()).isEmpty();
        assertThat(retired.get(5).asText()).isNotEmpty();
        assertThat(lines.getFirst().path("fields").toString())
                .isEqualTo("[\"course_id\",\"username\",\"name\",\"email\",\"country\",\"progress\"]");
    }

    @Test
    void r5NoPlatformOnlyColumnCanBeAskedFor() {
        for (String f : List.of("password", "platform_password_hash", "government_id", "username,secret")) {
            TestApi.Response r = api.get(ApiPaths.courseLearners(DS200).replace("/learners", "/roster") + "?fields="
                    + f, admin);
            assertThat(r.status()).as(f).isEqualTo(422);
        }
    }

    @Test
    void r1AndR3RosterOfACourseOutOfReachIsNotFound() {
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        assertThat(api.get(ApiPaths.course(sahel) + "/roster", admin).status()).isEqualTo(404);
        String ta = api.signIn("nb-ta");
        assertThat(api.get(ApiPaths.course("course-v1:Northbridge+CS101+2026_T1") + "/roster", ta).status())
                .isEqualTo(404);
        assertThat(api.get(ApiPaths.course(DS200) + "/roster?fields=username", ta).status()).isEqualTo(200);
    }

    @Test
    void r12EveryExportIsLogged() {
        long before = exports();
        api.get(ApiPaths.course(DS200) + "/roster?fields=username", admin);
        assertThat(exports()).isEqualTo(before + 1);
    }

    private String conversion(String reportId, String memberId, String courses, String format) {
        return "{\"reportId\":\"" + reportId + "\",\"memberId\":\"" + memberId + "\",\"courseIds\":[" + courses
                + "],\"format\":\"" + format + "\",\"rowCount\":1234,\"rosterSha256\":\"" + "ab".repeat(32)
                + "\",\"exportedBy\":\"nb-admin\",\"exportedAt\":\"2026-11-01T10:00:00Z\","
                + "\"convertedAt\":\"2026-11-02T09:30:00Z\"}";
    }

    private long conversions(String reportId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'ROSTER_CONVERT' AND object_id = ?",
                rs -> rs.getLong(1), reportId).orElseThrow();
    }

    /** A report of a copy of {@code summary}'s roster, claiming what the reporter likes about the export. */
    private String signedConversion(String reportId, JsonNode summary, String signedBlock) {
        return "{\"reportId\":\"" + reportId + "\",\"memberId\":\"northbridge\",\"courseIds\":[" + TestApi.q(DS200)
                + "],\"format\":\"CSV\",\"rowCount\":3,\"exportedBy\":\"nb-security\","
                + "\"exportedAt\":\"2020-01-01T00:00:00Z\",\"convertedAt\":\"2026-11-02T09:30:00Z\","
                + "\"fields\":" + summary.path("fields")
                        + (signedBlock == null ? "" : ",\"signed\":[" + signedBlock + "]")
                + "}";
    }

    private static String signedCourse(JsonNode summary, String exportedBy, long rows) {
        return "{\"courseId\":" + TestApi.q(summary.path("courseId").asText()) + ",\"exportedAt\":"
                + TestApi.q(summary.path("exportedAt").asText()) + ",\"exportedBy\":"
                + (exportedBy == null ? "null" : TestApi.q(exportedBy)) + ",\"rowCount\":" + rows
                + ",\"sha256\":" + TestApi.q(summary.path("sha256").asText()) + ",\"signature\":"
                + TestApi.q(summary.path("signature").asText()) + "}";
    }

    private String provenance(String reportId) {
        return jdbc.queryOne("SELECT provenance || ' ' || COALESCE(exported_by, '-') || ' ' || "
                + "COALESCE(CAST(signed_rows AS VARCHAR(20)), '-') FROM roster_conversion WHERE report_id = ?",
                rs -> rs.getString(1), reportId).orElseThrow();
    }

    private Instant exportedAt(String reportId) {
        List<Instant> at = jdbc.query("SELECT exported_at FROM roster_conversion WHERE report_id = ?",
                rs -> Jdbc.instant(rs, "exported_at"), reportId);
        assertThat(at).hasSize(1);
        return at.getFirst();
    }

    /**
     * R14, R12: who exported a roster, when, and how many rows it held are what the platform signed in the roster,
     * checked against its own key; the reporter's word (here a teaching assistant claiming the security officer
     * exported it years ago) is not recorded, and a summary altered in any part vouches for nothing.
     */
    @Test
    void r14AConversionsExporterTimeAndRowsComeFromTheRostersSignatureNotTheReporter() {
        List<JsonNode> lines = lines(api.get(ApiPaths.course(DS200) + "/roster?fields=username,progress", admin));
        JsonNode summary = lines.getLast();
        long rows = summary.path("rowCount").asLong();
        String ta = api.signIn("nb-ta");

        String honest = UUID.randomUUID().toString();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, ta, signedConversion(honest, summary,
                signedCourse(summary, "nb-admin", rows))).status()).isEqualTo(201);
        assertThat(provenance(honest)).isEqualTo("SIGNED nb-admin " + rows);
        assertThat(exportedAt(honest)).isEqualTo(Instant.parse(summary.path("exportedAt").asText()));

        String otherExporter = UUID.randomUUID().toString();
        String moreRows = UUID.randomUUID().toString();
        String unsigned = UUID.randomUUID().toString();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, ta, signedConversion(otherExporter, summary,
                signedCourse(summary, "nb-security", rows))).status()).isEqualTo(201);
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, ta, signedConversion(moreRows, summary,
                signedCourse(summary, "nb-admin", rows + 1))).status()).isEqualTo(201);
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, ta, signedConversion(unsigned, summary, null)).status())
                .isEqualTo(201);
        for (String id : List.of(otherExporter, moreRows, unsigned)) {
            assertThat(provenance(id)).as("the copy is recorded, but nothing about its export is taken on trust")
                    .isEqualTo("UNVERIFIED - -");
            assertThat(exportedAt(id)).isNull();
            assertThat(conversions(id)).isEqualTo(1);
        }
    }

    /** A roster signed before the platform signed the exporter still vouches for its time and rows. */
    @Test
    void r14ARosterSignedBeforeTheExporterWasVouchesForTimeAndRowsButNamesNobody() {
        List<JsonNode> lines = lines(api.get(ApiPaths.course(DS200) + "/roster?fields=username", admin));
        JsonNode summary = lines.getLast();
        var keys = new SigningKeys(
                new PlatformSecrets(jdbc, Clock.systemUTC(),
                        fixture().secrets()));
        String v1 = keys.sign(RosterCanon.signedPayload("northbridge", DS200, summary.path("exportedAt").asText(),
                List.of(RosterField.COURSE_ID, RosterField.USERNAME), summary.path("rowCount").asLong(),
                summary.path("sha256").asText()));
        String old = signedCourse(summary, null, summary.path("rowCount").asLong())
                .replace(summary.path("signature").asText(), v1);
        String id = UUID.randomUUID().toString();

        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, signedConversion(id, summary, old)).status())
                .isEqualTo(201);

        assertThat(provenance(id)).isEqualTo("SIGNED_WITHOUT_EXPORTER - " + summary.path("rowCount").asLong());
        assertThat(exportedAt(id)).isEqualTo(Instant.parse(summary.path("exportedAt").asText()));
    }

    @Test
    void r12AConversionReportIsLoggedOncePerCourseHoweverOftenItIsSent() {
        String id = UUID.randomUUID().toString();
        String body = conversion(id, "northbridge", TestApi.q(DS200) + "," + TestApi.q(
                "course-v1:Northbridge+CS101+2026_T1"), "XLSX");
        TestApi.Response first = api.post(ApiPaths.ROSTER_CONVERSIONS, admin, body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("repeated").asBoolean()).isFalse();
        TestApi.Response again = api.post(ApiPaths.ROSTER_CONVERSIONS, admin, body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("repeated").asBoolean()).isTrue();
        assertThat(again.json().path("recordedAt").asText()).isEqualTo(first.json().path("recordedAt").asText());
        assertThat(conversions(id)).isEqualTo(2);
        assertThat(jdbc.query("SELECT course_id FROM access_log WHERE object_id = ? ORDER BY course_id",
                rs -> rs.getString(1), id)).containsExactly("course-v1:Northbridge+CS101+2026_T1", DS200);
        assertThat(jdbc.queryOne("SELECT format || ' ' || row_count FROM roster_conversion WHERE report_id = ?",
                rs -> rs.getString(1), id)).contains("XLSX 1234");
        assertThat(api.get(ApiPaths.ACCESS_LOG_VERIFY, api.signIn("nb-security")).json().path("intact").asBoolean())
                .isTrue();
    }

    @Test
    void r12AnyStaffMemberOfTheMemberMayReportACopyOfACourseInTheirScope() {
        String id = UUID.randomUUID().toString();
        TestApi.Response r = api.post(ApiPaths.ROSTER_CONVERSIONS, api.signIn("nb-security"),
                conversion(id, "northbridge", TestApi.q("course-v1:Northbridge+CS101+2026_T1"), "CSV"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(conversions(id)).isEqualTo(1);
    }

    /** R1: a course outside a course administrator's scope answers exactly as one that does not exist. */
    @Test
    void r1ACourseOutsideTheReportersScopeAnswersExactlyLikeAMissingOne() {
        String scoped = api.signIn("nb-ta");
        String outside = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        TestApi.Response out = api.post(ApiPaths.ROSTER_CONVERSIONS, scoped, conversion(outside, "northbridge",
                TestApi.q("course-v1:Northbridge+CS101+2026_T1"), "CSV"));
        TestApi.Response none = api.post(ApiPaths.ROSTER_CONVERSIONS, scoped, conversion(missing, "northbridge",
                TestApi.q("course-v1:Northbridge+NOPE+2026_T1"), "CSV"));
        assertThat(out.status()).isEqualTo(404);
        assertThat(out.body().replace(outside, "ID")).isEqualTo(none.body().replace(missing, "ID"));
        assertThat(conversions(outside) + conversions(missing)).isZero();
    }

    @Test
    void r1AReportNamingAnotherMemberOrItsCourseOrAnUnknownCourseAnswersLikeAMissingOne() {
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        String otherMember = UUID.randomUUID().toString();
        String otherCourse = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(otherMember, "sahel", TestApi.q(sahel),
                "CSV")).status()).isEqualTo(404);
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(otherCourse, "northbridge",
                TestApi.q(sahel), "CSV")).status()).isEqualTo(404);
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(unknown, "northbridge",
                TestApi.q("course-v1:Nowhere+X+1"), "CSV")).status()).isEqualTo(404);
        assertThat(conversions(otherMember) + conversions(otherCourse) + conversions(unknown)).isZero();
    }

    /** R1: report ids are each Member's own; one another Member used is as fresh as any and tells nothing. */
    @Test
    void r1AReportIdRecordedForOneMemberIsAsFreshAsAnyForAnother() {
        String id = UUID.randomUUID().toString();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(id, "northbridge", TestApi.q(DS200),
                "CSV")).status()).isEqualTo(201);
        String sahelAdmin = api.signIn("sahel-admin");
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        TestApi.Response r = api.post(ApiPaths.ROSTER_CONVERSIONS, sahelAdmin, conversion(id, "sahel",
                TestApi.q(sahel), "CSV"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("repeated").asBoolean()).isFalse();
        assertThat(r.body()).doesNotContain("northbridge");
        assertThat(jdbc.query("SELECT member_id FROM roster_conversion WHERE report_id = ? ORDER BY member_id",
                rs -> rs.getString(1), id)).containsExactly("northbridge", "sahel");
    }

    @Test
    void aMalformedConversionReportNamesItsFieldsAndRecordsNothing() {
        TestApi.Response r = api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion("not-a-uuid", "northbridge",
                TestApi.q(DS200), "PDF"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("reportId", "format");
        String future = UUID.randomUUID().toString();
        TestApi.Response late = api.post(ApiPaths.ROSTER_CONVERSIONS, admin, conversion(future, "northbridge",
                TestApi.q(DS200), "CSV").replace("2026-11-02T09:30:00Z", "2999-01-01T00:00:00Z"));
        assertThat(late.status()).isEqualTo(422);
        assertThat(late.body()).contains("convertedAt");
        assertThat(conversions(future)).isZero();
        assertThat(api.post(ApiPaths.ROSTER_CONVERSIONS, admin, "{\"reportId\":").status()).isEqualTo(400);
    }

    private long exports() {
        return jdbc.queryOne("SELECT COUNT(*) FROM access_log WHERE action = 'ROSTER_EXPORT' AND course_id = ?",
                rs -> rs.getLong(1), DS200).orElseThrow();
    }
}
