package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.platform.http.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever a client sends to any route of the route table, the platform answers below 500, every refusal
 * is problem+json with its status and a known code, and no answer shows internals (class names, exception words,
 * SQL, stack frames).
 *
 * <p>A seeded generator (no library: the cases are shaped by this API) starts from a valid request per route and
 * breaks one or two things: path ids of other types, wrong types and odd values in query parameters and JSON
 * fields, malformed JSON, other encodings, huge and unicode strings, negative and enormous numbers, bad cursors,
 * odd headers. Routes it has no template for (added later) get generic junk, so they are fed too. A failure names
 * the seed and the case; {@code -Dfuzz.seed=N} replays the run and {@code -Dfuzz.case=I} that case alone, {@code
 * -Dfuzz.seconds=S} and {@code -Dfuzz.requests=N} size the run.
 *
 * <p>Runs on a platform of its own: the requests really sign in, write tracking settings and release reports.
 */
class RouteFuzzTest {
    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final long BUDGET_MS = Long.getLong("fuzz.seconds", 15L) * 1000;
    static final int MAX_REQUESTS = Integer.getInteger("fuzz.requests", 4000);
    /** Replays one case: the cases before it are generated (the sequence depends on nothing else) but not sent. */
    static final int ONLY = Integer.getInteger("fuzz.case", -1);

    static final List<String> ERROR_LEAKS = List.of("Exception", "org.", "java.", "javax.", "jakarta.", "SELECT",
            "select ", "jdbc", "JDBC", "SQL", "Caused by", "\tat ", "<html", "<HTML", "Jetty", "jetty", "Javalin",
            "javalin", "h2database", "com.fasterxml", "Unrecognized", "line: ", "column: ", "iqracity.console");
    /** Answers with data may carry any learner text, so only the unmistakable marks of internals are looked for. */
    static final List<String> DATA_LEAKS = List.of("Exception:", "Caused by", "\tat ", "org.iqracity.console",
            "java.lang.", "SQLException", "org.h2.", "org.postgresql", "com.fasterxml");
    static final Pattern STACK_FRAME = Pattern.compile("\\([A-Za-z0-9_$]+\\.java:\\d+\\)");

    static PlatformFixture fixture;
    static RawHttp raw;
    static Set<String> knownCodes = new HashSet<>();
    static Map<String, String> tokens = new LinkedHashMap<>();
    static List<String> spareTokens = new ArrayList<>();
    static Map<String, List<String>> ids = new LinkedHashMap<>();
    static List<String> cursors = new ArrayList<>();
    static ObjectNode trackingBody;
    static String trackingEtag;
    static String refreshToken;

