package org.iqracity.console.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;

/**
 * The benchmark's sandboxes, kept between runs under {@code target/bench-data}: loading 1,000,000 learners takes
 * minutes, measuring takes less. A folder is reused only when a marker written after a complete load says it
 * holds the same size and the same schema (migrations) as this build; otherwise it is loaded again.
 */
final class BenchData {
    private static final String MARKER = "bench-sandbox.properties";

    /** A started platform and what its load cost (null when an earlier run's data was reused). */
    record Started(Platform platform, Double loadSeconds, String loadNote, AutoCloseable extra) {
    }

    private final Path root;
    private final int learners;
    private final boolean fresh;

    BenchData(Path root, int learners, boolean fresh) {
        this.root = root;
        this.learners = learners;
        this.fresh = fresh;
    }

    /** Where the H2 sandbox of this size is kept. */
    Path h2Dir() {
        return root.resolve("h2-" + label());
    }

    Started h2() throws Exception {
        Path dir = h2Dir();
        boolean reuse = prepare(dir, false);
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(learners);
        return start(dir, reuse, config, null);
    }

    Started postgres() throws Exception {
        Path dir = root.resolve("pg-" + label());
        boolean reuse = prepare(dir, true);
        Files.createDirectories(dir);
        Path data = dir.resolve("data");
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
                .setRegisterShutdownHook(true).start();
        try {
            PlatformConfig config = PlatformConfig.embedded(dir.resolve("unused"), 0).withLearners(learners)
                    .withDatabase(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", true);
            return start(dir, reuse, config, pg);
        } catch (Exception | Error e) {
            pg.close();
            throw e;
        }
    }

    private Started start(Path dir, boolean reuse, PlatformConfig config, AutoCloseable extra) throws IOException {
        boolean postgres = extra != null;
        long t0 = System.nanoTime();
        Platform platform = Platform.start(config, StartupListener.NONE);
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path marker = dir.resolve(MARKER);
        if (reuse) {
            Properties p = read(marker);
            return new Started(platform, null, "reused; loaded in " + p.getProperty("loadSeconds") + " s on "
                    + p.getProperty("loadedAt"), extra);
        }
        Properties p = new Properties();
        p.setProperty("learners", Integer.toString(learners));
        p.setProperty("schema", schemaHash(postgres));
        p.setProperty("loadSeconds", String.format(Locale.ROOT, "%.1f", seconds));
        p.setProperty("loadedAt", Instant.now().toString());
        try (var out = Files.newOutputStream(marker)) {
            p.store(out, "written after a complete sandbox load; delete to force a reload");
        }
        return new Started(platform, seconds, "loaded in this run", extra);
    }

    /** Whether {@code dir} holds a complete load of this size and schema; if not, it is emptied. */
    private boolean prepare(Path dir, boolean postgres) throws IOException {
        Path marker = dir.resolve(MARKER);
        if (!fresh && Files.exists(marker)) {
            Properties p = read(marker);
            if (Integer.toString(learners).equals(p.getProperty("learners"))
                    && schemaHash(postgres).equals(p.getProperty("schema"))) {
                return true;
            }
        }
        deleteTree(dir);
        Files.createDirectories(dir);
        return false;
    }

    private String label() {
        return learners % 1_000_000 == 0 ? learners / 1_000_000 + "m"
                : learners % 1000 == 0 ? learners / 1000 + "k" : Integer.toString(learners);
    }

    private static Properties read(Path marker) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(marker)) {
            p.load(in);
        }
        return p;
    }

    /**
     * The migrations that shape the data: a changed one makes a kept sandbox stale. V3 does something on
     * PostgreSQL only.
     */
    static String schemaHash(boolean postgres) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            List<String> resources = new ArrayList<>(List.of("/db/migration/V1__tables.sql",
                    "/db/migration/V2__constraints_and_indexes.sql"));
            if (postgres) {
                resources.add("/org/iqracity/console/platform/store/migrations/V3__PrefixSearchIndexes.class");
            }
            resources.add("/org/iqracity/console/platform/store/migrations/V10__CoveringSearchIndexes.class");
            for (String resource : resources) {
                try (InputStream in = BenchData.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing " + resource);
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
