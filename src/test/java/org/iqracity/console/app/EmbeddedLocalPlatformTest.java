package org.iqracity.console.app;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.PlatformConnector;
import org.iqracity.console.platform.SandboxTemplates;
import org.iqracity.console.ui.common.LocalPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's sandbox says why it did not start, in the sentences the sign-in screen shows; a restart brings it back
 * where the console's session expects it.
 */
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
    void aRestartedSandboxServesAtTheSameAddressWithItsDataAndTheSessionStaysGood(@TempDir Path dir)
            throws Exception {
        EmbeddedLocalPlatform local = new EmbeddedLocalPlatform(SandboxTemplates.embedded(300, dir));
        try {
            URI before = local.start((stage, fraction) -> { });
            PlatformClient client = PlatformConnector.overHttp().connect(before);
            client.signIn("nb-admin", "sandbox-password", null);
            List<String> courses = client.courses().all().stream().map(CourseDto::id).toList();

            URI after = local.restart((stage, fraction) -> { });

            Assertions.assertThat(after).isEqualTo(before);
            Assertions.assertThat(client.me().username()).isEqualTo("nb-admin");
            Assertions.assertThat(client.courses().all().stream().map(CourseDto::id).toList())
                    .isNotEmpty().isEqualTo(courses);
        } finally {
            local.stop();
        }
    }

    @Test
    void aRestartWhoseAddressAnotherProgramTookServesOnAFreePort(@TempDir Path dir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            EmbeddedLocalPlatform local = new EmbeddedLocalPlatform(
                    SandboxTemplates.embedded(300, dir).withPort(taken.getLocalPort()));
            try {
                URI after = local.restart((stage, fraction) -> { });

                Assertions.assertThat(after.getPort()).isNotEqualTo(taken.getLocalPort()).isPositive();
                PlatformClient client = PlatformConnector.overHttp().connect(after);
                Assertions.assertThat(client.signIn("nb-admin", "sandbox-password", null)).isNotNull();
            } finally {
                local.stop();
            }
        }
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
