package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a commit on the embedded database promises when the process is killed right after it (SIGKILL, the OOM
 * killer): every committed row is there after the restart. The access log (R12) depends on it: an answer with
 * learner data leaves only after its entry is committed.
 */
class EmbeddedDatabaseDurabilityTest {
    static final int ROWS = 300;

    /** Run in a child JVM: commits rows one by one and halts without any shutdown or checkpoint. */
    public static void main(String[] args) throws SQLException {
        Database db = Database.embedded(Path.of(args[0]));
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE committed_rows (id INT PRIMARY KEY)");
            for (int i = 0; i < ROWS; i++) {
                st.execute("INSERT INTO committed_rows VALUES (" + i + ")");
            }
        }
        System.out.println("committed " + ROWS);
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }

    @Test
    void everyCommittedRowSurvivesAKilledProcess(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, EmbeddedDatabaseDurabilityTest.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isEqualTo(137);
        assertThat(output).contains("committed " + ROWS);

        Database db = Database.embedded(dir);
        try {
            List<Long> count = new Jdbc(db.dataSource()).query("SELECT COUNT(*) FROM committed_rows",
                    rs -> rs.getLong(1));
            assertThat(count).containsExactly((long) ROWS);
        } finally {
            db.close();
        }
    }
}
