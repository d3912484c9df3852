package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.assertj.core.api.Assertions;
import org.iqracity.console.ui.common.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's sandbox says why it did not start, in the sentences the sign-in screen shows. */
class EmbeddedLocalPlatformTest {

    @Test
    void aDatabaseFileThatIsNotOneIsToldWithItsFolderAndWhatToDo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("platform.mv.db"), "overwritten by something else");
        EmbeddedLocalPlatform local = EmbeddedLocalPlatform.inFolder(dir, 1000);

        assertThatThrownBy(() -> local.start((stage, fraction) -> { }))
                .isInstanceOf(LocalPlatform.StartFailure.class)
                .hasMessageStartingWith("Cannot open the database at the data folder " + dir.toAbsolutePath())
                .hasMessageEndingWith("move it away and start again to load a new one.");
        local.stop();
    }

    @Test
    void aFailureWithoutWordsOfItsOwnIsToldByItsKind() {
        var sql = new SQLException("Value too long for column \"NAME\": 'amina k...'", "22001");
        String told = StartFailures.sentences(new RuntimeException("wrapped", sql));

        Assertions.assertThat(told).isEqualTo("A database error (SQL state 22001).");
    }

    @Test
    void aSetUpProblemWrappingAnotherExceptionIsToldByKindNotByTheWrappedMessage() {
        var wrapped = new IllegalStateException(new SQLException("duplicate 'amina.k@example.org'", "23505"));

        Assertions.assertThat(StartFailures.sentences(wrapped))
                .isEqualTo("A database error (SQL state 23505).");
    }
}
