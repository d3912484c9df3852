package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.platform.service.auth.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * R13 and STYLE.md: no secret and no learner's personal data in a log line. A representative journey runs on a
 * fresh platform while every log event is captured, the platform's own loggers down to TRACE (a debug switch
 * must not start leaking) and the libraries at their production levels; then the log is searched for every
 * name, username, email, password, token and second-factor secret or code the journey saw.
 */
class LogPrivacyTest {
    private static final String CS101 = "course-v1:Northbridge+CS101+2026_T1";
    private static final Map<String, Level> LEVELS = Map.of(Logger.ROOT_LOGGER_NAME, Level.INFO,
            "org.iqracity", Level.TRACE, "org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN, "org.flywaydb", Level.WARN);

    static final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    static final Map<String, Level> previous = new HashMap<>();
    static final Set<String> secrets = new LinkedHashSet<>();
    static final Set<String> personal = new LinkedHashSet<>();
    static PlatformFixture fixture;

    @BeforeAll
    static void runJourney() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        LEVELS.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        fixture = PlatformFixture.startH2(150);
        journey(fixture.api());
    }

    @AfterAll
    static void restore() {
        if (fixture != null) {
            fixture.close();
        }
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    static void journey(TestApi api) {
        secrets.add(TestApi.PASSWORD);
        secrets.addAll(TestApi.TOTP_SECRETS.values());
        // Sign-ins that fail: a wrong password, an unknown user, a wrong and a missing second factor.
        String wrongPassword = "Hunter2-not-it";
        secrets.add(wrongPassword);
        assertThat(api.signInResponse("nb-admin", wrongPassword, null).status()).isEqualTo(401);
        assertThat(api.signInResponse("mallory.guess@example.org", wrongPassword, null).status()).isEqualTo(401);
        // An account pressed until it must wait: the platform's log says a sign-in was throttled, not whose.
        int status = 0;
        for (int i = 0; i < 8 && status != 429; i++) {
            status = api.signInResponse("lk-admin", wrongPassword, null).status();
        }
        assertThat(status).isEqualTo(429);
        personal.add("mallory.guess@example.org");
        String staleCode = Totp.code(TestApi.TOTP_SECRETS.get("nb-security"), Totp.step(api.clock().instant()) - 20);
        secrets.add(staleCode);
        assertThat(api.signInResponse("nb-security", TestApi.PASSWORD, staleCode).code()).isEqualTo("mfa_invalid");
        assertThat(api.signInResponse("nb-security", TestApi.PASSWORD, null).code()).isEqualTo("mfa_required");
        // A second-factor sign-in that succeeds.
        String code = api.nextTotp(TestApi.TOTP_SECRETS.get("nb-security"));
        secrets.add(code);
        JsonNode officer = api.signInResponse("nb-security", TestApi.PASSWORD, code).json();
        addTokens(officer);
        // Sign-in, refresh, and reuse of the old refresh token (which ends the session).
        JsonNode session = api.session("nb-admin");
        addTokens(session);
        String refreshBody = "{\"refreshToken\":" + TestApi.q(session.path("refreshToken").asText()) + "}";
        TestApi.Response refreshed = api.post(ApiPaths.SESSION_REFRESH, null, refreshBody);
        assertThat(refreshed.status()).isEqualTo(200);
        addTokens(refreshed.json());
        assertThat(api.post(ApiPaths.SESSION_REFRESH, null, refreshBody).status()).isEqualTo(401);
        String token = api.signIn("nb-admin");
        secrets.add(token);
        // Lists, a search by email prefix, detail views.
        JsonNode page = api.get(ApiPaths.courseLearners(CS101) + "?limit=40", token).json();
        List<String> ids = new ArrayList<>();
        String email = null;
        for (JsonNode row : page.path("items")) {
            addPersonal(row);
            ids.add(row.path("learnerId").asText());
            if (email == null && !row.path("email").isNull()) {
                email = row.path("email").asText();
            }
        }
        assertThat(ids).hasSizeGreaterThan(3);
        assertThat(email).isNotNull();
        JsonNode found = api.get(ApiPaths.courseLearners(CS101) + "?q=" + email.substring(0, 6), token).json();
        assertThat(found.path("total").asLong()).isPositive();
        found.path("items").forEach(LogPrivacyTest::addPersonal);
        api.get(ApiPaths.courseLearners(CS101) + "?q=" + URLEncoder.encode(email,
                StandardCharsets.UTF_8), token);
        for (String id : ids.subList(0, 4)) {
            TestApi.Response detail = api.get(ApiPaths.courseLearner(CS101, id), token);
            assertThat(detail.status()).isEqualTo(200);
            for (JsonNode field : detail.json().path("profile").path("fields")) {
                String key = field.path("key").asText();
                if (List.of("name", "username", "email", "mailingAddress").contains(key)) {
                    add(personal, field.path("value"));
                }
            }
        }
        // A 404 and a 422 on the way.
        assertThat(api.get(ApiPaths.courseLearner(CS101, "no-such-learner"), token).status()).isEqualTo(404);
        assertThat(api.get(ApiPaths.courseLearners(CS101) + "?limit=0&q=" + email.substring(0, 4), token).status())
                .isEqualTo(422);
        assertThat(api.delete(ApiPaths.SESSION, token).status()).isEqualTo(204);
    }

    static void addTokens(JsonNode session) {
        add(secrets, session.path("accessToken"));
        add(secrets, session.path("refreshToken"));
    }

    static void addPersonal(JsonNode row) {
        add(personal, row.path("name"));
        add(personal, row.path("username"));
        add(personal, row.path("email"));
    }

    static void add(Set<String> into, JsonNode value) {
        if (value.isTextual() && value.asText().length() >= 4) {
            into.add(value.asText());
        }
    }

    static List<String> logText() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : appender.list) {
            StringBuilder sb = new StringBuilder(e.getLoggerName()).append(' ').append(e.getFormattedMessage());
            if (e.getArgumentArray() != null) {
                for (Object arg : e.getArgumentArray()) {
                    sb.append(' ').append(arg);
                }
            }
            e.getMDCPropertyMap().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void theLogWasCapturedAtTheLevelsThatMatter() {
        List<String> lines = logText();
        assertThat(lines).anyMatch(l -> l.contains("Platform API serving on port"));
        assertThat(lines).as("failed sign-ins are logged, so they were looked at").anyMatch(l -> l.contains("Sign-in"));
        assertThat(personal).hasSizeGreaterThan(50);
        assertThat(secrets).hasSizeGreaterThan(8);
    }

    @Test
    void aThrottledSignInIsInThePlatformsLogWithoutWho() {
        assertThat(logText()).filteredOn(l -> l.contains("Refused for now (throttled)")).isNotEmpty()
                .allSatisfy(l -> assertThat(l).doesNotContain("lk-admin").contains("POST /api/v1/session"));
    }

    @Test
    void noLogLineCarriesASecret() {
        List<String> leaks = new ArrayList<>();
        for (String line : logText()) {
            for (String secret : secrets) {
                if (line.contains(secret)) {
                    leaks.add(line);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void noLogLineCarriesALearnersNameUsernameOrEmail() {
        List<String> leaks = new ArrayList<>();
        for (String line : logText()) {
            for (String value : personal) {
                if (line.contains(value)) {
                    leaks.add(value + " in: " + line);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }
}
