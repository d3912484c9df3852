package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Path;
import java.time.Duration;
import org.iqracity.console.api.SessionDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sandbox} given to a PostgreSQL database its owner has already migrated: the sandbox loads into the schema
 * with its keys and triggers in place. It used to hang at "Creating the sandbox": the search words, written on a
 * connection of their own, waited for the row the enrollments' trigger had updated on the main connection, whose
 * commit waited for the words.
 */
class PostgresSandboxOnMigratedDatabaseTest {

    @Test
    void aSandboxLoadsIntoADatabaseMigratedBeforeAndServes(@TempDir Path dir) throws Exception {
        String url = TestPostgres.freshDatabase("sandbox_on_migrated", null);
        try (Database db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            db.migrate();
        }
        PlatformConfig config = PlatformConfig.embedded(dir, 0).withLearners(300)
                .withDatabase(url, TestPostgres.USER, TestPostgres.PASSWORD, true);

        Platform platform = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> Platform.start(config, StartupListener.NONE), "the sandbox load did not finish");
        try (platform) {
            Jdbc jdbc = new Jdbc(platform.database().dataSource());
            assertThat(jdbc.query("SELECT COUNT(*) FROM learner", rs -> rs.getLong(1))).containsExactly(300L);
            long enrollments = jdbc.query("SELECT COUNT(*) FROM enrollment", rs -> rs.getLong(1)).getFirst();
            assertThat(enrollments).isGreaterThan(150);
            assertThat(jdbc.query("SELECT COUNT(DISTINCT id / 64) FROM enrollment_token", rs -> rs.getLong(1)))
                    .as("every enrollment has its search words").containsExactly(enrollments);
            PlatformClient client = PlatformConnector.overHttp().connect(platform.baseUri());
            SessionDto session = client.signIn("nb-admin", "sandbox-password", null);
            assertThat(session).isNotNull();
            assertThat(client.courses().all()).isNotEmpty();
        }
    }
}
