package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code member-console platform [options]}: the flags, their checks and their defaults, without starting a server. */
class PlatformCommandTest {
    /** A valid value for each flag that takes one. */
    private static final Map<String, String> SAMPLE_VALUES = Map.ofEntries(Map.entry("--port", "9090"),
            Map.entry("--host", "0.0.0.0"), Map.entry("--data", "/tmp/platform-x"), Map.entry("--learners", "500"),
            Map.entry("--seed", "42"), Map.entry("--db", "jdbc:postgresql://localhost:5432/iqracity"),
            Map.entry("--db-user", "iqracity"), Map.entry("--db-password", "pw"),
            Map.entry("--tls-keystore", "/etc/platform.p12"), Map.entry("--tls-keystore-password", "pw"),
            Map.entry("--smtp", "smtp.example.org:587"), Map.entry("--smtp-from", "security@member.example"),
            Map.entry("--smtp-user", "mailer"), Map.entry("--smtp-password", "pw"), Map.entry("--db-pool", "12"),
            Map.entry("--node-id", "node-a"), Map.entry("--trusted-proxies", "10.0.0.5,10.1.0.0/16"),
            Map.entry("--drain-seconds", "8"), Map.entry("--grace-seconds", "20"),
            Map.entry("--management-port", "9464"), Map.entry("--management-host", "127.0.0.2"),
            Map.entry("--management-token", "metrics-token"), Map.entry("--log-format", "json"),
            Map.entry("--config", "/dev/null"));
    /** Flags that only make sense together: each is tried with its partner. */
    private static final Map<String, List<String>> PARTNERS = Map.of(
            "--tls-keystore", List.of("--tls-keystore-password", "pw"),
            "--tls-keystore-password", List.of("--tls-keystore", "/etc/platform.p12"),
            "--smtp", List.of("--smtp-from", "security@member.example"),
            "--smtp-from", List.of("--smtp", "smtp.example.org:587"),
            "--smtp-plain", List.of("--smtp", "127.0.0.1:25", "--smtp-from", "security@member.example"),
            "--smtp-user", List.of("--smtp-password", "pw"),
            "--smtp-password", List.of("--smtp-user", "mailer"),
            "--management-host", List.of("--management-port", "9464"),
            "--management-token", List.of("--management-port", "9464"));
    private static final Set<String> SWITCHES = Set.of("--sandbox", "--help", "--smtp-plain", "--migrate-only");

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlatformCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Set<String> flagsInHelp() {
        Set<String> flags = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\s+(--[a-z-]+)").matcher(PlatformCommand.HELP);
        while (m.find()) {
            flags.add(m.group(1));
        }
        return flags;
    }

    @Test
    void helpPrintsEveryFlagAndExitsZero() {
        Run r = run("--help");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        Set<String> expected = new TreeSet<>(SAMPLE_VALUES.keySet());
        expected.addAll(SWITCHES);
        for (String flag : expected) {
            assertThat(r.out()).as("help mentions %s", flag).contains(flag);
        }
        assertThat(run("-h").out()).isEqualTo(r.out());
    }

    @Test
    void everyFlagTheHelpNamesIsAccepted() throws Exception {
        Set<String> documented = flagsInHelp();
        assertThat(documented).hasSizeGreaterThanOrEqualTo(10);
        for (String flag : documented) {
            if (flag.equals("--help")) {
                assertThat(PlatformCommand.parse(List.of(flag))).isNull();
                continue;
            }
            List<String> args = new ArrayList<>(List.of(flag));
            if (!SWITCHES.contains(flag)) {
                assertThat(SAMPLE_VALUES).as("a sample value for %s", flag).containsKey(flag);
                args.add(SAMPLE_VALUES.get(flag));
            }
            args.addAll(PARTNERS.getOrDefault(flag, List.of()));
            assertThat(PlatformCommand.parse(args)).as(flag).isNotNull();
        }
    }

