package org.iqracity.console.platform;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.iqracity.console.platform.sandbox.SandboxGenerator;
import org.iqracity.console.platform.service.auth.PasswordHasher;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an opened database to the schema this version serves and, for a sandbox, to its data. An empty database that
 * is to hold a sandbox is loaded in bulk: the tables first, the rows, then the indexes, under a marker that says the
 * load is not whole yet ({@link SandboxLoadMarker}). A production database is migrated and nothing else.
 */
final class SandboxLoad {
    private static final Logger LOGGER = LoggerFactory.getLogger(SandboxLoad.class);

    private final Database database;
    private final PlatformConfig config;
    private final SandboxLoadMarker marker;
    private final boolean bulk;

    private SandboxLoad(Database database, PlatformConfig config, SandboxLoadMarker marker, boolean bulk) {
        this.database = database;
        this.config = config;
        this.marker = marker;
        this.bulk = bulk;
    }

    /** Migrates the schema and, when the configuration asks for a sandbox that is not there yet, seeds it. */
    static SandboxLoad prepare(Database database, PlatformConfig config, StartupListener listener, Clock clock,
                               PasswordHasher hasher) {
        listener.progress("Preparing the database", 0.05);
        Database.Schema schema = database.schema();
        boolean bulk = config.sandbox() && schema == Database.Schema.EMPTY;
        SandboxLoadMarker marker = config.embeddedDatabase() ? SandboxLoadMarker.in(config.dataDir()) : null;
        SandboxLoad load = new SandboxLoad(database, config, marker, bulk);
        load.migrate(schema, clock);
        if (config.sandbox()) {
            load.seed(listener, hasher);
        }
        return load;
    }

    private void migrate(Database.Schema schema, Clock clock) {
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
    }

    private void seed(StartupListener listener, PasswordHasher hasher) {
        if (SandboxGenerator.isSeeded(database)) {
            sizeNote().ifPresent(note -> {
                LOGGER.warn(note);
                listener.progress(note, 0.06);
            });
            return;
        }
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

    /** The last step, once the master key is known: the sandbox staff's sealed secrets; then the load is whole. */
    void finish(SecretBox box) {
        if (config.sandbox()) {
            SandboxGenerator.finishStaff(database, box);
        }
        if (bulk && marker != null) {
            marker.finish();
        }
    }

    /**
     * A sandbox is made once, in an empty folder or database: a start asking for another size gets the one there, and
     * is told so (else {@code --learners 1000000} on a folder of 20,000 looks like a fast load of a million).
     */
    private Optional<String> sizeNote() {
        long held = new Jdbc(database.dataSource()).queryOne("SELECT COUNT(*) FROM learner", rs -> rs.getLong(1))
                .orElse(0L);
        if (held == config.learners()) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "The sandbox here holds %,d learners, not the %,d asked for: "
                + "a sandbox is made once, into an empty data folder or database", held, config.learners()));
    }
}