    @BeforeAll
    static void start() throws IllegalAccessException {
        fixture = PlatformFixture.startH2(400);
        raw = new RawHttp(fixture.api().base());
        for (Field f : ProblemCode.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                knownCodes.add((String) f.get(null));
            }
        }
        TestApi api = fixture.api();
        for (String user : List.of("nb-admin", "nb-ta", "nb-security", "sahel-admin")) {
            tokens.put(user, api.signIn(user));
        }
        for (int i = 0; i < 2; i++) {
            spareTokens.add(api.signIn("lk-admin"));
        }
        refreshToken = api.session("lk-admin").path("refreshToken").asText();
        var jdbc = fixture.jdbc();
        String cs101 = "course-v1:Northbridge+CS101+2026_T1";
        String sahel = jdbc.queryOne("SELECT id FROM course WHERE member_id = 'sahel' ORDER BY id",
                rs -> rs.getString(1)).orElseThrow();
        ids.put("courseId", List.of(cs101, "course-v1:Northbridge+DS200+2026_T1", sahel));
        ids.put("learnerId", jdbc.query("SELECT learner_id FROM enrollment WHERE course_id IN (?, ?) ORDER BY id "
                + "FETCH FIRST 6 ROWS ONLY", rs -> rs.getString(1), cs101, sahel));
        ids.put("sponsorId", jdbc.query("SELECT id FROM sponsor ORDER BY id FETCH FIRST 4 ROWS ONLY",
                rs -> rs.getString(1)));
        String admin = tokens.get("nb-admin");
        String sponsor = ids.get("sponsorId").getFirst();
        TestApi.Response release = api.send(api.request(ApiPaths.SPONSOR_RELEASES.replace("{sponsorId}", sponsor)
                        + "?courseId=" + ApiPaths.segment(cs101), admin).header("Idempotency-Key", "fuzz-setup")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        ids.put("releaseId", release.status() == 201 || release.status() == 200
                ? List.of(release.json().path("releaseId").asText()) : List.of("r-1"));
        for (String path : List.of(ApiPaths.courseLearners(cs101) + "?limit=2", ApiPaths.COURSES + "?limit=1")) {
            cursors.add(api.get(path, admin).json().path("nextCursor").asText());
        }
        cursors.add(api.get(ApiPaths.ACCESS_LOG + "?limit=1", tokens.get("nb-security")).json()
                .path("nextCursor").asText());
        TestApi.Response tracking = api.get(ApiPaths.course(cs101) + "/tracking", admin);
        trackingEtag = tracking.headers().firstValue("ETag").orElse("\"v1\"");
        JsonNode settings = tracking.json();
        trackingBody = JsonNodeFactory.instance.objectNode();
        trackingBody.set("honourGlobalPrivacyControl", settings.path("honourGlobalPrivacyControl"));
        trackingBody.set("categories", settings.path("categories"));
        trackingBody.set("technologies", settings.path("technologies"));
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    // ---- the property ------------------------------------------------------------------------------------------

    @Test
    void noInputToAnyRouteGetsA500OrShowsInternals() {
        List<Route> routes = RouteTable.routes();
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> perRoute = new TreeMap<>();
        long deadline = System.currentTimeMillis() + BUDGET_MS;
        int sent = 0;
        while (sent < MAX_REQUESTS && (System.currentTimeMillis() < deadline || sent < routes.size() * 3)) {
            // Round robin over the routes, so a slow route cannot starve the others within the time budget.
            Route route = routes.get(sent % routes.size());
            Case c = mutate(route, random);
            if (ONLY >= 0 && sent != ONLY) {
                if (sent++ > ONLY) {
                    break;
                }
                continue;
            }
            RawHttp.Response r;
            try {
                r = raw.send(c.method, c.target, c.headers, c.body);
                if (r.status() == 505 && wellFramed(c)) {
                    // Seen once in some 40,000 requests under heavy machine load and never again: Jetty's parser
                    // answering "unknown HTTP version" to a well-formed HTTP/1.1 request line. Sent again to tell a
                    // transport hiccup from a request the platform cannot take; a second 505 fails below.
                    System.out.println("RouteFuzzTest: a 505 for a well-formed request line, sent again: "
                            + replay(sent, c));
                    r = raw.send(c.method, c.target, c.headers, c.body);
                }
            } catch (AssertionError e) {
                throw new AssertionError(replay(sent, c) + "\nno HTTP answer", e);
            }
            sent++;
            statuses.merge(r.status(), 1, Integer::sum);
            perRoute.merge(route.method() + " " + route.path(), 1, Integer::sum);
            try {
                check(c, r);
            } catch (AssertionError e) {
                throw new AssertionError(replay(sent - 1, c) + "\n-> " + r.status() + " " + r.headers() + "\n"
                        + abbreviate(r.body()), e);
            }
        }
        System.out.printf("RouteFuzzTest: %d requests over %d routes, seed %d, statuses %s%n", sent, routes.size(),
                SEED, statuses);
        if (ONLY >= 0) {
            return;
        }
        assertThat(perRoute.keySet()).as("every route was fed").hasSize(routes.size());
        // The mutations reached the handlers' own checks and sometimes passed them, not only the router's refusals.
        assertThat(statuses.keySet()).as("statuses seen: %s", statuses).contains(200, 400, 401, 404, 422);
    }

    static boolean wellFramed(Case c) {
        return c.target.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)
                && c.headers.values().stream().allMatch(v -> v.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f));
    }

    static String replay(int index, Case c) {
        return "fuzz case #" + index + " (replay with -Dfuzz.seed=" + SEED + " -Dfuzz.case=" + index + "): "
                + c.method + " "
                + abbreviate(c.target) + " headers " + abbreviate(c.headers.toString()) + " body "
                + (c.body == null ? "none" : abbreviate(new String(c.body, StandardCharsets.ISO_8859_1)));
    }

    static String abbreviate(String s) {
        return s.length() <= 600 ? s : s.substring(0, 600) + "...(" + s.length() + " chars)";
    }

    static void check(Case c, RawHttp.Response r) {
        // A raw control character splits the request line, and what Jetty then reads has no HTTP version: its 505
        // (as malformed_request, checked below) is the client's fault, not the platform's.
        if (r.status() != 505 || wellFramed(c)) {
            assertThat(r.status()).as("status").isBetween(200, 499);
        }
        assertThat(r.header("X-Content-Type-Options")).as("security headers on every answer").isEqualTo("nosniff");
        boolean head = c.method.equals("HEAD");
        if (r.status() >= 400) {
            if (head && r.body().isEmpty()) {
                return;
            }
            assertThat(r.header("Content-Type")).as("content type of a refusal").startsWith("application/problem+json");
            for (String leak : ERROR_LEAKS) {
                assertThat(r.body()).as("refusal shows internals (%s)", leak).doesNotContain(leak);
            }
            JsonNode problem;
            try {
                problem = Json.mapper().readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError("refusal is not JSON", e);
            }
            assertThat(problem.path("status").asInt()).as("status field").isEqualTo(r.status());
            assertThat(problem.path("code").asText()).as("code").isIn(knownCodes);
            assertThat(problem.path("title").asText()).as("title").isNotBlank();
        } else {
            for (String leak : DATA_LEAKS) {
                assertThat(r.body()).as("answer shows internals (%s)", leak).doesNotContain(leak);
            }
            assertThat(STACK_FRAME.matcher(r.body()).find()).as("a stack frame in the answer").isFalse();
        }
    }

    // ---- cases -------------------------------------------------------------------------------------------------

    static final class Case {
        String method;
        String target;
        final Map<String, String> headers = new LinkedHashMap<>();
        byte[] body;
    }

    /** The query parameters each route reads, with a valid value; mutations pick among these and strangers. */
    static Map<String, String> validQuery(Route route, Random random) {
        String p = route.path();
        Map<String, String> q = new LinkedHashMap<>();
        if (p.equals(ApiPaths.COURSE_LEARNERS)) {
            q.put("q", pick(random, "an", "ab", "smith", ""));
            q.put("sort", pick(random, "username", "-grade", "progress", "-lastActivity"));
            q.put("limit", "20");
            q.put("mode", pick(random, "AUDIT", "VERIFIED"));
            q.put("minProgress", "0.1");
            q.put("maxProgress", "0.9");
            q.put("active", "true");
            q.put("passed", "false");
            q.put("country", "KE");
        } else if (p.equals(ApiPaths.COURSES)) {
            q.put("limit", "5");
        } else if (p.equals(ApiPaths.ACCESS_LOG)) {
            q.put("limit", "10");
            q.put("action", pick(random, "SIGN_IN", "LEARNER_VIEW"));
            q.put("from", "2020-01-01T00:00:00Z");
            q.put("to", "2100-01-01T00:00:00Z");
            q.put("actor", "nb-admin");
        } else if (p.equals(ApiPaths.ACCESS_LOG_EXPORT)) {
            q.put("actor", "nb-admin");
            q.put("from", "2020-01-01T00:00:00Z");
        } else if (p.equals(ApiPaths.COURSE_TRACKING_EFFECTIVE)) {
            q.put("analytics", "true");
            q.put("functional", "false");
            q.put("marketing", "true");
            q.put("gpc", "false");
        } else if (p.equals(ApiPaths.COURSE_TRACKING_HISTORY)) {
            q.put("version", "1");
        } else if (p.equals(ApiPaths.COURSE_ROSTER)) {
            q.put("fields", "username,name,grade");
        } else if (p.equals(ApiPaths.SPONSOR_REPORT) || p.equals(ApiPaths.SPONSOR_RELEASES)) {
            q.put("courseId", pickList(random, ids.get("courseId")));
        }
        // A valid request carries a few of them, not always all.
        q.keySet().removeIf(k -> random.nextInt(3) == 0 && !k.equals("courseId"));
        return q;
    }

    static JsonNode validBody(Route route, Random random) {
        String key = route.method() + " " + route.path();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (key.equals("POST " + ApiPaths.SESSION)) {
            // Mostly a wrong password: successful sign-ins are not what is being tried here.
            body.put("username", pick(random, "nb-ta", "nb-admin", "nb-security", "nobody"));
            body.put("password", random.nextInt(4) == 0 ? TestApi.PASSWORD : "not-the-password");
            if (random.nextBoolean()) {
                body.put("totp", "123456");
            }
            return body;
        }
        if (key.equals("POST " + ApiPaths.SESSION_REFRESH)) {
            return body.put("refreshToken", random.nextInt(5) == 0 ? refreshToken : "r-" + random.nextLong());
        }
        if (key.equals("PUT " + ApiPaths.COURSE_TRACKING)) {
            return trackingBody.deepCopy();
        }
        if (key.equals("POST " + ApiPaths.COURSE_TRACKING_REVERT)) {
            return body.put("version", 1 + random.nextInt(3));
        }
        if (key.equals("POST " + ApiPaths.SPONSOR_RELEASES)) {
            // Takes no body; now and then one is sent anyway.
            return random.nextInt(4) == 0 ? body.put("sponsorId", "x") : null;
        }
        if (!route.method().name().equals("GET") && !route.method().name().equals("DELETE")) {
            // A route this test has no template for: an object of plausible fields.
            body.put("id", "x");
            body.put("courseId", pickList(random, ids.get("courseId")));
            body.put("text", "hello");
            body.put("count", 1);
            return body;
        }
        return null;
    }

    static Case mutate(Route route, Random random) {
        Case c = new Case();
        c.method = route.method().name();
        Map<String, String> pathValues = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(route.path());
        while (m.find()) {
            List<String> known = ids.getOrDefault(m.group(1), List.of());
            pathValues.put(m.group(1), known.isEmpty() ? "x" + random.nextInt(100) : pickList(random, known));
        }
        Map<String, String> query = validQuery(route, random);
        JsonNode json = validBody(route, random);
        String rawBody = null;
        String token = route.authenticated() ? tokenFor(route, random) : null;

        // One or two things broken per request (and now and then none, so valid paths are walked too).
        int breaks = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < breaks; i++) {
            switch (random.nextInt(json == null ? 5 : 9)) {
                case 0 -> {
                    if (!pathValues.isEmpty()) {
                        String name = pickList(random, new ArrayList<>(pathValues.keySet()));
                        pathValues.put(name, otherTypeId(random));
                    } else {
                        query.put(pick(random, "limit", "cursor", "q", "id"), evilString(random));
                    }
                }
                case 1 -> {
                    List<String> names = new ArrayList<>(query.keySet());
                    names.addAll(List.of("limit", "cursor", "sort", "q", "version", "courseId"));
                    query.put(pickList(random, names), evilString(random));
                }
                case 2 -> query.put("cursor", badCursor(random));
                case 3 -> query.put(pick(random, "memberId", "role", "admin", "__proto__", "debug", "limit[]", ""),
                        evilString(random));
                case 4 -> c.headers.putAll(evilHeaders(random, route));
                case 5 -> json = replaceSomewhere(json, evilJson(random), random);
                case 6 -> json = massAssign(json, random);
                case 7 -> rawBody = damage(json.toString(), random);
                default -> rawBody = oddShape(random);
            }
        }

        StringBuilder target = new StringBuilder(route.path());
        pathValues.forEach((name, value) -> {
            int at = target.indexOf("{" + name + "}");
            target.replace(at, at + name.length() + 2, encodePathValue(value, random));
        });
        if (!query.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            query.forEach((k, v) -> pairs.add(encodeQuery(k, random) + "=" + encodeQuery(v, random)));
            target.append('?').append(String.join("&", pairs));
        }
        c.target = target.toString();
        if (token != null && !c.headers.containsKey("Authorization")) {
            c.headers.put("Authorization", "Bearer " + token);
        }
        if (route.path().equals(ApiPaths.COURSE_TRACKING) || route.path().equals(ApiPaths.COURSE_TRACKING_REVERT)) {
            c.headers.putIfAbsent("If-Match", random.nextInt(3) == 0 ? "\"v999\"" : trackingEtag);
        }
        if (route.path().equals(ApiPaths.SPONSOR_RELEASES) && c.method.equals("POST")) {
            c.headers.putIfAbsent("Idempotency-Key", "fuzz-" + random.nextInt(50));
        }
        if (rawBody != null || json != null) {
            c.headers.putIfAbsent("Content-Type", "application/json");
            Charset charset = StandardCharsets.UTF_8;
            if (random.nextInt(12) == 0) {
                charset = pickList(random, List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE,
                        StandardCharsets.ISO_8859_1, Charset.forName("UTF-32")));
            }
            String text = rawBody != null ? rawBody : json.toString();
            c.body = text.getBytes(charset);
            if (random.nextInt(25) == 0) {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] withBom = new byte[bom.length + c.body.length];
                System.arraycopy(bom, 0, withBom, 0, 3);
                System.arraycopy(c.body, 0, withBom, 3, c.body.length);
                c.body = withBom;
            }
        }
        return c;
    }

    static String tokenFor(Route route, Random random) {
        if (route.method().name().equals("DELETE") && route.path().equals(ApiPaths.SESSION)) {
            // Signing out ends a session: only spare ones are spent here (the rest answer 401 once spent).
            return random.nextInt(3) == 0 ? pickList(random, spareTokens) : "junk-" + random.nextInt(1000);
        }
        int r = random.nextInt(12);
        if (r == 0) {
            return pick(random, "", "x", "null", "Bearer", "' OR 1=1 --", "t".repeat(3000), "日本語");
        }
        return pickList(random, new ArrayList<>(tokens.values()));
    }

    // ---- values ------------------------------------------------------------------------------------------------

    static final String[] NUMBERS = {"-1", "0", "-0", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775809", "99999999999999999999999999",
            "1e309", "-1e309", "1E-400", "4.9e-324", "0x1F", "1_000", "1,5", "5.", ".5", "+5", "--5", "NaN",
            "Infinity", "-Infinity", "\u0665", "\uff15", "\u00b2", " 5", "5 ", "05", "1e3", "0.5",
                    "1.0000000000000001"};
    static final String[] TEXTS = {"", " ", "null", "undefined", "true", "[]", "{}", "' OR '1'='1", "\"; DROP TABLE "
            + "access_log; --", "../../etc/passwd", "..\\..\\windows", "%00", "%s%s%n", "${jndi:ldap://x/a}", "{{7*7}}",
            "<script>alert(1)</script>", "\u0000", "a\u0000b", "\r\nX-Injected: 1", "\u202eevil", "\u200b", "\ufeff",
            "\ud83d\ude00", "\ud800", "\udfff", "e\u0301", "\u0130", "\u0131", "\u017f", "\uffff", "日本語のテキスト",
            "ß", "ﬁ", "Ⅻ", "NUL\u0001\u0002\u001b[2J", "AUDIT", "audıt", "VERİFIED", "username", "-username",
            "--grade", "+grade", "SIGN_IN", "sign_in", "KE", "ke", "K", "KEN", "retired_user_0", "nb-admin",
            "sahel-admin", "course-v1:Sahel+X+Y", "*", "%", "_", "\\", "\t", "2026-13-45T99:99:99Z",
            "-999999999-01-01T00:00:00Z", "+1000000000-01-01T00:00:00Z", "0000-00-00", "2026-01-01",
            "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-01-01T00:00:00+25:00"};

    static String evilString(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> pick(random, NUMBERS);
            case 1, 2 -> pick(random, TEXTS);
            case 3 -> pick(random, "a", "日", "\ud83d\ude00", "%", "x y")
                    .repeat(pickInt(random, 100, 1000, 5000, 20000));
            case 4 -> pick(random, TEXTS) + pick(random, NUMBERS);
            default -> randomUnicode(random, 1 + random.nextInt(40));
        };
    }

    static String randomUnicode(Random random, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x80);
                case 1 -> random.nextInt(0x800);
                case 2 -> random.nextInt(0x10000);
                default -> random.nextInt(0x110000);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    /** An id of the wrong kind for its place: another entity's id, a number, a cursor, junk. */
    static String otherTypeId(Random random) {
        List<String> all = new ArrayList<>();
        ids.values().forEach(all::addAll);
        return switch (random.nextInt(5)) {
            case 0, 1 -> pickList(random, all);
            case 2 -> pick(random, NUMBERS);
            case 3 -> pickList(random, cursors);
            default -> evilString(random);
        };
    }

    static String badCursor(Random random) {
        String good = pickList(random, cursors);
        return switch (random.nextInt(7)) {
            case 0 -> good;
            case 1 -> good.substring(0, random.nextInt(Math.max(1, good.length())));
            case 2 -> good + pick(random, "A", "==", "%3D", "\u00e9", "x".repeat(3000));
            case 3 -> {
                char[] chars = good.toCharArray();
                if (chars.length > 0) {
                    int at = random.nextInt(chars.length);
                    chars[at] = chars[at] == 'A' ? 'B' : 'A';
                }
                yield new String(chars);
            }
            case 4 -> {
                byte[] junk = new byte[random.nextInt(200)];
                random.nextBytes(junk);
                yield (random.nextBoolean() ? Base64.getUrlEncoder().withoutPadding()
                        : Base64.getEncoder()).encodeToString(junk);
            }
            case 5 -> Base64.getUrlEncoder().withoutPadding().encodeToString(
                    pick(random, "{\"id\":-1}", "[1,2]", "null", "{\"k\":\"' OR 1=1\"}", "\u0000")
                            .getBytes(StandardCharsets.UTF_8));
            default -> evilString(random);
        };
    }

    static JsonNode evilJson(Random random) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(9)) {
            case 0 -> f.textNode(evilString(random));
            case 1 -> f.numberNode(pickLong(random));
            case 2 -> f.numberNode(new BigDecimal(pick(random, "1e400", "-1e400", "123456789012345678901234567890",
                    "-0.0000000000000000000000001", "0.5", "-1")));
            case 3 -> random.nextBoolean() ? f.booleanNode(random.nextBoolean()) : f.nullNode();
            case 4 -> f.arrayNode();
            case 5 -> f.objectNode();
            case 6 -> {
                ArrayNode a = f.arrayNode();
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    a.add(evilString(random));
                }
                yield a;
            }
            case 7 -> f.objectNode().put(pick(random, "id", "__proto__", "", "$where"), evilString(random));
            default -> f.textNode(pick(random, "a", "ü", "\ud83d\ude00").repeat(pickInt(random, 1000, 30_000, 70_000)));
        };
    }

    static long pickLong(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MIN_VALUE;
            case 1 -> Long.MAX_VALUE;
            case 2 -> -1 - random.nextInt(1000);
            default -> random.nextLong();
        };
    }

    /** The tree with one node (an object field or array element, anywhere) replaced, or the root itself. */
    static JsonNode replaceSomewhere(JsonNode root, JsonNode value, Random random) {
        if (root == null || random.nextInt(8) == 0 || !root.isContainerNode() || root.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode node = copy;
        while (true) {
            if (node instanceof ObjectNode o && !o.isEmpty()) {
                List<String> names = new ArrayList<>();
                o.fieldNames().forEachRemaining(names::add);
                String name = pickList(random, names);
                JsonNode child = o.get(name);
                if (!child.isContainerNode() || child.isEmpty() || random.nextInt(3) == 0) {
                    o.set(name, value);
                    return copy;
                }
                node = child;
            } else if (node instanceof ArrayNode a && !a.isEmpty()) {
                int i = random.nextInt(a.size());
                JsonNode child = a.get(i);
                if (!child.isContainerNode() || child.isEmpty() || random.nextInt(3) == 0) {
                    a.set(i, value);
                    return copy;
                }
                node = child;
            } else {
                return copy;
            }
        }
    }

    /** Fields a client must not set, or a required one taken away. */
    static JsonNode massAssign(JsonNode root, Random random) {
        if (!(root instanceof ObjectNode o)) {
            return root;
        }
        ObjectNode copy = o.deepCopy();
        if (random.nextInt(3) == 0 && !copy.isEmpty()) {
            copy.remove(copy.fieldNames().next());
        } else {
            copy.set(pick(random, "id", "version", "memberId", "member", "author", "authorId", "status", "createdAt",
                    "updatedAt", "releasedAt", "roles", "staffId", "etag", "hash", "previousHash"), evilJson(random));
        }
        return copy;
    }

    /** Text-level damage to otherwise valid JSON. */
    static String damage(String json, Random random) {
        if (json.isEmpty()) {
            return "{";
        }
        int at = random.nextInt(json.length());
        return switch (random.nextInt(7)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + pick(random, "\"", "{", "]", ",", ":", "\\", "\u0000", "\\u12", "/*")
                    + json.substring(at);
            case 2 -> json + pick(random, " trailing", "}", "{}", ",", "\u0000", "\n\n{\"a\":1}");
            case 3 -> json.replaceFirst("\"", "'");
            case 4 -> json.startsWith("{") ? "{\"a\":1,\"a\":2," + json.substring(1) : json + json;
            case 5 -> json.replace(":", ": /* c */ ");
            default -> json.substring(0, at) + "\\ud800" + json.substring(at);
        };
    }

    /** Bodies that are not a damaged request but something else entirely. */
    static String oddShape(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "[".repeat(pickInt(random, 100, 2000, 20_000));
            case 1 -> "{\"a\":".repeat(pickInt(random, 100, 2000)) + "1" + "}".repeat(10);
            case 2 -> "1".repeat(pickInt(random, 500, 2000, 100_000));
            case 3 -> "\"" + "\\u0000".repeat(2000) + "\"";
            case 4 -> pick(random, "", " ", "null", "[]", "0", "\"x\"", "true", "NaN", "{}");
            case 5 -> "{\"x\":" + "9".repeat(5000) + "}";
            case 6 -> "{\"x\":\"" + "\\".repeat(1001) + "\"}";
            default -> randomUnicode(random, random.nextInt(300));
        };
    }

    static Map<String, String> evilHeaders(Random random, Route route) {
        Map<String, String> h = new LinkedHashMap<>();
        String headerValue = asHeader(evilString(random));
        switch (random.nextInt(7)) {
            case 0 -> h.put("If-Match", pick(random, headerValue, "*", "W/\"v1\"", "\"v-1\"",
                    "\"v99999999999999999999\"",
                    "v1", "\"\"", "\"v1\", \"v2\""));
            case 1 -> h.put("Idempotency-Key", pick(random, headerValue, "", "k".repeat(5000)));
            case 2 -> h.put("Content-Type", pick(random, "text/plain", "application/json; charset=utf-16",
                    "application/json; charset=bogus", "application/json;;", "application/xml", "*/*",
                    "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", headerValue));
            case 3 -> h.put("Authorization", pick(random, "Basic Zm9vOmJhcg==", "Bearer", "Bearer  ",
                    "Bearer " + headerValue, "bearer " + pickList(random, new ArrayList<>(tokens.values()))));
            case 4 -> h.put("Accept", pick(random, "text/html", "application/xml", "*/*;q=abc", headerValue));
            case 5 -> h.put("X-Client", headerValue);
            default -> h.put("Accept-Encoding", pick(random, "gzip", "br", "identity;q=0", headerValue));
        }
        return h;
    }

    /** Header values travel as ISO-8859-1 without line breaks in RawHttp; keep the rest of the strangeness. */
    static String asHeader(String s) {
        String cleaned = s.replace("\r", "").replace("\n", "");
        return new String(cleaned.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)
                .substring(0, Math.min(cleaned.length(), 6000));
    }

    static String encodePathValue(String value, Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> unframed(value).replace("?", "%3F").replace("#", "%23");
            case 1 -> pick(random, "%zz", "%", "%C0%AF", "%ED%A0%80", "%2F", "%2e%2e", "%00", ";x=1", "%u0041") + value;
            default -> ApiPaths.segment(value);
        };
    }

    static String encodeQuery(String value, Random random) {
        return switch (random.nextInt(12)) {
            // Raw bytes, as a careless client sends them; only what would end the request line is escaped.
            case 0 -> unframed(value).replace("&", "%26").replace("#", "%23");
            case 1 -> URLEncoder.encode(value, StandardCharsets.UTF_8) + pick(random, "%", "%zz", "%ED%A0%80",
                    "%C3", "%FF");
            case 2 -> URLEncoder.encode(value, StandardCharsets.ISO_8859_1);
            default -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        };
    }

    /** Whitespace would end the request line (RawHttp does not check): BadInputTest sends broken framing on purpose. */
    static String unframed(String value) {
        return value.replace(" ", "+").replace("\t", "%09").replace("\r", "%0D").replace("\n", "%0A");
    }

    @SafeVarargs
    static <T> T pick(Random random, T... options) {
        return options[random.nextInt(options.length)];
    }

    static <T> T pickList(Random random, List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    static int pickInt(Random random, int... options) {
        return options[random.nextInt(options.length)];
    }
}
