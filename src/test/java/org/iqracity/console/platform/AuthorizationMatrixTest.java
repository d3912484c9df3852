package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.http.Route;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route of the route table, for every sandbox role and for the caller's own objects, objects out of scope and
 * another Member's: the status each must answer. A route missing from {@link #EXPECT} fails the build, so a new
 * endpoint cannot ship without its authorization decided here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {
    /** Who asks. */
    enum Who { ANONYMOUS, MEMBER_ADMIN, SCOPED_COURSE_ADMIN, SECURITY_OFFICER }

    /** Whose object the path names. */
    enum Whose { OWN_IN_SCOPE, OWN_OUT_OF_SCOPE, OTHER_MEMBER }

    /** Statuses that mean "let in": the request was judged on its merits, not refused for who asked. */
    static final Set<Integer> ALLOWED = Set.of(200, 201, 204, 409, 412, 422, 428);
    static final int IN = 0;

    @FunctionalInterface
    interface Rule {
        int expect(Who who, Whose whose);
    }

    static final Rule PUBLIC = (who, whose) -> IN;
    static final Rule ANY_STAFF = (who, whose) -> who == Who.ANONYMOUS ? 401 : IN;
    /** Learner data and course settings: course or Member administrators within scope (R1, R3). */
    static final Rule LEARNER_DATA = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER -> 403;
        case MEMBER_ADMIN -> whose == Whose.OTHER_MEMBER ? 404 : IN;
        case SCOPED_COURSE_ADMIN -> whose == Whose.OWN_IN_SCOPE ? IN : 404;
    };
    /** Course catalogue: security officers see their Member's courses too (to scope breach notices). */
    static final Rule COURSE = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER, MEMBER_ADMIN -> whose == Whose.OTHER_MEMBER ? 404 : IN;
        case SCOPED_COURSE_ADMIN -> whose == Whose.OWN_IN_SCOPE ? IN : 404;
    };
    static final Rule OFFICERS = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER -> IN;
        default -> 403;
    };

    /** Breach notices (R8): the Member's security officers only; another Member's incident does not exist (R1). */
    static final Rule OWN_OFFICERS = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER -> whose == Whose.OTHER_MEMBER ? 404 : IN;
        default -> 403;
    };

    static final Rule READERS = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER -> 403;
        default -> IN;
    };
    static final Rule ADMINS = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SECURITY_OFFICER, SCOPED_COURSE_ADMIN -> 403;
        case MEMBER_ADMIN -> whose == Whose.OTHER_MEMBER ? 404 : IN;
    };

    /** Research exports (R11): security officers and Member administrators of the course's Member. */
    static final Rule RESEARCH = (who, whose) -> switch (who) {
        case ANONYMOUS -> 401;
        case SCOPED_COURSE_ADMIN -> 403;
        case SECURITY_OFFICER, MEMBER_ADMIN -> whose == Whose.OTHER_MEMBER ? 404 : IN;
    };

    static final Map<String, Rule> EXPECT = new LinkedHashMap<>();

    static {
        EXPECT.put("POST " + ApiPaths.SESSION, PUBLIC);
        EXPECT.put("POST " + ApiPaths.SESSION_REFRESH, PUBLIC);
        EXPECT.put("DELETE " + ApiPaths.SESSION, ANY_STAFF);
        EXPECT.put("GET " + ApiPaths.ME, ANY_STAFF);
        EXPECT.put("GET " + ApiPaths.COURSES, ANY_STAFF);
        EXPECT.put("GET " + ApiPaths.COURSE, COURSE);
        EXPECT.put("GET " + ApiPaths.COURSE_LEARNERS, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_LEARNER, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_TRACKING, LEARNER_DATA);
        EXPECT.put("PUT " + ApiPaths.COURSE_TRACKING, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_TRACKING_HISTORY, LEARNER_DATA);
        EXPECT.put("POST " + ApiPaths.COURSE_TRACKING_REVERT, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_TRACKING_EFFECTIVE, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_TRACKING_COVERAGE, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.COURSE_ROSTER, LEARNER_DATA);
        EXPECT.put("POST " + ApiPaths.COURSE_RESEARCH_EXPORTS, RESEARCH);
        EXPECT.put("GET " + ApiPaths.COURSE_INSIGHTS, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.SIGNING_KEY, PUBLIC);
        // A report of a copy already made: any staff member of the Member may send it (the contract test checks R1).
        EXPECT.put("POST " + ApiPaths.ROSTER_CONVERSIONS, ANY_STAFF);
        EXPECT.put("GET " + ApiPaths.SPONSOR_REPORTS, READERS);
        EXPECT.put("GET " + ApiPaths.SPONSOR_REPORT, LEARNER_DATA);
        EXPECT.put("GET " + ApiPaths.SPONSOR_RELEASES, READERS);
        EXPECT.put("POST " + ApiPaths.SPONSOR_RELEASES, ADMINS);
        EXPECT.put("GET " + ApiPaths.SPONSOR_RELEASE_CSV, ADMINS);
        EXPECT.put("GET " + ApiPaths.SPONSOR_RELEASE_PDF, ADMINS);
        EXPECT.put("GET " + ApiPaths.ACCESS_LOG, OFFICERS);
        EXPECT.put("GET " + ApiPaths.ACCESS_LOG_EXPORT, OFFICERS);
        EXPECT.put("GET " + ApiPaths.ACCESS_LOG_VERIFY, OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_NOTICES, OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_NOTICES, OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_JURISDICTIONS, OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_NOTICE, OWN_OFFICERS);
        EXPECT.put("PUT " + ApiPaths.BREACH_NOTICE, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_PREVIEW, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_MESSAGE, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_SUBMIT, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_RETURN, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_APPROVE, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_SEND, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_CANCEL, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_DELIVERIES, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_RETRY, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_RESOLVE, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_LETTERS, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.BREACH_RECORD, OWN_OFFICERS);
        EXPECT.put("PUT " + ApiPaths.BREACH_SITE_NOTICE, OWN_OFFICERS);
        EXPECT.put("DELETE " + ApiPaths.BREACH_SITE_NOTICE, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_SITE_NOTICE_APPROVE, OWN_OFFICERS);
        EXPECT.put("POST " + ApiPaths.BREACH_REGULATOR, OWN_OFFICERS);
        EXPECT.put("GET " + ApiPaths.PUBLIC_SITE_NOTICES, PUBLIC);
        EXPECT.put("GET " + ApiPaths.HEALTH, PUBLIC);
        EXPECT.put("GET " + ApiPaths.HEALTH_READY, PUBLIC);
        EXPECT.put("GET " + ApiPaths.HEALTH_LIVE, PUBLIC);
        EXPECT.put("GET " + ApiPaths.OPENAPI, PUBLIC);
    }

    TestApi api;
    Jdbc jdbc;
    final Map<Whose, String> courses = new LinkedHashMap<>();
    final Map<Whose, String> learners = new LinkedHashMap<>();
    String sponsor;
    String release;
    final Map<Whose, String> incidents = new LinkedHashMap<>();

    @BeforeAll
    void start() {
        PlatformFixture fixture = PlatformFixture.h2();
        api = fixture.api();
        jdbc = fixture.jdbc();
        courses.put(Whose.OWN_IN_SCOPE, "course-v1:Northbridge+DS200+2026_T1");
        courses.put(Whose.OWN_OUT_OF_SCOPE, "course-v1:Northbridge+CS101+2026_T1");
        courses.put(Whose.OTHER_MEMBER, jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow());
        courses.forEach((whose, course) -> learners.put(whose, jdbc.queryOne("SELECT learner_id FROM enrollment "
                + "WHERE course_id = ? ORDER BY id", rs -> rs.getString(1), course).orElseThrow()));
        sponsor = jdbc.queryOne("SELECT s.id FROM sponsor s WHERE " + String.join(" AND ", Collections.nCopies(3,
                "EXISTS (SELECT 1 FROM enrollment e WHERE e.sponsor_id = s.id AND e.course_id = ?)"))
                        + " ORDER BY s.id",
                rs -> rs.getString(1), courses.get(Whose.OWN_IN_SCOPE), courses.get(Whose.OWN_OUT_OF_SCOPE),
                courses.get(Whose.OTHER_MEMBER)).orElseThrow();
        release = api.send(api.request(ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", sponsor) + "?courseId="
                + ApiPaths.segment(courses.get(Whose.OWN_IN_SCOPE)), api.signIn("nb-admin"))
                .header("Idempotency-Key", "matrix-setup").POST(HttpRequest.BodyPublishers.noBody()).build())
                .json().path("releaseId").asText();
        incidents.put(Whose.OWN_IN_SCOPE, draftIncident("nb-security", "nb-security2"));
        incidents.put(Whose.OTHER_MEMBER, draftIncident("sahel-security", "sahel-security"));
    }

    /**
     * A draft of the officer's Member with a site notice proposed by {@code proposer}: another officer than the one
     * the matrix signs in as, so that approving or withdrawing it is judged on its merits.
     */
    private String draftIncident(String officer, String proposer) {
        String token = api.signIn(officer);
        String id = api.post(ApiPaths.BREACH_NOTICES, token, "{\"title\":\"Matrix\",\"discoveredAt\":\""
                + api.clock().instant().minusSeconds(3600) + "\"}").json().path("id").asText();
        api.send(api.request(ApiPaths.breachNotice(id) + "/site-notice", api.signIn(proposer)).header("Content-Type",
                "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\",\"body\":\"b\"}"))
                .build());
        return id;
    }

    static String key(Route r) {
        return r.method().name() + " " + r.path();
    }

    @Test
    void everyRouteHasItsAuthorizationDecidedHere() {
        List<String> routes = RouteTable.routes().stream().map(AuthorizationMatrixTest::key).toList();
        assertThat(EXPECT.keySet()).as("routes with a decided authorization")
                .containsExactlyInAnyOrderElementsOf(routes);
    }

    @TestFactory
    List<DynamicTest> everyRouteForEveryRoleAndOwnership() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : RouteTable.routes()) {
            Rule rule = EXPECT.get(key(route));
            if (rule == null || rule == PUBLIC) {
                continue;
            }
            for (Who who : Who.values()) {
                for (Whose whose : Whose.values()) {
                    boolean perCourse = route.path().contains("{courseId}")
                            || route.path().equals(ApiPaths.SPONSOR_REPORT)
                            || (route.path().equals(ApiPaths.SPONSOR_RELEASES) && route.method().name().equals("POST"));
                    boolean perIncident = route.path().contains("{incidentId}");
                    if (perIncident && whose == Whose.OWN_OUT_OF_SCOPE
                            || !perCourse && !perIncident && whose != Whose.OWN_IN_SCOPE) {
                        continue;
                    }
                    tests.add(DynamicTest.dynamicTest(key(route) + " as " + who + " on " + whose, () -> {
                        TestApi.Response r = api.send(request(route, who, whose));
                        int expected = rule.expect(who, whose);
                        if (expected == IN) {
                            assertThat(r.status()).as(r.body()).isIn(ALLOWED);
                        } else {
                            assertThat(r.status()).as(r.body()).isEqualTo(expected);
                            assertThat(r.contentType()).startsWith("application/problem+json");
                        }
                    }));
                }
            }
        }
        return tests;
    }

    /** One session per role (signing out needs its own): the shared platform's clock moves on each second factor. */
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);

    private String signIn(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case MEMBER_ADMIN -> api.signIn("nb-admin");
            case SCOPED_COURSE_ADMIN -> api.signIn("nb-ta");
            case SECURITY_OFFICER -> api.signIn("nb-security");
        };
    }

    private HttpRequest request(Route route, Who who, Whose whose) {
        String path = route.path()
                .replace("{courseId}", ApiPaths.segment(courses.get(whose)))
                .replace("{learnerId}", learners.get(whose))
                .replace("{sponsorId}", sponsor)
                .replace("{releaseId}", release)
                .replace("{incidentId}", incidents.getOrDefault(whose, "none"))
                .replace("{deliveryId}", "1");
        if (route.path().equals(ApiPaths.SPONSOR_REPORT) || route.path().equals(ApiPaths.SPONSOR_RELEASES)
                && route.method().name().equals("POST")) {
            path += "?courseId=" + ApiPaths.segment(courses.get(whose));
        }
        String token = route.method().name().equals("DELETE") ? signIn(who) : tokens.computeIfAbsent(who, this::signIn);
        HttpRequest.Builder b = api.request(path, token).header("Content-Type", "application/json")
                .header("If-Match", "\"v999999\"").header("Idempotency-Key", "matrix-" + who + "-" + whose);
        return switch (route.method().name()) {
            // A stale If-Match keeps a let-in write from changing anything: it answers 412.
            case "PUT" -> b.PUT(HttpRequest.BodyPublishers.ofString(
                    "{\"honourGlobalPrivacyControl\":true,\"categories\":[],\"technologies\":[]}")).build();
            case "POST" -> route.path().equals(ApiPaths.SPONSOR_RELEASES) ? b.POST(HttpRequest.BodyPublishers.noBody())
                    .build() : b.POST(HttpRequest.BodyPublishers.ofString("{\"version\":1}")).build();
            case "DELETE" -> b.DELETE().build();
            default -> b.GET().build();
        };
    }
}
