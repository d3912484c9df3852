package org.iqracity.console.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.PlatformLog;
import org.iqracity.console.platform.http.ManagementServer;
import org.iqracity.console.platform.http.TrustedProxies;
import org.iqracity.console.platform.mail.MailSettings;
import org.iqracity.console.platform.store.Database;

/** {@code member-console platform ...}: runs the platform API alone, headless; no JavaFX class is loaded. */
final class PlatformCommand {
    static final String TLS_PASSWORD_ENV = "PLATFORM_TLS_KEYSTORE_PASSWORD";
    static final String HELP = """
            Usage: member-console platform [options]           serve the platform API
                   member-console platform migrate [options]   bring a server database's schema up to date, then exit

            Runs the iqracity platform API server (reference implementation) without the console.
            'migrate' runs the migrations alone, without serving the API or sending mail: run it as the role that
            owns the database before starting the nodes of a new version (--migrate-only is the same).

            Options:
              --port N             TCP port to listen on (default 8080; 0 picks a free port)
              --host ADDRESS       address to bind (default 127.0.0.1; 0.0.0.0 for all interfaces)
              --data DIR           folder of the embedded H2 database (default ./platform-data)
              --learners N         size of the sandbox seeded on first start (default 20000)
              --seed N             sandbox seed: the same seed and size give the same data (default 20261129)
              --db JDBC_URL        use this database instead of the embedded one, e.g.
                                   jdbc:postgresql://localhost:5432/iqracity
              --db-user USER       database user
              --db-password PASS   database password (prefer the environment: PLATFORM_DB_PASSWORD)
              --db-pool N          connections to the database server per node (default 24; 2 to 200)
              --sandbox            with --db: seed the sandbox staff and sample data too
                                   (never do this on a production database)
              --smtp HOST:PORT     mail server for breach notices; STARTTLS is required unless --smtp-plain
              --smtp-from ADDRESS  sender address of breach notices (required with --smtp)
              --smtp-user USER     SMTP user
              --smtp-password PASS SMTP password (prefer the environment: PLATFORM_SMTP_PASSWORD)
              --smtp-plain         allow a mail server without STARTTLS (a relay on the same host only)
                                   Without --smtp, a sandbox files breach-notice mail under DATA/sandbox-mailbox
              --tls-keystore FILE  serve HTTPS with the key and certificate chain in this PKCS#12 (or JKS) file
              --tls-keystore-password PASS
                                   its password (prefer the environment: PLATFORM_TLS_KEYSTORE_PASSWORD)
              --node-id NAME       this node's name among several on one database (default: the host's name)
              --trusted-proxies LIST
                                   load balancers whose X-Forwarded-For names the client (addresses or CIDR
                                   blocks, comma-separated)
              --drain-seconds N    on SIGTERM, serve this long while /health/ready answers 503, so the load
                                   balancer stops sending requests (default 5)
              --grace-seconds N    then wait at most this long for requests in flight (default 30)
              --management-port N  serve Prometheus metrics at /metrics on this port (default: none; 0 picks one)
              --management-host ADDRESS
                                   address of the management port (default 127.0.0.1; any other needs a token)
              --management-token TOKEN
                                   bearer token the management port asks for (prefer the environment:
                                   PLATFORM_MANAGEMENT_TOKEN)
              --log-format FORMAT  text (default) or json: one JSON object per log line
              --config FILE        read options from FILE (Java properties: db-pool=12, sandbox=true, ...)
              --help               show this text

            Every option can also come from the environment, PLATFORM_ and its name in capitals with '_' for '-'
            (--db-pool is PLATFORM_DB_POOL), or from the configuration file, its name without the dashes
            (db-pool=12). The command line wins over the environment, the environment over the file.

            The embedded database always holds the sandbox. A server database gets no staff and no sample data
            unless --sandbox is given.
            """;

    /** The options that take a value, and the switches; the environment and the file follow the same list. */
    static final Set<String> VALUED = Set.of("--port", "--host", "--data", "--learners", "--seed", "--db",
            "--db-user", "--db-password", "--db-pool", "--smtp", "--smtp-from", "--smtp-user", "--smtp-password",
            "--tls-keystore", "--tls-keystore-password", "--node-id", "--trusted-proxies", "--drain-seconds",
            "--grace-seconds", "--management-port", "--management-host", "--management-token", "--log-format");
    static final Set<String> SWITCHES = Set.of("--sandbox", "--smtp-plain");
    static final String MIGRATE = "migrate";

