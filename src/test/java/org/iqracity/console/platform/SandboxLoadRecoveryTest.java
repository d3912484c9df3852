package org.iqracity.console.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.iqracity.console.platform.store.Database;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new sandbox is loaded in many transactions and its indexes are built outside them, so a platform stopped during
 * its first start leaves a database that is neither empty nor whole. These tests stop a real platform process with
 * SIGKILL part-way through its load and start again on the same folder: the next start must give the same sandbox
 * as a load that was never stopped, or, on a server database, a clear refusal.
 */
class SandboxLoadRecoveryTest {
    /** Two commits of the learners' rows (every 20,000): the first progress line comes half-way through them. */
    private static final int LEARNERS = 40_000;

    @TempDir
    static Path shared;

    /** What a load of {@link #LEARNERS} that was never stopped holds. */
    private static Contents whole;

    @BeforeAll
    static void loadOnceWithoutStopping() throws Exception {
        Path dir = shared.resolve("whole");
        try (Platform platform = Platform.start(config(dir), StartupListener.NONE)) {
            whole = Contents.of(platform.database());
        }
        assertThat(whole.learners).isEqualTo(LEARNERS);
        assertThat(whole.enrollments).isGreaterThan(LEARNERS / 2);
        assertThat(whole.countsAgree).isTrue();
    }

