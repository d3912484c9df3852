package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database appends every commit's chunk at the end of its file (without it, a killed platform lost
 * committed transactions: see {@link Database#embedded(Path)} and the kill soak), and compacts the file when it stops
 * if superseded chunks outweigh the live ones.
 */
class EmbeddedDatabaseFileTest {
    private static final long MIB = 1L << 20;

    @Test
    void r8r12TheEmbeddedDatabaseNeverWritesAChunkIntoFreedSpace(@TempDir Path dir) {
        Database db = Database.embedded(dir);
        try {
            String reuse = new Jdbc(db.dataSource()).query("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                    + "WHERE SETTING_NAME = 'REUSE_SPACE'", rs -> rs.getString(1)).getFirst();
            assertThat(reuse).isEqualToIgnoringCase("false");
        } finally {
            db.close();
        }
    }

    @Test
    void aStopCompactsAFileMostlyMadeOfSupersededChunksAndKeepsEveryRow(@TempDir Path dir) throws Exception {
        Database db = Database.embedded(dir);
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE wide (id INT PRIMARY KEY, pad VARCHAR(400))");
            st.execute("INSERT INTO wide SELECT X, REPEAT('a', 300) FROM SYSTEM_RANGE(1, 20000)");
            // One commit each, as the platform's requests make them: each appends a chunk and supersedes another.
            try (PreparedStatement ps = c.prepareStatement("UPDATE wide SET pad = ? WHERE id = ?")) {
                for (int i = 0; i < 4000; i++) {
                    ps.setString(1, Integer.toString(i).repeat(40));
                    ps.setInt(2, 1 + (i * 7919) % 20000);
                    ps.executeUpdate();
                }
            }
            Database.EmbeddedFile before = Database.embeddedFile(st);
            assertThat(before.worthCompacting()).as("%s", before).isTrue();
        }
        db.close();
        long after = Files.size(dir.resolve("platform.mv.db"));

        Database reopened = Database.embedded(dir);
        try {
            Jdbc jdbc = new Jdbc(reopened.dataSource());
            assertThat(jdbc.query("SELECT COUNT(*) FROM wide", rs -> rs.getLong(1))).containsExactly(20_000L);
            assertThat(jdbc.query("SELECT pad FROM wide WHERE id = ?", rs -> rs.getString(1),
                    1 + (3999 * 7919) % 20000))
                    .containsExactly("3999".repeat(40));
            assertThat(after).as("file after the compacting stop").isLessThan(Database.EmbeddedFile.MIN_DEAD_BYTES);
        } finally {
            reopened.close();
        }
    }

    @Test
    void compactsOnlyWhenTheDeadOutweighTheLiveAndAreNotFew() {
        assertThat(new Database.EmbeddedFile(1000 * MIB, 30).worthCompacting()).isTrue();
        assertThat(new Database.EmbeddedFile(1000 * MIB, 60).worthCompacting()).as("mostly live").isFalse();
        assertThat(new Database.EmbeddedFile(100 * MIB, 30).worthCompacting()).as("70 MB dead").isTrue();
        assertThat(new Database.EmbeddedFile(80 * MIB, 30).worthCompacting()).as("56 MB dead: too few").isFalse();
    }
}
