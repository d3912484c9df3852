package org.iqracity.console.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.iqracity.console.testing.RunScoped;

/**
 * PostgreSQL for tests: the server named by {@code TEST_PG_URL} when set (CI can point at a real one), otherwise
 * an embedded PostgreSQL started once per run.
 */
public final class TestPostgres {
    public static final String USER = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("TEST_PG_PASSWORD", "postgres");
    private static EmbeddedPostgres embedded;

    private TestPostgres() {
    }

    public static synchronized String jdbcUrl() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (embedded == null) {
            try {
                // stopped when the run ends, with its data folder, before the run looks for left-over temporary files
                embedded = RunScoped.closeAtEnd(EmbeddedPostgres.builder().start());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return embedded.getJdbcUrl(USER, "postgres");
    }

    /**
     * The database the run's shared PostgreSQL platform seeds once and keeps: the embedded server's own, which each
     * test JVM starts for itself; on a server named by {@code TEST_PG_URL}, one database per test JVM (surefire runs
     * two side by side), made when missing, so that two JVMs never seed one database at once.
     */
    public static synchronized String sharedDatabase() throws SQLException {
        String admin = jdbcUrl();
        if (embedded != null) {
            return admin;
        }
        String name = "console_tests_jvm" + Integer.getInteger("console.test.fork", 1);
        URI server = URI.create(admin.substring("jdbc:".length()));
        try (Connection su = DriverManager.getConnection(admin, USER, PASSWORD);
             PreparedStatement exists = su.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement st = su.createStatement()) {
                        st.execute("CREATE DATABASE " + name);
                    }
                }
            }
        }
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + name;
    }

    /**
     * A new, empty database of that name on the test server (dropped first if a run left one), owned by {@code owner}
     * or the superuser when null. Returns its URL, without the query string: the embedded server's URL names its
     * superuser, which would win over another user's credentials.
     */
    public static String freshDatabase(String name, String owner) throws SQLException {
        String admin = jdbcUrl();
        URI server = URI.create(admin.substring("jdbc:".length()));
        try (Connection su = DriverManager.getConnection(admin, USER, PASSWORD);
             Statement st = su.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name);
            st.execute("CREATE DATABASE " + name + (owner == null ? "" : " OWNER " + owner));
        }
        return "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + name;
    }
}
