package org.iqracity.console.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.tools.DeleteDbFiles;
import org.iqracity.console.documents.OwnerOnly;
import org.iqracity.console.platform.store.migrations.JavaMigrations;
import org.iqracity.console.platform.store.search.SearchSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's connection pool and schema, on embedded H2 or on PostgreSQL. */
public final class Database implements AutoCloseable {
    /** See {@link #servingCacheKib()}. */
    private static final long SERVING_CACHE_MIB = 64;
    private static final Logger LOGGER = LoggerFactory.getLogger(Database.class);

    private static final String TABLES_VERSION = "1";
    /** The embedded database's file name in its folder, before H2's {@code .mv.db}. */
    private static final String EMBEDDED_NAME = "platform";
    /** H2's error code for a database file another process has open. */
    private static final int H2_ALREADY_OPEN = 90020;
    /** H2's error codes for a file it cannot read as a database: an I/O error, a corrupted file, a foreign header. */
    private static final Set<Integer> H2_UNREADABLE_FILE = Set.of(90028, 90030, 90048);

    private final HikariDataSource dataSource;
    private final boolean postgres;
    private final String url;
    private SearchSnapshots snapshots;

    private Database(HikariDataSource dataSource, boolean postgres, String url) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.url = url;
    }

    /**
     * An embedded H2 database in files under {@code dir}.
     *
     * <p>{@code WRITE_DELAY=0}: H2 keeps no redo log, and by default writes committed changes to its file up to half
     * a second later from a background thread, so a killed process lost the access-log entries (R12) of the
     * requests it had just answered. With no delay each commit is in the file (the operating system's cache) before
     * the answer leaves, at the price of a write per commit.
     *
     * <p>{@code REUSE_SPACE=FALSE}: each commit writes a new chunk, and H2 by default puts it into space its earlier
     * chunks freed inside the file. A process killed with SIGKILL then came back, in about one kill of 25, without
     * transactions it had committed and answered for: access-log entries gone, breach-notice deliveries back at
     * pending and mailed a second time (docs/decisions/0001-embedded-h2-appends-every-commit.md). With every chunk
     * appended at the end, the soak of 30 kills loses nothing. The file grows by the chunks that commits supersede;
     * {@link #close()} compacts it when they outweigh the live data.
     *
     * <p>Its password comes from the {@link MasterKey} beside it (R13); a database an older version made without one
     * gets it on this open.
     */
    public static Database embedded(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve(EMBEDDED_NAME)
                + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0;REUSE_SPACE=FALSE;CACHE_SIZE="
                + servingCacheKib() + System.getProperty("platform.h2.options", "");
        String password = MasterKey.forDataDir(dir).databasePassword();
        Database db;
        try {
            db = open(url, "sa", password, 16);
        } catch (IllegalStateException e) {
            if (!wrongPassword(e)) {
                throw e;
            }
            String before = MasterKey.previous(dir).map(MasterKey::databasePassword).orElse("");
            givePassword(url, before, password, e);
            db = open(url, "sa", password, 16);
        }
        db.embeddedDir = dir;
        db.narrowFiles();
        return db;
    }

    private Path embeddedDir;

    /**
     * H2 makes its files with the process's default mode (0644 under the usual umask). The folder they are in is
     * the owner's alone, so nobody else could reach them meanwhile; narrowing them too keeps a copy of the folder's
     * files (a backup, a move) owner-only as well.
     */
    private void narrowFiles() {
        if (embeddedDir == null) {
            return;
        }
        try (var files = Files.list(embeddedDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(EMBEDDED_NAME)).toList()) {
                OwnerOnly.narrow(f);
            }
        } catch (IOException e) {
            LOGGER.warn("Could not narrow the database files to their owner: {}", e.getClass().getSimpleName());
        }
    }

    /** A connection with {@code password}, or with none as a database made before it had one. */
    private static Connection open(String url, String password) throws SQLException {
        try {
            return DriverManager.getConnection(url, "sa", password);
        } catch (SQLException e) {
            if (password.isEmpty() || !"28000".equals(e.getSQLState())) {
                throw e;
            }
            return DriverManager.getConnection(url, "sa", "");
        }
    }

    private static boolean wrongPassword(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "28000".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database gets the master key's password: one made before it had a password (user {@code sa}, none), or
     * one whose key is being rotated out ({@code before}, from {@link MasterKey#previous}).
     */
    private static void givePassword(String url, String before, String password, IllegalStateException refused) {
        try (Connection c = open(url, before);
             var st = c.prepareStatement("ALTER USER SA SET PASSWORD ?")) {
            st.setString(1, password);
            st.execute();
            LOGGER.info("The embedded database now has the password of the current master key");
        } catch (SQLException e) {
            // not an older database without a password either: the key beside it is not the one it was made with
            refused.addSuppressed(e);
            throw new IllegalStateException("The embedded database does not open with the master key beside it ("
                    + MasterKey.FILE + " or " + MasterKey.ENV + "): was the key replaced? To rotate a key, keep the "
                    + "old one as " + MasterKey.PREVIOUS_FILE + " (or " + MasterKey.PREVIOUS_ENV + ") for one start.",
                    refused);
        }
    }

    /**
     * H2's page cache while the platform serves, in KiB. Small on purpose: every page H2 reads from its file is
     * unpacked into many small Java objects, and a page that stays in a large cache outlives the young generation, so
     * the collector copies it, and later collects it again from the old one. With a cache of a quarter of the heap a
     * 1,000,000-learner sandbox (a 4.7 GB file, far larger than any cache) made the platform pause 150-480 ms at a
     * time, both cores busy, while it served; the pages re-read instead come from the operating system's file cache.
     * {@code -Dplatform.h2.cacheMib=N} sets another size.
     */
    static long servingCacheKib() {
        return Math.max(1, Long.getLong("platform.h2.cacheMib", SERVING_CACHE_MIB)) * 1024;
    }

    /**
     * H2's page cache while a sandbox is loaded, in KiB: a quarter of the heap, at most 2 GiB. Each index built after
     * the load reads the whole table again, from the cache when it fits.
     */
    private static long loadCacheKib() {
        long quarter = Runtime.getRuntime().maxMemory() / 4 / 1024;
        return Math.max(servingCacheKib(), Math.min(quarter, 2L * 1024 * 1024));
    }

    /**
     * Runs a bulk load with H2's page cache at its load size, then sets it back to the serving size (H2 has one
     * cache per database, for every connection). PostgreSQL: just runs it.
     */
    public void withLoadCache(Runnable load) {
        if (postgres) {
            load.run();
            return;
        }
        setCacheKib(loadCacheKib());
        try {
            load.run();
        } catch (RuntimeException | Error e) {
            try {
                setCacheKib(servingCacheKib());
            } catch (RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        setCacheKib(servingCacheKib());
    }

    /**
     * Runs {@code work}, telling {@code onIndex} each index H2 starts to build in it ({@link IndexBuildProgress}), e.g.
     * {@code enrollment_by_grade on enrollment}. PostgreSQL: just runs it.
     */
    public void reportingIndexBuilds(Consumer<String> onIndex, Runnable work) {
        if (postgres) {
            work.run();
            return;
        }
        Jdbc jdbc = new Jdbc(dataSource);
        IndexBuildProgress.register(url, onIndex);
        try {
            jdbc.update("SET DATABASE_EVENT_LISTENER '" + IndexBuildProgress.class.getName() + "'");
            work.run();
        } finally {
            IndexBuildProgress.unregister(url);
            try {
                jdbc.update("SET DATABASE_EVENT_LISTENER ''");
            } catch (RuntimeException e) {
                LOGGER.debug("Index listener not removed: {}", e.getClass().getSimpleName());
            }
        }
    }

    private void setCacheKib(long kib) {
        new Jdbc(dataSource).update("SET CACHE_SIZE " + kib);
    }

    /** A server database, e.g. {@code jdbc:postgresql://host/db}. */
    public static Database server(String url, String user, String password) {
        return server(url, user, password, poolSize(System.getenv("PLATFORM_DB_POOL")));
    }

    /** A server database with a pool of this many connections. */
    public static Database server(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize);
    }

    /**
     * Connections per platform node to a server database: 24 unless {@code PLATFORM_DB_POOL} says otherwise (2 to
     * 200). PostgreSQL allows 100 connections by default, so four nodes at 24 fill it; more nodes need a smaller pool
     * each or a larger {@code max_connections}.
     */
    static int poolSize(String setting) {
        if (setting == null || setting.isBlank()) {
            return 24;
        }
        try {
            int n = Integer.parseInt(setting.strip());
            if (n >= 2 && n <= 200) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalStateException("PLATFORM_DB_POOL must be a number of connections from 2 to 200");
    }

    private static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("platform");
        config.setAutoCommit(true);
        // A database that cannot be reached is said within seconds (503), not after Hikari's default 30 s.
        config.setConnectionTimeout(Long.getLong("platform.db.connectTimeoutMs", 5_000));
        config.setValidationTimeout(2_000);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // Index builds (migrations after a bulk load) sort in memory instead of spilling to disk.
            config.setConnectionInitSql("SET maintenance_work_mem TO '512MB'");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw cannotOpen(url, e);
        }
        return new Database(ds, postgres, url);
    }

    /**
     * What to tell someone whose database did not open: another process holding the embedded one (a second platform
     * on the same folder), or the driver's own reason (no server there, a wrong password). Names where the database
     * is, never the credentials, and none of the URL's parameters.
     */
    private static IllegalStateException cannotOpen(String url, RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                sql = s;
            }
        }
        String where = url.startsWith("jdbc:h2:file:")
                ? "the data folder " + Path.of(url.substring("jdbc:h2:file:".length()).split(";", 2)[0]).getParent()
                : url.split("[?;]", 2)[0];
        if (sql != null && sql.getErrorCode() == H2_ALREADY_OPEN) {
            return inUse(where, e);
        }
        String reason = sql == null || sql.getMessage() == null ? e.getClass().getSimpleName()
                : H2_UNREADABLE_FILE.contains(sql.getErrorCode()) && url.startsWith("jdbc:h2:")
                ? "its file is damaged, or is not a database this version can read"
                : sql.getMessage().lines().findFirst().orElse("").replaceAll("\\s*\\[\\d+-\\d+]$", "");
        String advice = url.startsWith("jdbc:h2:file:")
                ? ". If the folder holds only the sandbox, move it away and start again to load a new one." : "";
        return new IllegalStateException("Cannot open the database at " + where + ": " + reason + advice, e);
    }

    /** Brings the schema up to date. */
    public void migrate() {
        var result = flyway(null).migrate();
        // Flyway names no target version when there was nothing to apply; the version it found is the one.
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion
                : result.initialSchemaVersion;
        LOGGER.info("Database schema at version {} ({} migrations applied)", version, result.migrationsExecuted);
    }

    /** Where a database's schema stands, read from Flyway's history in one query. */
    public enum Schema {
        /** No migration has run yet: a brand-new database. */
        EMPTY,
        /**
         * The tables alone, without keys and indexes: only a bulk load leaves it so, and only until its rows are in,
         * so a database found this way holds a load that stopped part-way.
         */
        TABLES_ONLY,
        /** Past the tables: keys and indexes made, perhaps with migrations still to run. */
        MIGRATED
    }

    public Schema schema() {
        var current = flyway(null).info().current();
        if (current == null) {
            return Schema.EMPTY;
        }
        return TABLES_VERSION.equals(current.getVersion().getVersion()) ? Schema.TABLES_ONLY : Schema.MIGRATED;
    }

    /** Whether no migration has run yet: a brand-new database. */
    public boolean isEmpty() {
        return schema() == Schema.EMPTY;
    }

    /** Whether the schema stands at the tables alone ({@link Schema#TABLES_ONLY}). */
    public boolean holdsTablesOnly() {
        return schema() == Schema.TABLES_ONLY;
    }

    /**
     * Deletes the files of the embedded database in {@code dir}: for a sandbox whose first load stopped part-way,
     * loaded again from nothing. Refuses while another process has the database open: H2 holds a lock on its file
     * for as long as it is open, taken here too, and held while the files go.
     */
    public static void deleteEmbedded(Path dir) {
        Path file = dir.resolve(EMBEDDED_NAME + ".mv.db");
        if (!Files.exists(file)) {
            DeleteDbFiles.execute(dir.toAbsolutePath().toString(), EMBEDDED_NAME, true);
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw inUse("the data folder " + dir.toAbsolutePath(), null);
            }
            DeleteDbFiles.execute(dir.toAbsolutePath().toString(), EMBEDDED_NAME, true);
        } catch (OverlappingFileLockException e) {
            throw inUse("the data folder " + dir.toAbsolutePath(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot delete the unfinished database in " + dir, e);
        }
    }

    private static IllegalStateException inUse(String where, Exception cause) {
        return new IllegalStateException("The database in " + where + " is open in another process (a platform or "
                + "console already running on it); stop that one first, or give this one another folder", cause);
    }

    /** Creates the tables alone, without keys and indexes, for a bulk load into a new database. */
    public void migrateTablesOnly() {
        flyway(TABLES_VERSION).migrate();
    }

    /** Brings the schema up to {@code version} and no further: for tests of an upgrade from an older schema. */
    void migrateTo(String version) {
        flyway(version).migrate();
    }

    private Flyway flyway(String target) {
        var config = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(JavaMigrations.all());
        if (target != null) {
            config.target(target);
        }
        return config.load();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Refreshes the planner's statistics after a bulk load, so it knows the course of 500,000 is large; on PostgreSQL
     * also marks the loaded pages all-visible (VACUUM), without which no search is read from its index alone (V10).
     */
    public void analyze() {
        try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
            st.execute(postgres ? "VACUUM ANALYZE" : "ANALYZE");
        } catch (SQLException e) {
            LOGGER.warn("Could not refresh planner statistics (SQL state {})", e.getSQLState());
        }
    }

    /** Whether the database answers a trivial query right now. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * The search snapshots of this database's large courses (made on first call), closed with the database.
     * Below 20,000 enrollments the indexes answer a search in a few milliseconds and a snapshot is not worth its
     * memory.
     */
    public synchronized SearchSnapshots searchSnapshots(Jdbc jdbc) {
        if (snapshots == null) {
            snapshots = SearchSnapshots.background(jdbc, postgres, 20_000);
        }
        return snapshots;
    }

    /**
     * The embedded database's file as H2 reports it: its size and the share of its chunks' bytes still live. Chunks
     * are only appended ({@link #embedded(Path)}), so what commits supersede stays in the file until it is compacted.
     */
    record EmbeddedFile(long bytes, int liveRatePercent) {
        /** Compacting rewrites the live pages: worth it once the dead outweigh them and are not trivially few. */
        static final long MIN_DEAD_BYTES = 64L << 20;

        long deadBytes() {
            return bytes * (100 - liveRatePercent) / 100;
        }

        boolean worthCompacting() {
            return deadBytes() >= MIN_DEAD_BYTES && deadBytes() > bytes - deadBytes();
        }
    }

    static EmbeddedFile embeddedFile(Statement st) throws SQLException {
        long bytes = 0;
        int live = 100;
        try (var rs = st.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                + "WHERE SETTING_NAME IN ('info.FILE_SIZE', 'info.CHUNKS_FILL_RATE')")) {
            while (rs.next()) {
                if (rs.getString(1).equals("info.FILE_SIZE")) {
                    bytes = Long.parseLong(rs.getString(2));
                } else {
                    live = Integer.parseInt(rs.getString(2));
                }
            }
        }
        return new EmbeddedFile(bytes, live);
    }

    private volatile boolean compactAtClose;

    /** The next stop compacts the embedded file whatever its fill (e.g. after secrets were sealed in place). */
    public void compactAtClose() {
        compactAtClose = true;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (snapshots != null) {
                snapshots.close();
            }
        }
        if (!postgres) {
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                EmbeddedFile file = embeddedFile(st);
                if (file.worthCompacting() || compactAtClose) {
                    LOGGER.info("Compacting the embedded database: {} MB of its {} MB are superseded pages",
                            file.deadBytes() >> 20, file.bytes() >> 20);
                    // Writes the live pages to a new file and swaps it in; a stop half-way leaves the old file, which
                    // H2 cleans up on the next open.
                    st.execute("SHUTDOWN COMPACT");
                } else {
                    st.execute("CHECKPOINT SYNC");
                }
            } catch (SQLException e) {
                LOGGER.warn("Could not checkpoint the embedded database: {}", e.getClass().getSimpleName());
            }
        }
        dataSource.close();
        narrowFiles();
    }
}
