package org.iqracity.console.platform;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.platform.http.ApiServer;
import org.iqracity.console.platform.http.ManagementServer;
import org.iqracity.console.platform.http.PlatformServices;
import org.iqracity.console.platform.http.TrustedProxies;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.service.accesslog.AccessLogService;
import org.iqracity.console.platform.service.auth.AuthService;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.service.auth.SessionPolicy;
import org.iqracity.console.platform.service.insights.InsightsService;
import org.iqracity.console.platform.service.learners.CursorCodec;
import org.iqracity.console.platform.service.learners.LearnerService;
import org.iqracity.console.platform.service.research.Regions;
import org.iqracity.console.platform.service.research.ResearchExportService;
import org.iqracity.console.platform.service.rosters.RosterConversions;
import org.iqracity.console.platform.service.rosters.RosterService;
import org.iqracity.console.platform.service.sponsors.SponsorService;
import org.iqracity.console.platform.service.tracking.TrackingService;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.CourseRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.InsightsRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.PlatformSecrets;
import org.iqracity.console.platform.store.ResearchRepository;
import org.iqracity.console.platform.store.RosterConversionRepository;
import org.iqracity.console.platform.store.RosterRepository;
import org.iqracity.console.platform.store.SecretBox;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.platform.store.SponsorRepository;
import org.iqracity.console.platform.store.StaffRepository;
import org.iqracity.console.platform.store.TrackingRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reference platform: its database, services and HTTP server, wired here and nowhere else. */
public final class Platform implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Platform.class);

    private final Database database;
    private final ApiServer server;
    private final ManagementServer management;
    private final URI baseUri;
    private final AuthService auth;
    private final Breach breach;
    private final PlatformNode node;
    private final AccessLogService accessLogService;
    private final PlatformMetrics metrics;
    private final PlatformConfig.Operations operations;
    /** Set once a stop is asked for: {@code /health/ready} then answers 503 while requests are still served. */
    private final AtomicBoolean draining;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Writes the counted repeats of refused requests once their minute is over. */
    private final ScheduledExecutorService housekeeping;

    private Platform(Database database, Served served, Wired wired, Breach breach, PlatformNode node,
                     PlatformMetrics metrics, PlatformConfig.Operations operations, AtomicBoolean draining) {
        this.database = database;
        this.server = served.api();
        this.management = served.management();
        this.baseUri = served.uri();
        this.auth = wired.auth();
        this.breach = breach;
        this.node = node;
        this.accessLogService = wired.accessLog();
        this.metrics = metrics;
        this.operations = operations;
        this.draining = draining;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
                .name("access-log-repeats").daemon().unstarted(r));
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                accessLogService.writeRepeats(false);
            } catch (RuntimeException e) {
                LOGGER.warn("Counted refusals not written yet: {}", e.getClass().getSimpleName());
            }
        }, 20, 20, TimeUnit.SECONDS);
    }

    /** The services the API serves, and the two the platform itself keeps a hand on. */
    private record Wired(PlatformServices services, AuthService auth, AccessLogService accessLog) {
    }

    /** The API's server, where it is reached, and the management port (null when there is none). */
    private record Served(ApiServer api, URI uri, ManagementServer management) {
    }

    public static Platform start(PlatformConfig config, StartupListener listener) {
        return start(config, listener, Clock.systemUTC());
    }

    /** Starts with a given clock, so tests can move time past session limits. */
    public static Platform start(PlatformConfig config, StartupListener listener, Clock clock) {
        // The keystore first: a wrong path or password should not wait for a sandbox to be seeded.
        KeyStore tlsKeys = config.tls() == null ? null : TlsKeystore.load(config.tls());
        PlatformLog.useNode(config.node());
        if (config.operations().jsonLogs() != null) {
            PlatformLog.useJson(config.operations().jsonLogs());
        }
        listener.progress("Opening the database", 0.02);
        Database database = openDatabase(config, listener);
        PlatformMetrics metrics = PlatformMetrics.start(config.node());
        Breach breach = null;
        PlatformNode node = null;
        try {
            PasswordHasher hasher = new PasswordHasher();
            SandboxLoad load = SandboxLoad.prepare(database, config, listener, clock, hasher);
            MasterKey masterKey = masterKey(config);
            load.finish(masterKey.box());
            Jdbc jdbc = new Jdbc(database.dataSource());
            PlatformSecrets secrets = sealSecrets(config, database, jdbc, masterKey, clock);
            AccessLog accessLog = accessLog(jdbc, masterKey, clock);
            node = PlatformNode.join(config, database.isPostgres(), jdbc, clock);
            breach = Breach.start(config, jdbc, accessLog, clock, node.lease(), node.shared());
            breach.sender().countingOutcomes(metrics.noticeOutcomes());
            metrics.watchPool(database.dataSource());
            AtomicBoolean draining = new AtomicBoolean();
            Supplier<HealthDto> health = () -> health(database, draining.get());
            Wired wired = wire(config, database, jdbc, masterKey.box(), secrets, accessLog, node, breach, hasher,
                    health, clock);
            listener.progress("Starting the API", 0.99);
            Served served = serve(config, tlsKeys, wired.services(), metrics);
            listener.progress("Ready", 1.0);
            // While the API already serves: the largest courses' snapshots, so that the first jump into one is quick.
            database.searchSnapshots(jdbc).warm();
            return new Platform(database, served, wired, breach, node, metrics, config.operations(), draining);
        } catch (RuntimeException e) {
            if (breach != null) {
                breach.close();
            }
            if (node != null) {
                node.close();
            }
            metrics.close();
            database.close();
            throw e;
        }
    }

    /** Seals the secrets the database keeps under the current master key, retiring a previous key once done. */
    private static PlatformSecrets sealSecrets(PlatformConfig config, Database database, Jdbc jdbc,
                                               MasterKey masterKey, Clock clock) {
        SecretBox box = masterKey.box();
        Optional<MasterKey> previousKey = MasterKey.previous(config.dataDir());
        int sealed = PlatformSecrets.seal(jdbc, box, previousKey.map(MasterKey::box).orElse(null));
        if (sealed > 0) {
            LOGGER.info("Sealed {} secrets under the current master key", sealed);
            // the old values are gone from the tables; compacting at the stop takes them out of the file too
            database.compactAtClose();
        }
        if (previousKey.isPresent()) {
            retirePreviousKey(config);
        }
        return new PlatformSecrets(jdbc, clock, box);
    }

    private static AccessLog accessLog(Jdbc jdbc, MasterKey masterKey, Clock clock) {
        AccessLog accessLog = new AccessLog(jdbc, new AccessLogRepository(jdbc), clock, masterKey.accessLogKey());
        int keyedChains = accessLog.keyChains();
        if (keyedChains > 0) {
            LOGGER.info("Keyed the access-log chains of {} Members written by an older version", keyedChains);
        }
        return accessLog;
    }

    /** Every service of the API, on one database. */
    private static Wired wire(PlatformConfig config, Database database, Jdbc jdbc, SecretBox box,
                              PlatformSecrets secrets, AccessLog accessLog, PlatformNode node, Breach breach,
                              PasswordHasher hasher, Supplier<HealthDto> health, Clock clock) {
        AuthService auth = new AuthService(new StaffRepository(jdbc, box), new SessionRepository(jdbc), hasher,
                node.throttle(), accessLog,
                new SessionPolicy(config.accessTokenTtl(), config.idleTimeout(), config.absoluteTimeout()), clock);
        CourseService courses = new CourseService(new CourseRepository(jdbc));
        // One repository for the list and the roster of a view: they read the same pages, snapshots included.
        LearnerRepository learnerStore = new LearnerRepository(jdbc, database.isPostgres(),
                database.searchSnapshots(jdbc));
        LearnerService learners = new LearnerService(courses, learnerStore,
                new CursorCodec(secrets.cursorKey(), clock), accessLog, clock);
        TrackingRepository trackingStore = new TrackingRepository(jdbc);
        TrackingService tracking = new TrackingService(courses, trackingStore, accessLog, clock);
        if (config.sandbox() && trackingStore.isEmpty()) {
            tracking.seedSandbox(jdbc.query("SELECT id FROM course ORDER BY id", rs -> rs.getString(1)),
                    "Sandbox set-up");
        }
        SigningKeys signingKeys = new SigningKeys(secrets);
        RosterService rosters = new RosterService(courses, new RosterRepository(jdbc, database.isPostgres()),
                learnerStore, signingKeys, accessLog, clock);
        AccessLogService logService = new AccessLogService(new AccessLogRepository(jdbc), accessLog, node.refusals(),
                signingKeys, clock);
        PlatformServices services = new PlatformServices(auth, courses, learners, tracking, rosters, signingKeys,
                logService,
                new SponsorService(courses, new SponsorRepository(jdbc), accessLog, clock),
                breach.service(), breach.preview(), breach.records(),
                health, node.limits(),
                new RosterConversions(new CourseRepository(jdbc), new RosterConversionRepository(jdbc), accessLog,
                        signingKeys, clock),
                new ResearchExportService(courses, new ResearchRepository(jdbc, box), accessLog, Regions.m49(),
                        new SecureRandom(), clock),
                new InsightsService(courses, new InsightsRepository(jdbc, database.isPostgres()), accessLog, clock));
        return new Wired(services, auth, logService);
    }

    /** Opens the API's port and, when configured, the management port. */
    private static Served serve(PlatformConfig config, KeyStore tlsKeys, PlatformServices services,
                                PlatformMetrics metrics) {
        PlatformConfig.Operations ops = config.operations();
        ApiServer server = new ApiServer(services, config.host(), config.port(), tlsKeys,
                config.tls() == null ? null : config.tls().password(),
                ops.trustedProxies() == null ? TrustedProxies.configured() : TrustedProxies.parse(ops.trustedProxies()),
                metrics.registry(), ops.grace()).start();
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        String scheme = server.tls() ? "https" : "http";
        URI uri = URI.create(scheme + "://" + host + ":" + server.port());
        LOGGER.info("Platform API serving on port {} over {}", server.port(), scheme.toUpperCase(Locale.ROOT));
        if (!ops.management()) {
            return new Served(server, uri, null);
        }
        try {
            ManagementServer management = ManagementServer.start(ops.managementHost(), ops.managementPort(),
                    ops.managementToken(), metrics::scrape);
            LOGGER.info("Metrics on {}:{}{}{}", ops.managementHost(), management.port(), ManagementServer.METRICS,
                    management.guarded() ? " (token required)" : "");
            return new Served(server, uri, management);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The key that seals the secrets the database keeps (R13): from the environment, or the key file in the data
     * folder; a platform on a database server without a data folder must be given it in the environment.
     */
    static MasterKey masterKey(PlatformConfig config) {
        return config.dataDir() != null ? MasterKey.forDataDir(config.dataDir()) : MasterKey.fromEnvironmentOnly();
    }

    /** The rotation is done: the old key file goes; a key given in the environment is the operator's to remove. */
    private static void retirePreviousKey(PlatformConfig config) {
        Path old = config.dataDir() == null ? null : config.dataDir().resolve(MasterKey.PREVIOUS_FILE);
        try {
            if (old != null && Files.deleteIfExists(old)) {
                LOGGER.info("Master key rotated; the previous key file was removed");
                return;
            }
        } catch (IOException e) {
            LOGGER.warn("Master key rotated, but the previous key file could not be removed: {}",
                    e.getClass().getSimpleName());
            return;
        }
        LOGGER.info("Master key rotated; {} is no longer needed", MasterKey.PREVIOUS_ENV);
    }

    private static Database openDatabase(PlatformConfig config, StartupListener listener) {
        if (config.dataDir() != null) {
            try {
                // everything the platform writes there is its owner's alone, also what an older version left wider
                OwnerOnly.folder(config.dataDir());
                OwnerOnly.narrowTree(config.dataDir());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot create the data folder " + config.dataDir(), e);
            }
        }
        if (!config.embeddedDatabase()) {
            return Database.server(config.jdbcUrl(), config.dbUser(), config.dbPassword(),
                    config.operations().dbPool());
        }
        // A database whose sandbox load stopped before it was whole (SandboxLoadMarker) has never been served from:
        // it goes, unopened (the stop may have cut its file short), and the load starts again.
        if (SandboxLoadMarker.in(config.dataDir()).present()) {
            discardUnfinishedLoad(config, listener);
            return Database.embedded(config.dataDir());
        }
        Database database = Database.embedded(config.dataDir());
        boolean tablesOnly;
        try {
            tablesOnly = database.holdsTablesOnly();
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (!tablesOnly) {
            return database;
        }
        database.close();
        discardUnfinishedLoad(config, listener);
        return Database.embedded(config.dataDir());
    }

    private static void discardUnfinishedLoad(PlatformConfig config, StartupListener listener) {
        listener.progress("Discarding an unfinished sandbox load", 0.03);
        Database.deleteEmbedded(config.dataDir());
        LOGGER.warn("The sandbox load in the data folder had not finished: its database is deleted, loading again");
    }

    /** Ready while the database answers and no stop has been asked for; a draining node says so. */
    private static HealthDto health(Database database, boolean draining) {
        String version = Platform.class.getPackage().getImplementationVersion();
        boolean up = database.isUp();
        String status = draining ? "DRAINING" : up ? "UP" : "DOWN";
        return new HealthDto(status, up ? "UP" : "DOWN", ApiPaths.API_VERSION, version == null ? "dev" : version);
    }

    /** The server root, e.g. {@code http://127.0.0.1:8080}; the API lives under {@code /api/v1}. */
    public URI baseUri() {
        return baseUri;
    }

    public Database database() {
        return database;
    }

    public AuthService auth() {
        return auth;
    }

    /** The sandbox mailbox breach notices land in, when this platform runs one. */
    public Optional<Path> sandboxMailbox() {
        return breach.mailboxFolder();
    }

    /** Whether a stop has been asked for (the node then answers {@code /health/ready} with 503). */
    public boolean draining() {
        return draining.get();
    }

    /** The management port, when there is one. */
    public Optional<Integer> managementPort() {
        return Optional.ofNullable(management).map(ManagementServer::port);
    }

    /**
     * The stop a service manager asks for (SIGTERM): the node reports not ready at once, serves on for the drain
     * period so that the load balancer's health checks take it out of rotation, then stops listening, lets the
     * requests in flight finish within the grace period, and only then stops the sender and closes the pool.
     */
    public void stop() {
        if (draining.compareAndSet(false, true)) {
            LOGGER.info("Stopping: not ready from now on; serving for {} s more, then finishing the requests in "
                    + "flight (at most {} s)", operations.drain().toSeconds(), operations.grace().toSeconds());
            try {
                Thread.sleep(operations.drain());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
        LOGGER.info("Stopped");
    }

    @Override
    public void close() {
        draining.set(true);
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            server.close();
            if (management != null) {
                management.close();
            }
            housekeeping.shutdownNow();
            try {
                accessLogService.writeRepeats(true);
            } catch (RuntimeException e) {
                LOGGER.warn("Counted refusals not written at the stop: {}", e.getClass().getSimpleName());
            }
        } finally {
            try {
                breach.close();
            } finally {
                try {
                    node.close();
                } finally {
                    metrics.close();
                    database.close();
                }
            }
        }
    }
}
