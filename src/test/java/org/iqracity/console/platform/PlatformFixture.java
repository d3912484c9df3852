package org.iqracity.console.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.iqracity.console.platform.store.Jdbc;

/**
 * A running platform for tests, on real HTTP (port 0) and a real database. One per database kind is shared by
 * all test classes of a run, because seeding is the slow part; tests that need a fresh one start their own.
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
    public org.iqracity.console.platform.store.SecretBox secrets() {
        return org.iqracity.console.platform.store.MasterKey.forDataDir(dataDir).box();
    }

    /** The run's shared platform on embedded H2. */
    public static PlatformFixture h2() {
        return SHARED.computeIfAbsent("h2", k -> register(startH2(LEARNERS)));
    }

    /** The run's shared platform on PostgreSQL. */
    public static PlatformFixture postgres() {
        return SHARED.computeIfAbsent("postgres", k -> register(startPostgres(TestPostgres.jdbcUrl(), LEARNERS)));
    }

    public static PlatformFixture shared(String database) {
        return "postgres".equals(database) ? postgres() : h2();
    }

    /** A platform of its own on a new H2 database. */
    public static PlatformFixture startH2(int learners) {
        try {
            Path dir = Files.createTempDirectory("platform-test");
            MutableClock clock = MutableClock.systemNow();
            PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(learners);
            return new PlatformFixture(Platform.start(config, StartupListener.NONE, clock), clock, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PlatformFixture startPostgres(String jdbcUrl, int learners) {
        MutableClock clock = MutableClock.systemNow();
        Path dir;
        try {
            // a PostgreSQL sandbox keeps only its mailbox of breach notices on disk
            dir = Files.createTempDirectory("platform-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(learners)
                .withDatabase(jdbcUrl, TestPostgres.USER, TestPostgres.PASSWORD, true);
        return new PlatformFixture(Platform.start(config, StartupListener.NONE, clock), clock, dir);
    }

    /** Same as {@link #startH2} with session limits of its own. */
    public static PlatformFixture startH2(int learners, Duration access, Duration idle, Duration absolute) {
        try {
            Path dir = Files.createTempDirectory("platform-test");
            MutableClock clock = MutableClock.systemNow();
            PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(learners)
                    .withSessionLimits(access, idle, absolute);
            return new PlatformFixture(Platform.start(config, StartupListener.NONE, clock), clock, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PlatformFixture register(PlatformFixture f) {
        Runtime.getRuntime().addShutdownHook(new Thread(f::close));
        return f;
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
        platform.close();
    }
}
