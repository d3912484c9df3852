package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.util.FileSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.client.HttpPlatformClient;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The console's rolling log file: it gets the lines the loggers get (stderr keeps them too), it rolls at its size
 * limit, and a sandbox session at the most talkative levels leaves no learner's data and no secret in it.
 */
class ConsoleLogTest {
    private static final Map<String, Level> LEVELS = Map.of(Logger.ROOT_LOGGER_NAME, Level.INFO,
            "org.iqracity", Level.TRACE, "org.eclipse.jetty", Level.WARN, "io.javalin", Level.WARN,
            "com.zaxxer.hikari", Level.WARN, "org.flywaydb", Level.WARN, "okhttp3", Level.WARN);

    @TempDir
    Path dataDir;

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Map<String, Level> previous = new HashMap<>();
    private final ListAppender<ILoggingEvent> seen = new ListAppender<>();

    @BeforeEach
    void raiseLevels() {
        LEVELS.forEach((name, level) -> {
            Logger logger = context.getLogger(name);
            previous.put(name, logger.getLevel());
            logger.setLevel(level);
        });
        seen.setContext(context);
        seen.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(seen);
    }

    @AfterEach
    void restoreLevels() {
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(seen);
        previous.forEach((name, level) -> context.getLogger(name).setLevel(level));
    }

    @Test
    void theFileInTheLogsFolderGetsEveryLineTheLoggersGetAndStderrKeepsThem() throws IOException {
        var logger = LoggerFactory.getLogger(ConsoleLogTest.class);
        Path file;
        try (ConsoleLog log = ConsoleLog.install(dataDir)) {
            file = log.file();
            logger.info("Sandbox platform started on port {}", 41234);
            logger.warn("Platform unreachable, retrying in {} s", 3);
            LoggerFactory.getLogger("org.iqracity.console.ui.Somewhere").debug("debug lines reach the file too");
            assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNotNull();
        }
        logger.info("after close: not in the file");

        assertThat(file).isEqualTo(dataDir.toAbsolutePath().resolve("logs").resolve("member-console.log"));
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // Other threads of earlier tests may log meanwhile; this test's own three events are the ones to find.
        List<ILoggingEvent> events = seen.list.stream()
                .filter(e -> e.getLoggerName().endsWith("ConsoleLogTest") || e.getLoggerName().endsWith("Somewhere"))
                .toList();
        assertThat(events).hasSize(4);
        for (ILoggingEvent event : events.subList(0, 3)) {
            assertThat(text).contains(event.getLevel() + " ").contains(event.getFormattedMessage());
        }
        assertThat(text).contains("Sandbox platform started on port 41234").contains("retrying in 3 s")
                .doesNotContain("after close");
        assertThat(text.lines()).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aFirstStartMakesTheDataFolderTheLogsFolderAndTheFileOwnerOnlyWhateverTheUmask() throws IOException {
        Path fresh = dataDir.resolve("fresh data folder");

        try (ConsoleLog log = ConsoleLog.install(fresh)) {
            LoggerFactory.getLogger(ConsoleLogTest.class).info("a line to write");
            assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(log.file().getParent()))
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(log.file()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.readString(log.file())).contains("a line to write");
        }
    }

    @Test
    void theFileRollsOverAtItsSizeLimitIntoDatedNumberedFiles() throws IOException {
        var logger = LoggerFactory.getLogger(ConsoleLogTest.class);
        String line = "x".repeat(200);
        try (ConsoleLog log = ConsoleLog.install(dataDir, FileSize.valueOf("2KB"))) {
            for (int i = 0; i < 60; i++) {
                logger.info("{} {}", i, line);
            }
        }
        Path logs = dataDir.resolve("logs");
        List<String> rolled;
        try (Stream<Path> files = Files.list(logs)) {
            rolled = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals(ConsoleLog.FILE_NAME)).toList();
        }
        assertThat(rolled).hasSizeGreaterThanOrEqualTo(4)
                .allMatch(name -> name.matches("member-console\\.\\d{4}-\\d\\d-\\d\\d\\.\\d+\\.log"));
        assertThat(Files.size(logs.resolve(ConsoleLog.FILE_NAME))).isLessThan(2048 + 512);
        assertThat(Files.readString(logs.resolve(ConsoleLog.FILE_NAME))).contains(" 59 ");
    }

    @Test
    void aSandboxSessionLeavesNoLearnerDataAndNoSecretInTheFile() throws IOException {
        Set<String> personal = new LinkedHashSet<>();
        Set<String> secrets = new LinkedHashSet<>();
        Path file;
        try (ConsoleLog log = ConsoleLog.install(dataDir);
             Platform platform = Platform.start(PlatformConfig.embedded(dataDir.resolve("platform"), 0)
                     .withLearners(200), StartupListener.NONE)) {
            file = log.file();
            HttpPlatformClient client = new HttpPlatformClient(platform.baseUri(), new OkHttpClient(),
                    Clock.systemUTC());
            String wrong = "Hunter2-not-it";
            secrets.add(wrong);
            assertThatThrownBy(() -> client.signIn("nb-admin", wrong, null)).isInstanceOf(RuntimeException.class);
            personal.add("someone.unknown@example.org");
            assertThatThrownBy(() -> client.signIn("someone.unknown@example.org", wrong, null))
                    .isInstanceOf(RuntimeException.class);
            secrets.add("sandbox-password");
            SessionDto session = client.signIn("nb-admin", "sandbox-password", null);
            secrets.add(session.accessToken());
            secrets.add(session.refreshToken());
            CourseDto course = client.courses().all().getFirst();
            List<LearnerRowDto> rows = client.learners().page(course.id(), LearnerQuery.firstPage()).items();
            assertThat(rows).hasSizeGreaterThan(3);
            rows.forEach(row -> {
                addIfPresent(personal, row.username());
                addIfPresent(personal, row.name());
                addIfPresent(personal, row.email());
            });
            LearnerRowDto first = rows.stream().filter(r -> r.email() != null).findFirst().orElseThrow();
            client.learners().page(course.id(), LearnerQuery.firstPage().withSearch(first.email()));
            for (LearnerRowDto row : rows.subList(0, 3)) {
                client.learners().detail(course.id(), row.learnerId());
            }
            client.signOut();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        // The file saw the session: the platform's start, the refused sign-ins and the client's requests.
        assertThat(text).contains("Platform API serving").contains("Sign-in refused").contains("/learners/");
        assertThat(personal).hasSizeGreaterThan(10);
        for (String value : personal) {
            assertThat(text).as("personal data in the log file").doesNotContainIgnoringCase(value);
        }
        for (String value : secrets) {
            assertThat(text).as("a secret in the log file").doesNotContain(value);
        }
    }

    private static void addIfPresent(Set<String> set, String value) {
        // Very short values (a two-letter name part) would match unrelated words; the full fields are searched.
        if (value != null && value.length() >= 5) {
            set.add(value);
        }
    }
}