    private PlatformCommand() {
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        boolean migrateOnly = !args.isEmpty() && MIGRATE.equals(args.getFirst()) || args.contains("--migrate-only");
        List<String> options = !args.isEmpty() && MIGRATE.equals(args.getFirst()) ? args.subList(1, args.size())
                : args;
        PlatformConfig config;
        try {
            config = parse(options);
            if (migrateOnly && config != null && config.jdbcUrl() == null) {
                throw new UsageException("migrate is for a server database: give --db too");
            }
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Run 'member-console platform --help' for the options.");
            return 2;
        }
        if (config == null) {
            out.print(HELP);
            return 0;
        }
        if (config.operations().jsonLogs() != null) {
            PlatformLog.useJson(config.operations().jsonLogs());
        }
        if (migrateOnly) {
            return migrate(config, out, err);
        }
        Platform platform;
        try {
            platform = Platform.start(config, (stage, fraction) -> {
                if (fraction >= 0) {
                    out.printf("%3d%%  %s%n", Math.round(fraction * 100), stage);
                }
            });
        } catch (IllegalStateException e) {
            // Set-up problems (a keystore that does not open, a folder that cannot be made) say what to fix.
            err.println(StartFailures.sentences(e));
            return 1;
        } catch (RuntimeException e) {
            err.println("The platform did not start: " + StartFailures.reason(e) + "."
                    + (config.embeddedDatabase() ? " If it was loading the sandbox, the next start loads it again."
                            : ""));
            return 1;
        }
        out.println("Platform API ready at " + platform.baseUri() + "/api/v1 (Ctrl+C stops it)");
        platform.managementPort().ifPresent(port -> out.println("Metrics at http://"
                + config.operations().managementHost() + ":" + port + ManagementServer.METRICS));
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM or Ctrl+C: not ready at once, serving on through the drain period, then a graceful stop.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stop();
            stopped.countDown();
        }, "platform-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Migrations alone: no API, no sender, no sandbox; what the owner runs before an upgrade's first start. */
    private static int migrate(PlatformConfig config, PrintStream out, PrintStream err) {
        try (Database database = Database.server(config.jdbcUrl(), config.dbUser(), config.dbPassword(), 2)) {
            database.migrate();
            out.println("The database's schema is up to date. Nothing else was started.");
            return 0;
        } catch (RuntimeException e) {
            err.println("The migrations did not run: " + StartFailures.reason(e) + ".");
            return 1;
        }
    }

    /** The configuration the flags describe, or null when help was asked for. */
    static PlatformConfig parse(List<String> args) throws UsageException {
        return parse(args, System.getenv());
    }

