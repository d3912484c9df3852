package org.iqracity.console.platform;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.MasterKey;
import org.iqracity.console.platform.store.SecretBox;
import org.iqracity.console.testing.RunScoped;
import org.iqracity.console.testing.TempFolders;

/**
 * A running platform for tests, on real HTTP (port 0) and a real database. One per database kind is shared by
 * all test classes of a run, because seeding is the slow part; tests that need a fresh one start their own, on H2
 * from a copy of a sandbox generated once per run ({@link SandboxTemplates}). Closing one deletes its data folder.
 */
public final class PlatformFixture implements AutoCloseable {
    public static final int LEARNERS = 3_000;
    private static final Map<String, PlatformFixture> SHARED = new ConcurrentHashMap<>();

    private final Platform platform;
    private final TestApi api;
    private final MutableClock clock;
    private final Path dataDir;

    private PlatformFixture(Platform platform, MutableClock clock, Path dataDir) {
        this.dataDir = dataDir;
        this.platform = platform;
        this.clock = clock;
        this.api = new TestApi(platform.baseUri(), clock);
    }

    /** Opens what this platform's database keeps sealed (its master key is in the data folder). */
    public SecretBox secrets() {
        return MasterKey.forDataDir(dataDir).box();
    }

    /** The run's shared platform on embedded H2. */
    public static PlatformFixture h2() {
        return SHARED.computeIfAbsent("h2", k -> RunScoped.closeAtEnd(startH2(LEARNERS)));
    }

    /** The run's shared platform on PostgreSQL. */
    public static PlatformFixture postgres() {
        return SHARED.computeIfAbsent("postgres", k -> {
            try {
                return RunScoped.closeAtEnd(startPostgres(TestPostgres.sharedDatabase(), LEARNERS));
            } catch (SQLException e) {
                throw new IllegalStateException("Could not reach the test PostgreSQL", e);
            }
        });
    }

    public static PlatformFixture shared(String database) {
        return "postgres".equals(database) ? postgres() : h2();
    }

    /** A platform of its own on a new H2 database. */
    public static PlatformFixture startH2(int learners) {
        return startH2(learners, config -> config);
    }

    public static PlatformFixture startPostgres(String jdbcUrl, int learners) {
        // a PostgreSQL sandbox keeps only its mailbox of breach notices on disk
        Path dir = TempFolders.create("platform-test-pg");
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(learners)
                .withDatabase(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD, true);
        return start(config, dir);
    }

    /** Same as {@link #startH2} with session limits of its own. */
    public static PlatformFixture startH2(int learners, Duration access, Duration idle, Duration absolute) {
        return startH2(learners, config -> config.withSessionLimits(access, idle, absolute));
    }

    /** A platform of its own on a new H2 database, its configuration adjusted first. */
    public static PlatformFixture startH2(int learners, UnaryOperator<PlatformConfig> adjust) {
        Path dir = TempFolders.create("platform-test");
        return start(adjust.apply(SandboxTemplates.embedded(learners, dir)), dir);
    }

    private static PlatformFixture start(PlatformConfig config, Path dir) {
        MutableClock clock = MutableClock.systemNow();
        try {
            return new PlatformFixture(Platform.start(config, StartupListener.NONE, clock), clock, dir);
        } catch (RuntimeException e) {
            TempFolders.delete(dir);
            throw e;
        }
    }

    public TestApi api() {
        return api;
    }

    public Platform platform() {
        return platform;
    }

    public MutableClock clock() {
        return clock;
    }

    public Jdbc jdbc() {
        return new Jdbc(platform.database().dataSource());
    }

    @Override
    public void close() {
        try {
            platform.close();
        } finally {
            TempFolders.delete(dataDir);
        }
    }
}
