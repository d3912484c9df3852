package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java migrations moved from {@code platform/store} to {@code platform/store/migrations}: a database whose
 * history names them by their old classes (every data folder and server migrated before the move) still opens and
 * migrates, since Flyway checks a migration's version, description, type and checksum, not its class's name.
 */
class MovedMigrationsTest {
    private static final String OLD = "org.iqracity.console.platform.store.";
    private static final String NEW = OLD + "migrations.";
    private static final String HISTORY = "\"flyway_schema_history\"";

    @Test
    void aDatabaseMigratedBeforeTheJavaMigrationsMovedStillOpens(@TempDir Path dir) {
        Database db = Database.embedded(dir);
        try {
            db.migrate();
            Jdbc jdbc = new Jdbc(db.dataSource());
            List<String> scripts = jdbc.query("SELECT \"script\" FROM " + HISTORY + " WHERE \"type\" = 'JDBC'",
                    rs -> rs.getString(1));
            assertThat(scripts).isNotEmpty().allMatch(s -> s.startsWith(NEW));
            assertThat(jdbc.update("UPDATE " + HISTORY + " SET \"script\" = REPLACE(\"script\", ?, ?) "
                    + "WHERE \"type\" = 'JDBC'", NEW, OLD)).isEqualTo(scripts.size());
        } finally {
            db.close();
        }

        Database reopened = Database.embedded(dir);
        try {
            reopened.migrate();
            assertThat(new Jdbc(reopened.dataSource()).query("SELECT COUNT(*) FROM " + HISTORY
                    + " WHERE \"script\" LIKE ?", rs -> rs.getLong(1), OLD + "V%").getFirst()).isPositive();
        } finally {
            reopened.close();
        }
    }
}
