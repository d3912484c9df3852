package org.iqracity.console.platform.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The platform's connection pool and schema, on embedded H2 or on PostgreSQL. */
public final class Database implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** An embedded H2 database in files under {@code dir}. */
    public static Database embedded(Path dir) {
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("platform")
                + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=262144;LOCK_TIMEOUT=10000";
        return open(url, "sa", "", 16);
    }

    /** A server database, e.g. {@code jdbc:postgresql://host/db}. */
    public static Database server(String url, String user, String password) {
        return open(url, user, password, 24);
    }

    private static Database open(String url, String user, String password, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("platform");
        config.setAutoCommit(true);
        boolean postgres = url.startsWith("jdbc:postgresql:");
        if (postgres) {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource ds = new HikariDataSource(config);
        return new Database(ds, postgres);
    }

    /** Brings the schema up to date. */
    public void migrate() {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .javaMigrations(new V2__PrefixSearchIndexes())
                .load()
                .migrate();
        LOGGER.info("Database schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                result.migrationsExecuted);
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

    /** Whether the database answers a trivial query right now. */
    public boolean isUp() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (!postgres) {
            try (Connection c = dataSource.getConnection(); var st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            } catch (SQLException e) {
                LOGGER.warn("Could not checkpoint the embedded database: {}", e.getClass().getSimpleName());
            }
        }
        dataSource.close();
    }
}
