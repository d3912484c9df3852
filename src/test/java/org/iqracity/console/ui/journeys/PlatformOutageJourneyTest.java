package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.SandboxTemplates;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.learners.LearnerRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform goes away mid-session and comes back on the same port and data: the console says so, then recovers. */
class PlatformOutageJourneyTest extends ConsoleJourney {

    @TempDir
    Path dataDir;
    private Platform platform;

    @AfterEach
    void tearDown() throws Exception {
        closeConsole();
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void lostPlatformIsShownAndTheScreenRecoversWhenItIsBack() throws Exception {
        PlatformConfig config = SandboxTemplates.embedded(2000, dataDir);
        platform = Platform.start(config, StartupListener.NONE);
        int port = platform.baseUri().getPort();
        openConsole(platform.baseUri().toString());
        signIn("nb-ta", PASSWORD);
        waitUntil(() -> present("#learnerTable"));
        @SuppressWarnings("unchecked")
        TableView<LearnerRow> table = find("#learnerTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());

        platform.close();
        platform = null;
        fill("#search", "a");

        waitUntil(() -> console.state().connectionProperty().get() == ConnectionState.OFFLINE);
        waitUntil(() -> find("#connectionState", Label.class).getText().contains("cannot be reached"));
        assertThat(onFx(table::isVisible)).isFalse();
        assertThat(present("The platform cannot be reached. Check the address and your network connection, "
                + "or whether the platform is running. The console keeps trying.")).isTrue();

        platform = Platform.start(PlatformConfig.embedded(dataDir, port).withLearners(2000), StartupListener.NONE);

        waitUntil(() -> console.state().connectionProperty().get() == ConnectionState.ONLINE);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());
        assertThat(find("#connectionState", Label.class).getText()).startsWith("Connected to");
        // people search: "a" starts some word of the username, the name or the email's local part
        assertThat(onFx(() -> List.copyOf(table.getItems()))).allMatch(r -> r.isMore()
                || r.learner().retired() || wordStartsWithA(r.learner().username(), r.learner().name(),
                        r.learner().email().split("@")[0]));
        assertThat(console.state().signInAgainNeededProperty().get()).isFalse();
    }

    private static boolean wordStartsWithA(String... texts) {
        return Arrays.stream(texts).flatMap(t -> Arrays.stream(t.split("[^\\p{L}\\p{N}]+")))
                .anyMatch(w -> w.toLowerCase(Locale.ROOT).startsWith("a"));
    }
}
