package org.iqracity.console.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database that does not open says why in a sentence a person can act on (the platform command prints it as it
 * is), without the password or the URL's parameters. A database held by another process is covered where a second
 * process holds one: {@code SandboxLoadRecoveryTest}.
 */
class DatabaseOpenErrorsTest {

    @Test
    void noServerAtTheAddressSaysWhereAndWhyWithoutCredentials() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort(); // free once closed: nothing listens there
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/iqracity?password=url-secret-1&ssl=false";

        assertThatThrownBy(() -> Database.server(url, "platform", "flag-secret-2").close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database at jdbc:postgresql://127.0.0.1:" + port
                        + "/iqracity:")
                .hasMessageContaining("refused")
                .hasMessageNotContaining("url-secret-1")
                .hasMessageNotContaining("flag-secret-2");
    }

    @Test
    void anEmbeddedDatabaseThatIsNotOneSaysWhichFolder(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("platform.mv.db"), "not an H2 file, a file cut short or overwritten");

        assertThatThrownBy(() -> Database.embedded(dir).close())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the database at the data folder " + dir.toAbsolutePath()
                        + ": its file is damaged, or is not a database this version can read.")
                .satisfies(e -> assertThat(e.getMessage()).as("no H2 error-code suffix").doesNotMatch(
                        "(?s).*\\[\\d+-\\d+]$"));
    }

    @Test
    void deletingAnEmbeddedDatabaseRemovesItsFilesAndOnlyThem(@TempDir Path dir) throws IOException {
        try (Database db = Database.embedded(dir)) {
            db.migrateTablesOnly();
        }
        Path other = Files.writeString(dir.resolve("notes.txt"), "kept");
        assertThat(dir.resolve("platform.mv.db")).exists();

        Database.deleteEmbedded(dir);

        assertThat(dir.resolve("platform.mv.db")).doesNotExist();
        assertThat(other).hasContent("kept");
        try (Database db = Database.embedded(dir)) {
            assertThat(db.isEmpty()).isTrue();
        }
    }

    @Test
    void anEmbeddedDatabaseOpenHereIsNotDeleted(@TempDir Path dir) {
        try (Database db = Database.embedded(dir)) {
            db.migrateTablesOnly();
            assertThatThrownBy(() -> Database.deleteEmbedded(dir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("open in another process");
            assertThat(db.holdsTablesOnly()).isTrue();
        }
        assertThat(dir.resolve("platform.mv.db")).exists();
    }
}