    @Test
    void aLoadKilledWhileWritingRowsIsDiscardedAndLoadedAgainWhole(@TempDir Path dir) throws Exception {
        Process child = startPlatformProcess(dir);
        try {
            awaitLine(child, "Creating sandbox learners");
            // While the first process is loading, a second start on the same folder must not delete its database.
            assertThatThrownBy(() -> Platform.start(config(dir), StartupListener.NONE).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open in another process");
            assertThatThrownBy(() -> Database.embedded(dir).close())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open in another process");
            assertThat(child.isAlive()).isTrue();
        } finally {
            kill(child);
        }
        assertStoppedPartWay(dir);

        assertRestartGivesTheWholeSandbox(dir);
    }

    @Test
    void aLoadKilledWhileBuildingIndexesIsDiscardedAndLoadedAgainWhole(@TempDir Path dir) throws Exception {
        Process child = startPlatformProcess(dir);
        try {
            awaitLine(child, "Indexing the sandbox");
        } finally {
            kill(child);
        }
        assertStoppedPartWay(dir);

        assertRestartGivesTheWholeSandbox(dir);
    }

    @Test
    void aTablesOnlyDatabaseWithoutTheMarkerIsAlsoLoadedAgain(@TempDir Path dir) throws Exception {
        // A load stopped by a version that wrote no marker: the schema at its tables alone, some rows in.
        try (Database db = Database.embedded(dir)) {
            db.migrateTablesOnly();
            new Jdbc(db.dataSource()).update("INSERT INTO member (id, name, created_at) VALUES ('m', 'M', ?)",
                    Instant.EPOCH);
        }
        assertThat(dir.resolve(SandboxLoadMarker.FILE_NAME)).doesNotExist();

        assertRestartGivesTheWholeSandbox(dir);
    }

    @Test
    void aWholeSandboxIsKeptAsItIs(@TempDir Path dir) throws Exception {
        PlatformConfig small = PlatformConfig.embedded(dir, 0).withLearners(1000);
        String secret;
        try (Platform platform = Platform.start(small, StartupListener.NONE)) {
            secret = cursorSecret(platform.database());
        }
        assertThat(dir.resolve(SandboxLoadMarker.FILE_NAME)).doesNotExist();
        try (Platform again = Platform.start(small, StartupListener.NONE)) {
            assertThat(cursorSecret(again.database())).as("the same database, not a new load").isEqualTo(secret);
        }
    }

    @Test
    void aServerDatabaseHoldingAStoppedLoadIsRefusedWithWhatToDo(@TempDir Path dir) throws Exception {
        String url = TestPostgres.freshDatabase("stopped_sandbox_load", null);
        try (Database db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            db.migrateTablesOnly();
            new Jdbc(db.dataSource()).update("INSERT INTO member (id, name, created_at) VALUES ('m', 'M', ?)",
                    Instant.EPOCH);
        }
        PlatformConfig config = config(dir).withDatabase(url, TestPostgres.USER, TestPostgres.PASSWORD, true);

        assertThatThrownBy(() -> Platform.start(config, StartupListener.NONE).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped part-way")
                .hasMessageContaining("Drop it and create it empty")
                .hasMessageNotContaining(TestPostgres.PASSWORD);
        try (Database db = Database.server(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            assertThat(db.holdsTablesOnly()).as("left as it was found").isTrue();
        }
    }

    private static void assertStoppedPartWay(Path dir) {
        assertThat(dir.resolve(SandboxLoadMarker.FILE_NAME))
                .as("the load was stopped before it finished (else this test proves nothing)").exists();
        assertThat(dir.resolve("platform.mv.db")).exists();
    }

    private static void assertRestartGivesTheWholeSandbox(Path dir) throws Exception {
        try (Platform platform = Platform.start(config(dir), StartupListener.NONE)) {
            Contents again = Contents.of(platform.database());
            assertThat(again).isEqualTo(whole);
            assertThat(platform.database().holdsTablesOnly()).isFalse();
        }
        assertThat(dir.resolve(SandboxLoadMarker.FILE_NAME)).doesNotExist();
    }

    private static PlatformConfig config(Path dir) {
        return PlatformConfig.embedded(dir, 0).withLearners(LEARNERS);
    }

    private static String cursorSecret(Database db) {
        return new Jdbc(db.dataSource()).query("SELECT secret FROM platform_secret ORDER BY name",
                rs -> rs.getString(1)).toString();
    }

    /** The platform command in a process of its own, stdout and stderr together. */
    private static Process startPlatformProcess(Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.iqracity.console.app.Launcher", "platform", "--port", "0", "--data", dir.toString(),
                "--learners", Integer.toString(LEARNERS))
                .redirectErrorStream(true)
                .start();
    }

    /** Waits for the process to print a line containing {@code text}; fails if it ends or 120 s pass first. */
    private static void awaitLine(Process process, String text) throws Exception {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (seen) {
                        seen.add(line);
                    }
                    if (line.contains(text)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean ok;
        try {
            ok = found.get(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            ok = false;
        }
        synchronized (seen) {
            assertThat(ok).as("the platform process printed '%s'; it printed %s", text, seen).isTrue();
        }
    }

    private static void kill(Process process) throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    /** Counts, and a digest of every learner and enrollment key, of a platform's sandbox. */
    private record Contents(long learners, long enrollments, long members, long courses, long staff,
                            String digest, boolean countsAgree) {
        static Contents of(Database db) throws Exception {
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                try (ResultSet rs = st.executeQuery("SELECT id, username, status FROM learner ORDER BY id")) {
                    while (rs.next()) {
                        sha.update((rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getString(3) + '\n')
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                try (ResultSet rs = st.executeQuery(
                        "SELECT course_id, learner_id, grade FROM enrollment ORDER BY course_id, learner_id")) {
                    while (rs.next()) {
                        sha.update((rs.getString(1) + '|' + rs.getString(2) + '|' + rs.getDouble(3) + '\n')
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
                boolean agree;
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM course c WHERE c.enrollment_count <> "
                        + "(SELECT COUNT(*) FROM enrollment e WHERE e.course_id = c.id)")) {
                    rs.next();
                    agree = rs.getLong(1) == 0;
                }
                return new Contents(count(st, "learner"), count(st, "enrollment"), count(st, "member"),
                        count(st, "course"), count(st, "staff"), HexFormat.of().formatHex(sha.digest()),
                        agree);
            }
        }

        private static long count(Statement st, String table) throws Exception {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