    @Test
    void smtpFlagsPointBreachNoticesAtAMailServerWithStartTlsUnlessTold() throws Exception {
        PlatformConfig c = PlatformCommand.parse(List.of("--smtp", "smtp.example.org:587", "--smtp-from",
                "security@member.example"), Map.of("PLATFORM_SMTP_USER", "mailer", "PLATFORM_SMTP_PASSWORD", "s3cret"));
        assertThat(c.mail().smtp().host()).isEqualTo("smtp.example.org");
        assertThat(c.mail().smtp().port()).isEqualTo(587);
        assertThat(c.mail().smtp().startTls()).isTrue();
        assertThat(c.mail().smtp().username()).isEqualTo("mailer");
        assertThat(c.mail().smtp().toString()).doesNotContain("s3cret");
        assertThat(PlatformCommand.parse(List.of("--smtp", "127.0.0.1:25", "--smtp-from", "a@b.example",
                "--smtp-plain"), Map.of()).mail().smtp().startTls()).isFalse();
        assertThat(PlatformCommand.parse(List.of(), Map.of()).mail().smtp()).as("sandbox mailbox").isNull();
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--smtp", "smtp.example.org"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("host:port");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--smtp", "smtp.example.org:587"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--smtp-from");
    }

    @Test
    void defaultsAreALoopbackSandboxOnTheEmbeddedDatabase() throws Exception {
        PlatformConfig c = PlatformCommand.parse(List.of());
        assertThat(c.host()).as("not reachable from the network unless asked").isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8080);
        assertThat(c.embeddedDatabase()).isTrue();
        assertThat(c.jdbcUrl()).isNull();
        assertThat(c.sandbox()).isTrue();
        assertThat(c.dataDir()).isEqualTo(Path.of("platform-data"));
        assertThat(c.learners()).isEqualTo(PlatformConfig.DEFAULT_LEARNERS);
        assertThat(c.seed()).isEqualTo(PlatformConfig.DEFAULT_SEED);
        assertThat(c.accessTokenTtl()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
        assertThat(c.idleTimeout()).isPositive();
        assertThat(c.absoluteTimeout()).isGreaterThan(c.idleTimeout());
    }