    static PlatformConfig parse(List<String> args, Map<String, String> env) throws UsageException {
        if (args.contains("--help") || args.contains("-h")) {
            return null;
        }
        Deque<String> q = new ArrayDeque<>(new PlatformOptions(VALUED, SWITCHES).effective(args, env));
        int port = 8080;
        String host = "127.0.0.1";
        Path data = Path.of("platform-data");
        int learners = PlatformConfig.DEFAULT_LEARNERS;
        long seed = PlatformConfig.DEFAULT_SEED;
        String db = null;
        String user = null;
        String password = null;
        boolean sandbox = false;
        String smtp = null;
        String smtpUser = null;
        String smtpPassword = null;
        String smtpFrom = null;
        boolean plainSmtp = false;
        Path keystore = null;
        String keystorePassword = null;
        String nodeId = null;
        PlatformConfig.Operations ops = PlatformConfig.Operations.DEFAULT;
        int drain = (int) ops.drain().toSeconds();
        int grace = (int) ops.grace().toSeconds();
        String managementHost = ops.managementHost();
        int managementPort = -1;
        String managementToken = null;
        while (!q.isEmpty()) {
            String flag = q.pop();
            switch (flag) {
                case "--port" -> port = intValue(flag, q, 0, 65535);
                case "--host" -> host = value(flag, q);
                case "--data" -> data = Path.of(value(flag, q));
                case "--learners" -> learners = intValue(flag, q, 0, 10_000_000);
                case "--seed" -> seed = longValue(flag, q);
                case "--db" -> db = value(flag, q);
                case "--db-user" -> user = value(flag, q);
                case "--db-password" -> password = value(flag, q);
                case "--db-pool" -> ops = ops.withDbPool(intValue(flag, q, 2, 200));
                case "--sandbox" -> sandbox = true;
                case "--migrate-only" -> {
                    // run() acts on it: the rest of the flags still describe the database
                }
                case PlatformOptions.CONFIG -> value(flag, q); // read by PlatformOptions
                case "--smtp" -> smtp = value(flag, q);
                case "--smtp-user" -> smtpUser = value(flag, q);
                case "--smtp-password" -> smtpPassword = value(flag, q);
                case "--smtp-from" -> smtpFrom = value(flag, q);
                case "--smtp-plain" -> plainSmtp = true;
                case "--tls-keystore" -> keystore = Path.of(value(flag, q));
                case "--tls-keystore-password" -> keystorePassword = value(flag, q);
                case "--node-id" -> nodeId = value(flag, q);
                case "--trusted-proxies" -> ops = ops.withTrustedProxies(proxies(value(flag, q)));
                case "--drain-seconds" -> drain = intValue(flag, q, 0, 300);
                case "--grace-seconds" -> grace = intValue(flag, q, 0, 600);
                case "--management-port" -> managementPort = intValue(flag, q, 0, 65535);
                case "--management-host" -> managementHost = value(flag, q);
                case "--management-token" -> managementToken = value(flag, q);
                case "--log-format" -> ops = ops.withJsonLogs(logFormat(value(flag, q)));
                // Only the flag's name: "--db-password=secret" must not echo the secret.
                default -> throw new UsageException("Unknown option: " + flag.split("=", 2)[0]);
            }
        }
        if (db != null && !db.startsWith("jdbc:postgresql:") && !db.startsWith("jdbc:h2:")) {
            throw new UsageException("--db must be a jdbc:postgresql: (or jdbc:h2:) address");
        }
        if (managementPort < 0 && (managementToken != null || !managementHost.equals(ops.managementHost()))) {
            throw new UsageException("--management-host and --management-token need --management-port");
        }
        ops = ops.withStop(Duration.ofSeconds(drain), Duration.ofSeconds(grace))
                .withManagement(managementHost, managementPort, managementToken);
        PlatformConfig config = PlatformConfig.embedded(data, port).withHost(host).withLearners(learners);
        config = config.withSeed(seed).withOperations(ops);
        if (nodeId != null) {
            try {
                config = config.withNodeId(nodeId);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--node-id: " + e.getMessage());
            }
        }
        if (smtp != null) {
            config = config.withMail(config.mail().withSmtp(smtp(smtp, smtpUser, smtpPassword, smtpFrom, plainSmtp)));
        } else if (smtpFrom != null || plainSmtp) {
            throw new UsageException("--smtp-from and --smtp-plain need --smtp");
        }
        config = db == null ? config : config.withDatabase(db, user, password, sandbox);
        if (keystore != null) {
            if (keystorePassword == null) {
                throw new UsageException("--tls-keystore needs its password: set " + TLS_PASSWORD_ENV
                        + " (or give --tls-keystore-password)");
            }
            config = config.withTls(keystore, keystorePassword.toCharArray());
        } else if (keystorePassword != null && args.contains("--tls-keystore-password")) {
            throw new UsageException("--tls-keystore-password without --tls-keystore");
        }
        return config;
    }

    /** A list of trusted proxies, checked now so that a wrong entry is a usage error, not a failed start. */
    private static String proxies(String list) throws UsageException {
        try {
            TrustedProxies.parse(list);
            return list;
        } catch (IllegalStateException e) {
            throw new UsageException("--trusted-proxies: " + e.getMessage());
        }
    }

    private static Boolean logFormat(String format) throws UsageException {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "json" -> true;
            case "text" -> false;
            default -> throw new UsageException("--log-format must be text or json");
        };
    }

    private static MailSettings smtp(String hostPort, String user, String password, String from, boolean plain)
            throws UsageException {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new UsageException("--smtp must be host:port, e.g. smtp.example.org:587");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("--smtp must be host:port, e.g. smtp.example.org:587");
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--smtp port must be between 1 and 65535");
        }
        if (from == null || !from.contains("@")) {
            throw new UsageException("--smtp needs --smtp-from ADDRESS, the sender of breach notices");
        }
        if ((user == null) != (password == null)) {
            throw new UsageException("--smtp-user and --smtp-password go together");
        }
        return new MailSettings(hostPort.substring(0, colon), port, !plain, user, password, from,
                "Breach notices");
    }

    private static String value(String flag, Deque<String> q) throws UsageException {
        if (q.isEmpty() || q.peek().startsWith("--")) {
            throw new UsageException(flag + " needs a value");
        }
        return q.pop();
    }

    private static int intValue(String flag, Deque<String> q, int min, int max) throws UsageException {
        long v = longValue(flag, q);
        if (v < min || v > max) {
            throw new UsageException(flag + " must be between " + min + " and " + max);
        }
        return (int) v;
    }

    private static long longValue(String flag, Deque<String> q) throws UsageException {
        String v = value(flag, q);
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number");
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
