package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.api.insights.InsightCell;
import org.iqracity.console.api.insights.InsightSeries;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Course insights (R11) over real HTTP on every database: the shown numbers are the sandbox's own, counted here
 * directly from its rows; no response carries a count from 1 to 4; the tenant wall (R1), course scope (R3) and roles
 * hold as for the course's learners; each view is logged (R12).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InsightsContract {
    static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    static final String DS200 = "course-v1:Northbridge+DS200+2026_T1";

    PlatformFixture fixture;
    TestApi api;
    Jdbc jdbc;
    String nbAdmin;

    abstract PlatformFixture fixture();

    @BeforeAll
    void start() {
        fixture = fixture();
        api = fixture.api();
        jdbc = fixture.jdbc();
        nbAdmin = api.signIn("nb-admin");
    }

    /** One enrollment as the direct count reads it, in Java, without the platform's SQL. */
    record Row(Instant enrolledAt, String mode, Instant lastActivityAt, double progress, double grade, boolean passed,
               boolean certificate, String country, String education) {
    }

    List<Row> rows(String courseId) {
        return jdbc.query("SELECT e.enrolled_at, e.mode, e.last_activity_at, e.progress, e.grade, e.passed, "
                + "e.certificate, e.country, l.level_of_education, l.status FROM enrollment e JOIN learner l "
                + "ON l.id = e.learner_id WHERE e.course_id = ?", rs -> {
                    boolean retired = "RETIRED".equals(rs.getString("status"));
                    return new Row(Jdbc.instant(rs, "enrolled_at"), rs.getString("mode"),
                            Jdbc.instant(rs, "last_activity_at"), rs.getDouble("progress"), rs.getDouble("grade"),
                            rs.getBoolean("passed"), rs.getBoolean("certificate"),
                            retired ? null : rs.getString("country"),
                            retired ? null : rs.getString("level_of_education"));
                }, courseId);
    }

    CourseInsightsDto insights(String courseId) {
        TestApi.Response r = api.get(ApiPaths.courseInsights(courseId), nbAdmin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.as(CourseInsightsDto.class);
    }

    /** Every shown cell equals the direct count, and every count from 1 to 4 is sent suppressed. */
    static void assertMatches(String what, List<InsightCell> cells, Map<String, Long> direct) {
        assertThat(cells).as(what).isNotEmpty();
        for (InsightCell c : cells) {
            if (!c.suppressed()) {
                assertThat(c.count()).as(what + " " + c.key()).isEqualTo(direct.getOrDefault(c.key(), 0L));
            }
        }
        for (Map.Entry<String, Long> e : direct.entrySet()) {
            if (e.getValue() > 0 && e.getValue() < 5) {
                assertThat(cells).as(what + ": the small cell " + e.getKey() + " is sent suppressed")
                        .contains(InsightCell.hidden(e.getKey()));
            }
        }
    }

    static String bucket(double value) {
        int b = 0;
        for (int i = 9; i >= 1; i--) {
            if (value >= i / 10.0) {
                b = i;
                break;
            }
        }
        return b * 10 + "-" + (b + 1) * 10;
    }

    @Test
    void shownNumbersAreTheSandboxsOwnCountedDirectly() {
        for (String course : List.of(CS101, DS200)) {
            List<Row> rows = rows(course);
            CourseInsightsDto dto = insights(course);
            assertThat(dto.suppressed()).isFalse();
            assertThat(dto.enrolled().count()).isEqualTo(rows.size());

            Map<String, Long> progress = new HashMap<>();
            Map<String, Long> grades = new HashMap<>();
            Map<String, Long> countries = new HashMap<>();
            Map<String, Long> education = new HashMap<>();
            Map<String, Long> months = new HashMap<>();
            long[] funnel = new long[5];
            for (Row r : rows) {
                progress.merge(bucket(r.progress()), 1L, Long::sum);
                grades.merge(bucket(r.grade()), 1L, Long::sum);
                countries.merge(r.country() == null ? CourseInsightsDto.NOT_STATED : r.country(), 1L, Long::sum);
                education.merge(r.education() == null ? CourseInsightsDto.NOT_STATED : r.education(), 1L, Long::sum);
                months.merge(r.mode() + "|" + YearMonth.from(r.enrolledAt().atZone(ZoneOffset.UTC)), 1L, Long::sum);
                boolean active = r.lastActivityAt() != null || r.progress() > 0;
                boolean halfWay = active && r.progress() >= 0.5;
                boolean passed = halfWay && r.passed();
                funnel[0]++;
                funnel[1] += active ? 1 : 0;
                funnel[2] += halfWay ? 1 : 0;
                funnel[3] += passed ? 1 : 0;
                funnel[4] += passed && r.certificate() ? 1 : 0;
            }
            assertMatches("progress", dto.progress(), progress);
            assertMatches("grades", dto.grades(), grades);
            assertMatches("countries", dto.countries(), countries);
            assertMatches("education", dto.education(), education);
            Map<String, Long> stages = new HashMap<>();
            String[] names = {"ENROLLED", "ACTIVE", "HALF_WAY", "PASSED", "CERTIFICATE"};
            for (int i = 0; i < names.length; i++) {
                stages.put(names[i], funnel[i]);
            }
            assertMatches("funnel", dto.funnel(), stages);
            List<InsightCell> monthCells = new ArrayList<>();
            for (InsightSeries s : dto.enrollmentsByMonth()) {
                s.cells().forEach(c -> monthCells.add(c.suppressed() ? InsightCell.hidden(s.name() + "|" + c.key())
                        : InsightCell.of(s.name() + "|" + c.key(), c.count())));
            }
            assertMatches("enrollments by month", monthCells, months);
            assertMatches("active by week", dto.activeByWeek(), activeByWeek(rows));
        }
    }

    /** Learners whose span from the week of enrollment to the week of last activity covers each week. */
    static Map<String, Long> activeByWeek(List<Row> rows) {
        Map<String, Long> weeks = new TreeMap<>();
        for (Row r : rows) {
            if (r.lastActivityAt() == null) {
                continue;
            }
            LocalDate from = monday(r.enrolledAt());
            LocalDate to = monday(r.lastActivityAt());
            for (LocalDate w = from.isAfter(to) ? to : from; !w.isAfter(to); w = w.plusWeeks(1)) {
                weeks.merge(w.toString(), 1L, Long::sum);
            }
        }
        return weeks;
    }

    static LocalDate monday(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    @Test
    void noInsightOfAnyCourseCarriesACountFromOneToFour() {
        for (String admin : List.of("nb-admin", "sahel-admin", "lk-admin")) {
            String token = api.signIn(admin);
            JsonNode courses = api.get(ApiPaths.COURSES + "?limit=500", token).json().path("items");
            assertThat(courses.size()).isPositive();
            for (JsonNode course : courses) {
                TestApi.Response r = api.get(ApiPaths.courseInsights(course.path("id").asText()), token);
                assertThat(r.status()).isEqualTo(200);
                List<String> small = new ArrayList<>();
                scan(r.json(), "$", small);
                assertThat(small).as(course.path("id").asText()).isEmpty();
                assertThat(r.body()).contains("\"suppressed\"");
            }
        }
    }

    /** Every "count" anywhere in the document: a number never from 1 to 4, null exactly when suppressed. */
    private static void scan(JsonNode node, String path, List<String> small) {
        if (node.isObject()) {
            if (node.has("count")) {
                JsonNode count = node.get("count");
                boolean suppressed = node.path("suppressed").asBoolean();
                if (count.isNumber() && count.asLong() > 0 && count.asLong() < 5 || suppressed != count.isNull()) {
                    small.add(path + " = " + node);
                }
            }
            node.properties().forEach(e -> scan(e.getValue(), path + "." + e.getKey(), small));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), path + "[" + i + "]", small);
            }
        }
    }

    @Test
    void r1AnotherMembersCourseAnswersExactlyLikeAMissingOne() {
        String sahelCourse = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        TestApi.Response foreign = api.get(ApiPaths.courseInsights(sahelCourse), nbAdmin);
        TestApi.Response missing = api.get(ApiPaths.courseInsights("course-v1:Nobody+X1+2026_T1"), nbAdmin);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).isEqualTo(missing.body());
    }

    @Test
    void r3ACourseOutOfScopeIsNotFoundAsForItsLearners() {
        String ta = api.signIn("nb-ta");
        assertThat(api.get(ApiPaths.courseInsights(CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(CS101), ta).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseInsights(DS200), ta).status()).isEqualTo(200);
    }

    @Test
    void aSecurityOfficerIsRefused() {
        TestApi.Response r = api.get(ApiPaths.courseInsights(CS101), api.signIn("nb-security"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void r12EachViewIsInTheAccessLog() {
        String count = "SELECT COUNT(*) FROM access_log WHERE member_id = 'northbridge' AND action = 'INSIGHTS_VIEW' "
                + "AND actor_username = 'nb-admin' AND course_id = ?";
        long before = jdbc.queryOne(count, rs -> rs.getLong(1), DS200).orElseThrow();
        insights(DS200);
        insights(DS200);
        assertThat(jdbc.queryOne(count, rs -> rs.getLong(1), DS200).orElseThrow()).isEqualTo(before + 2);
    }

    @Test
    void theConsolesClientReadsTheSameInsights() {
        PlatformClient client = PlatformConnector.overHttp().connect(api.base());
        client.signIn("nb-admin", TestApi.PASSWORD, null);
        CourseInsightsDto typed = client.insights().course(CS101);
        assertThat(typed).isEqualTo(insights(CS101));
        assertThat(typed.funnel()).extracting(InsightCell::key)
                .containsExactly("ENROLLED", "ACTIVE", "HALF_WAY", "PASSED", "CERTIFICATE");
    }
}