    @Test
    void flagsSetWhatTheySay() throws Exception {
        PlatformConfig c = PlatformCommand.parse(List.of("--port", "0", "--host", "0.0.0.0", "--data", "d",
                "--learners", "1_000", "--seed", "7"));
        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.dataDir()).isEqualTo(Path.of("d"));
        assertThat(c.learners()).isEqualTo(1000);
        assertThat(c.seed()).isEqualTo(7);
    }

    @Test
    void aServerDatabaseGetsNoSandboxUnlessAsked() throws Exception {
        PlatformConfig plain = PlatformCommand.parse(List.of("--db", "jdbc:postgresql://db/iq", "--db-user", "u",
                "--db-password", "p"));
        assertThat(plain.embeddedDatabase()).isFalse();
        assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://db/iq");
        assertThat(plain.dbUser()).isEqualTo("u");
        assertThat(plain.dbPassword()).isEqualTo("p");
        assertThat(plain.sandbox()).as("production databases get no staff and no sample data").isFalse();
        assertThat(PlatformCommand.parse(List.of("--db", "jdbc:postgresql://db/iq", "--sandbox")).sandbox()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres://localhost/iq", "localhost:5432", "jdbc:mysql://localhost/iq",
            "jdbc:sqlite:x.db", "file:///etc/passwd", "JDBC:POSTGRESQL://x", " jdbc:postgresql://x"})
    void nonJdbcOrUnsupportedDatabaseUrlsAreRefused(String url) {
        Run r = run("--db", url);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--db").contains("jdbc:postgresql:");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownFlagsExitWithTwoAndSayWhich() {
        for (String flag : List.of("--bogus", "-p", "port", "--PORT", "--port=8080")) {
            Run r = run(flag);
            assertThat(r.exit()).as(flag).isEqualTo(2);
            assertThat(r.err()).as(flag).contains("Unknown option").contains("--help");
            assertThat(r.out()).as(flag).isEmpty();
        }
    }

    @Test
    void aSecretGivenInTheUnsupportedEqualsFormIsNotEchoed() {
        Run r = run("--db-password=hunter2-secret");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--db-password").doesNotContain("hunter2-secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port|-1", "--port|65536", "--port|http", "--port|", "--port|99999999999999999999",
            "--learners|-5", "--learners|10000001", "--learners|many", "--seed|0x10", "--seed|1.5"})
    void badValuesExitWithTwoAndNameTheFlag(String spec) {
        String[] parts = spec.split("\\|", -1);
        Run r = run(parts[0], parts[1]);
        assertThat(r.exit()).as(spec).isEqualTo(2);
        assertThat(r.err()).as(spec).contains(parts[0]);
        assertThat(r.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port", "--host", "--data", "--learners", "--seed", "--db", "--db-user", "--db-password"})
    void aFlagWithoutItsValueExitsWithTwo(String flag) {
        Run alone = run(flag);
        assertThat(alone.exit()).isEqualTo(2);
        assertThat(alone.err()).contains(flag).contains("needs a value");
        Run followed = run(flag, "--sandbox");
        assertThat(followed.exit()).isEqualTo(2);
        assertThat(followed.err()).contains(flag);
    }

    @Test
    void usageErrorsNeverEchoThePassword() {
        Run r = run("--db-password", "s3cret-value", "--db", "mysql://x");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("s3cret-value");
    }

    @Test
    void aKeystoreServesTlsWithThePasswordFromTheEnvironmentOrTheFlag() throws Exception {
        PlatformConfig plain = PlatformCommand.parse(List.of(), Map.of());
        assertThat(plain.tls()).as("plain HTTP unless a keystore is given").isNull();

        PlatformConfig env = PlatformCommand.parse(List.of("--tls-keystore", "ks.p12"),
                Map.of(PlatformCommand.TLS_PASSWORD_ENV, "from-env"));
        assertThat(env.tls().keystore()).isEqualTo(Path.of("ks.p12"));
        assertThat(new String(env.tls().password())).isEqualTo("from-env");
        assertThat(env.tls().toString()).doesNotContain("from-env");

        PlatformConfig flag = PlatformCommand.parse(List.of("--tls-keystore", "ks.p12", "--tls-keystore-password",
                "from-flag", "--db", "jdbc:postgresql://db/iq", "--learners", "7"), Map.of());
        assertThat(new String(flag.tls().password())).isEqualTo("from-flag");
        assertThat(flag.jdbcUrl()).as("TLS is kept alongside the other settings").isEqualTo("jdbc:postgresql://db/iq");
        assertThat(flag.learners()).isEqualTo(7);
    }

    @Test
    void aKeystoreWithoutItsPasswordIsAUsageErrorNamingTheVariable() {
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--tls-keystore", "ks.p12"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class)
                .hasMessageContaining(PlatformCommand.TLS_PASSWORD_ENV);
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--tls-keystore-password", "x"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--tls-keystore");
    }

    @Test
    void aKeystoreThatCannotBeOpenedExitsWithOneAndSaysWhyWithoutTheSecret() {
        Run r = run("--tls-keystore", "/nonexistent/platform.p12", "--tls-keystore-password", "pw-secret-123",
                "--data", System.getProperty("java.io.tmpdir") + "/never-started-" + System.nanoTime());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("/nonexistent/platform.p12").contains("does not exist")
                .doesNotContain("pw-secret-123");
        assertThat(r.out()).doesNotContain("ready");
    }

    @Test
    void parseRefusesWithAUsageException() {
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--nope")))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--nope");
    }

    @Test
    void aStartThatFailsOnAFullDiskSaysSoInTheSystemsWords() {
        var full = new IOException("No space left on device");
        var store = new RuntimeException("Writing to FileChannelImpl@1a1d failed", full);
        var sql = new SQLException("General error: " + store.getMessage(), "HY000", 50000, store);
        var failure = new RuntimeException("Unable to lock table", sql);

        assertThat(StartFailures.reason(failure)).isEqualTo("the system said \"No space left on device\"");
    }

    @Test
    void aDatabaseFailureIsToldByItsSqlStateWithoutTheValuesItQuotes() {
        var sql = new SQLException("Unique index violation: LEARNER(USERNAME) VALUES ('amina.k@example.org')",
                "23505");
        String reason = StartFailures.reason(new IllegalArgumentException("wrapped", sql));

        assertThat(reason).isEqualTo("a database error (SQL state 23505)").doesNotContain("amina");
    }

    @Test
    void aFileErrorWithAPathInItsMessageIsToldByItsKindAndAnythingElseByItsClass() {
        var missing = new NoSuchFileException("/home/someone/private/file");
        assertThat(StartFailures.reason(new RuntimeException(missing)))
                .isEqualTo("a file could not be read or written (NoSuchFileException)");
        assertThat(StartFailures.reason(new UnsupportedOperationException("x")))
                .isEqualTo("an unexpected UnsupportedOperationException");
    }

    @Test
    void aPortAnotherProgramHoldsIsSaidAsSuchAndEndsWithOne(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (var busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(busy.getLocalPort());
            Run r = run("--port", port, "--data", dir.toString(), "--learners", "1000");

            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("Port " + port + " on 127.0.0.1 is in use by another program; choose another "
                    + "with --port (0 picks a free one).").doesNotContain("Exception");
        }
    }

    @Test
    void migrateOnlyBringsAServerDatabaseUpToDateAndStartsNothingElse() throws Exception {
        String url = TestPostgres.freshDatabase("migrate_only", null);
        Run r = run("--db", url, "--db-user", TestPostgres.USER, "--db-password",
                TestPostgres.PASSWORD, "--migrate-only");

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("schema is up to date").doesNotContain("API ready").doesNotContain("%");
        try (var c = DriverManager.getConnection(url, TestPostgres.USER,
                TestPostgres.PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success "
                     + "AND version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every migration ran").isGreaterThanOrEqualTo(20);
        }
        try (var c = DriverManager.getConnection(url, TestPostgres.USER,
                TestPostgres.PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM staff")) {
            rs.next();
            assertThat(rs.getInt(1)).as("no sandbox, no staff").isZero();
        }
    }

    @Test
    void migrateOnlyWithoutAServerDatabaseIsAUsageError() {
        for (Run r : List.of(run("--migrate-only"), run("migrate"), run("migrate", "--data", "x"))) {
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("migrate is for a server database: give --db too");
        }
    }

    @Test
    void theMigrateSubcommandAppliesTheMigrationsAndExitsLikeTheFlag() throws Exception {
        String url = TestPostgres.freshDatabase("migrate_subcommand", null);
        Run r = run("migrate", "--db", url, "--db-user", TestPostgres.USER,
                "--db-password", TestPostgres.PASSWORD);

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("schema is up to date").doesNotContain("API ready");
        try (var c = DriverManager.getConnection(url, TestPostgres.USER,
                TestPostgres.PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success "
                     + "AND version IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every migration ran").isGreaterThanOrEqualTo(20);
        }
        assertThat(PlatformCommand.HELP).contains("member-console platform migrate");
        assertThat(Launcher.USAGE).contains("platform migrate");
    }

    @Test
    void everyOptionComesFromTheEnvironmentOrTheConfigurationFileByOneRule(
            @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        for (String flag : flagsInHelp()) {
            if (flag.equals("--help") || flag.equals("--migrate-only") || flag.equals("--config")) {
                continue;
            }
            List<String> args = new ArrayList<>(List.of(flag));
            if (!SWITCHES.contains(flag)) {
                args.add(SAMPLE_VALUES.get(flag));
            }
            args.addAll(PARTNERS.getOrDefault(flag, List.of()));
            // the same settings, each said the three ways
            Map<String, String> env = new HashMap<>();
            Properties file = new Properties();
            for (int i = 0; i < args.size(); i++) {
                String name = args.get(i);
                boolean valued = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
                String value = valued ? args.get(++i) : "true";
                env.put("PLATFORM_" + name.substring(2).toUpperCase(Locale.ROOT).replace('-', '_'), value);
                file.setProperty(name.substring(2), value);
            }
            Path config = dir.resolve("platform.properties");
            try (var out = Files.newBufferedWriter(config)) {
                file.store(out, null);
            }
            String fromFlags = PlatformCommand.parse(args, Map.of()).toString();
            assertThat(PlatformCommand.parse(List.of(), env).toString()).as("%s from the environment", flag)
                    .isEqualTo(fromFlags);
            assertThat(PlatformCommand.parse(List.of("--config", config.toString()), Map.of()).toString())
                    .as("%s from the file", flag).isEqualTo(fromFlags);
            assertThat(PlatformCommand.parse(List.of(), Map.of("PLATFORM_CONFIG", config.toString())).toString())
                    .as("%s from the file PLATFORM_CONFIG names", flag).isEqualTo(fromFlags);
        }
    }

    @Test
    void theCommandLineWinsOverTheEnvironmentAndTheEnvironmentOverTheFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path config = dir.resolve("platform.properties");
        Files.writeString(config, "db-pool = 10\nport = 9000\nlearners = 300\nsandbox = false\n");
        Map<String, String> env = Map.of("PLATFORM_CONFIG", config.toString(), "PLATFORM_DB_POOL", "20",
                "PLATFORM_PORT", "9100");

        PlatformConfig c = PlatformCommand.parse(List.of("--port", "9200"), env);

        assertThat(c.port()).as("command line").isEqualTo(9200);
        assertThat(c.operations().dbPool()).as("environment").isEqualTo(20);
        assertThat(c.learners()).as("file").isEqualTo(300);
        assertThat(PlatformCommand.parse(List.of(), Map.of()).operations().dbPool()).as("default").isEqualTo(24);
    }

    @Test
    void aConfigurationFileWithAnUnknownKeyOrAWrongSwitchIsAUsageError(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path typo = dir.resolve("typo.properties");
        Files.writeString(typo, "db-pol = 10\n");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--config", typo.toString()), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("db-pol");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of(), Map.of("PLATFORM_SANDBOX", "yes")))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("PLATFORM_SANDBOX");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--config", dir.resolve("none").toString()),
                Map.of())).isInstanceOf(PlatformCommand.UsageException.class)
                .hasMessageContaining("configuration file");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of(), Map.of("PLATFORM_DB_POOL", "500")))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--db-pool");
    }

    @Test
    void operationalOptionsSetThePoolTheStopTheManagementPortAndTheLogFormat() throws Exception {
        PlatformConfig c = PlatformCommand.parse(List.of("--db-pool", "6", "--drain-seconds", "3",
                "--grace-seconds", "12", "--management-port", "0", "--log-format", "json", "--node-id", "node-b",
                "--trusted-proxies", "10.0.0.5"), Map.of("PLATFORM_MANAGEMENT_TOKEN", "tok"));
        PlatformConfig.Operations ops = c.operations();

        assertThat(ops.dbPool()).isEqualTo(6);
        assertThat(ops.drain()).isEqualTo(Duration.ofSeconds(3));
        assertThat(ops.grace()).isEqualTo(Duration.ofSeconds(12));
        assertThat(ops.management()).isTrue();
        assertThat(ops.managementToken()).isEqualTo("tok");
        assertThat(ops.toString()).doesNotContain("tok");
        assertThat(ops.jsonLogs()).isTrue();
        assertThat(ops.trustedProxies()).isEqualTo("10.0.0.5");
        assertThat(c.node()).isEqualTo("node-b");
        PlatformConfig.Operations defaults = PlatformCommand.parse(List.of(), Map.of()).operations();
        assertThat(defaults.management()).as("no management port unless asked").isFalse();
        assertThat(defaults.drain()).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.jsonLogs()).isNull();
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--trusted-proxies", "lb.example"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--trusted-proxies");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--management-token", "x"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--management-port");
        assertThatThrownBy(() -> PlatformCommand.parse(List.of("--log-format", "xml"), Map.of()))
                .isInstanceOf(PlatformCommand.UsageException.class).hasMessageContaining("--log-format");
    }
}
