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
import org.iqracity.console.api.ApiPaths;
import org.iqracity.console.api.HealthDto;
import org.iqracity.console.platform.http.ApiServer;
import org.iqracity.console.platform.http.PlatformServices;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.AccessLogService;
import org.iqracity.console.platform.service.AuthService;
import org.iqracity.console.platform.service.CourseService;
import org.iqracity.console.platform.service.InsightsService;
import org.iqracity.console.platform.service.CursorCodec;
import org.iqracity.console.platform.service.LearnerService;
import org.iqracity.console.platform.service.PasswordHasher;
import org.iqracity.console.platform.service.RosterConversions;
import org.iqracity.console.platform.service.ResearchExportService;
import org.iqracity.console.platform.service.RosterService;
import org.iqracity.console.platform.service.research.Regions;
import org.iqracity.console.platform.service.SessionPolicy;
import org.iqracity.console.platform.service.SigningKeys;
import org.iqracity.console.platform.service.SponsorService;
import org.iqracity.console.platform.service.TrackingService;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.CourseRepository;
import org.iqracity.console.platform.store.InsightsRepository;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.SecretBox;
import org.iqracity.console.platform.store.LearnerRepository;
import org.iqracity.console.platform.store.PlatformSecrets;
import org.iqracity.console.platform.store.ResearchRepository;
import org.iqracity.console.platform.store.SessionRepository;
import org.iqracity.console.platform.store.RosterConversionRepository;
import org.iqracity.console.platform.store.RosterRepository;
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
    private final URI baseUri;
    private final AuthService auth;
    private final Breach breach;
    private final PlatformNode node;
    private final AccessLogService accessLogService;
    /** Writes the counted repeats of refused requests once their minute is over. */
    private final ScheduledExecutorService housekeeping;

    private Platform(Database database, ApiServer server, URI baseUri, AuthService auth, Breach breach,
                     PlatformNode node, AccessLogService accessLogService) {
        this.database = database;
        this.server = server;
        this.baseUri = baseUri;
        this.auth = auth;
        this.breach = breach;
        this.node = node;
        this.accessLogService = accessLogService;
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

    public static Platform start(PlatformConfig config, StartupListener listener) {
        return start(config, listener, Clock.systemUTC());
    }

    /** Starts with a given clock, so tests can move time past session limits. */
    public static Platform start(PlatformConfig config, StartupListener listener, Clock clock) {
        // The keystore first: a wrong path or password should not wait for a sandbox to be seeded.
        KeyStore tlsKeys = config.tls() == null ? null : TlsKeystore.load(config.tls());
        listener.progress("Opening the database", 0.02);
        Database database = openDatabase(config, listener);
        Breach breach = null;
        PlatformNode node = null;
        try {
            listener.progress("Preparing the database", 0.05);
            PasswordHasher hasher = new PasswordHasher();
            Database.Schema schema = database.schema();
            boolean bulk = config.sandbox() && schema == Database.Schema.EMPTY;
            SandboxLoadMarker marker = config.embeddedDatabase() ? SandboxLoadMarker.in(config.dataDir()) : null;
            if (bulk) {
                if (marker != null) {
                    marker.begin(clock.instant());
                }
                database.migrateTablesOnly();
            } else if (schema == Database.Schema.TABLES_ONLY) {
                throw new IllegalStateException("This database holds a sandbox load that stopped part-way: its "
                        + "tables and some rows, without keys or indexes. Drop it and create it empty, then start "
                        + "the platform again to load the sandbox afresh.");
            } else {
                database.migrate();
            }
            if (config.sandbox() && SandboxGenerator.isSeeded(database)) {
                sizeNote(database, config).ifPresent(note -> {
                    LOGGER.warn(note);
                    listener.progress(note, 0.06);
                });
            } else if (config.sandbox()) {
                database.withLoadCache(() -> {
                    listener.progress("Creating the sandbox", 0.08);
                    new SandboxGenerator(database, config.seed(), config.learners(),
                            (stage, f) -> listener.progress(stage, 0.08 + 0.8 * f), hasher).seed();
                    if (bulk) {
                        listener.progress("Indexing the sandbox", 0.9);
                        database.reportingIndexBuilds(
                                index -> listener.progress("Indexing the sandbox: " + index, 0.9), database::migrate);
                        database.analyze();
                    }
                });
            }
            MasterKey masterKey = masterKey(config);
            SecretBox box = masterKey.box();
            if (config.sandbox()) {
                SandboxGenerator.finishStaff(database, box);
            }
            if (bulk && marker != null) {
                marker.finish();
            }
            Jdbc jdbc = new Jdbc(database.dataSource());
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
            PlatformSecrets secrets = new PlatformSecrets(jdbc, clock, box);
            AccessLogRepository accessLogStore = new AccessLogRepository(jdbc);
            AccessLog accessLog = new AccessLog(jdbc, accessLogStore, clock, masterKey.accessLogKey());
            int keyedChains = accessLog.keyChains();
            if (keyedChains > 0) {
                LOGGER.info("Keyed the access-log chains of {} Members written by an older version", keyedChains);
            }
            node = PlatformNode.join(config, database.isPostgres(), jdbc, clock);
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
            String version = Platform.class.getPackage().getImplementationVersion();
            SigningKeys signingKeys = new SigningKeys(secrets);
            RosterService rosters = new RosterService(courses, new RosterRepository(jdbc, database.isPostgres()),
                    learnerStore, signingKeys, accessLog, clock);
            breach = Breach.start(config, jdbc, accessLog, clock, node.lease(), node.shared());
            AccessLogService logService = new AccessLogService(accessLogStore, accessLog, node.refusals(),
                    signingKeys, clock);
            PlatformServices services = new PlatformServices(auth, courses, learners, tracking, rosters, signingKeys,
                    logService,
                    new SponsorService(courses, new SponsorRepository(jdbc), accessLog, clock),
                    breach.service(), breach.preview(), breach.records(),
                    () -> health(database, version), node.limits(),
                    new RosterConversions(new CourseRepository(jdbc), new RosterConversionRepository(jdbc), accessLog,
                            signingKeys, clock),
                    new ResearchExportService(courses, new ResearchRepository(jdbc, box), accessLog, Regions.m49(),
                            new SecureRandom(), clock),
                    new InsightsService(courses, new InsightsRepository(jdbc, database.isPostgres()), accessLog, clock));
            listener.progress("Starting the API", 0.99);
            ApiServer server = new ApiServer(services, config.host(), config.port(), tlsKeys,
                    config.tls() == null ? null : config.tls().password()).start();
            String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
            String scheme = server.tls() ? "https" : "http";
            URI uri = URI.create(scheme + "://" + host + ":" + server.port());
            LOGGER.info("Platform API serving on port {} over {}", server.port(),
                    scheme.toUpperCase(Locale.ROOT));
            listener.progress("Ready", 1.0);
            // While the API already serves: the largest courses' snapshots, so that the first jump into one is quick.
            database.searchSnapshots(jdbc).warm();
            return new Platform(database, server, uri, auth, breach, node, logService);
        } catch (RuntimeException e) {
            if (breach != null) {
                breach.close();
            }
            if (node != null) {
                node.close();
            }
            database.close();
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
            return Database.server(config.jdbcUrl(), config.dbUser(), config.dbPassword());
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

    /**
     * A sandbox is made once, in an empty folder or database: a start asking for another size gets the one there, and
     * is told so (else {@code --learners 1000000} on a folder of 20,000 looks like a fast load of a million).
     */
    private static Optional<String> sizeNote(Database database, PlatformConfig config) {
        long held = new Jdbc(database.dataSource()).queryOne("SELECT COUNT(*) FROM learner", rs -> rs.getLong(1))
                .orElse(0L);
        if (held == config.learners()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The sandbox here holds %,d learners, "
                + "not the %,d asked for: a sandbox is made once, into an empty data folder or database", held, config.learners()));
    }

    private static void discardUnfinishedLoad(PlatformConfig config, StartupListener listener) {
        listener.progress("Discarding an unfinished sandbox load", 0.03);
        Database.deleteEmbedded(config.dataDir());
        LOGGER.warn("The sandbox load in the data folder had not finished: its database is deleted, loading again");
    }

    private static HealthDto health(Database database, String version) {
        boolean up = database.isUp();
        return new HealthDto(up ? "UP" : "DOWN", up ? "UP" : "DOWN", ApiPaths.API_VERSION,
                version == null ? "dev" : version);
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

    @Override
    public void close() {
        try {
            server.close();
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
                    database.close();
                }
            }
        }
    }
}
