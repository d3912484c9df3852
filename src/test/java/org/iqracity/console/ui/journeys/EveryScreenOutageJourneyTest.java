package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Labeled;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.SandboxTemplates;
import org.iqracity.console.platform.StartupListener;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Css;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every screen of a Member administrator and of a security officer, opened while the platform is stopped: each says
 * the platform cannot be reached in its own place (no empty screen, no stack trace, no error window), and each shows
 * its content again once the platform is back on the same port and data, without signing in again.
 */
class EveryScreenOutageJourneyTest extends ConsoleJourney {

    @TempDir
    Path dataDir;
    private Platform platform;
    private int port;

    @AfterEach
    void tearDown() throws Exception {
        closeConsole();
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyScreenOfAMemberAdministratorSaysThePlatformIsGoneAndRecovers() throws Exception {
        start();
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-learners"));
        visitEveryScreenAcrossAnOutage(List.of("#nav-learners", "#nav-courses_tracking", "#nav-sponsor_reports",
                "#nav-exports", "#nav-insights"));
    }

    @Test
    void everyScreenOfASecurityOfficerSaysThePlatformIsGoneAndRecovers() throws Exception {
        start();
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-breach_notices");
        visitEveryScreenAcrossAnOutage(List.of("#nav-breach_notices", "#nav-access_log", "#nav-exports"));
    }

    private void start() throws Exception {
        platform = Platform.start(SandboxTemplates.embedded(300, dataDir), StartupListener.NONE);
        port = platform.baseUri().getPort();
        openConsole(platform.baseUri().toString());
    }

    /**
     * The first screen is open with its content; the platform stops; each other screen, opened for the first time,
     * must say the platform cannot be reached; the platform comes back and every screen shows its content without a
     * touch. (A screen that had its content keeps it while the status bar says the platform is gone:
     * PlatformOutageJourneyTest covers the Learners screen's refresh.)
     */
    private void visitEveryScreenAcrossAnOutage(List<String> screens) throws Exception {
        waitUntil(() -> !unreachableShown() && !loadingShown());
        platform.close();
        platform = null;

        List<String> silent = new ArrayList<>();
        for (String screen : screens.subList(1, screens.size())) {
            clickOn(screen);
            try {
                waitUntil(this::unreachableShown);
            } catch (AssertionError notSaid) {
                silent.add(screen);
            }
            assertThat(otherWindows()).as("no error window over %s", screen).isEmpty();
        }
        assertThat(silent).as("screens that did not say the platform cannot be reached").isEmpty();
        assertThat(console.state().connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);

        platform = Platform.start(PlatformConfig.embedded(dataDir, port).withLearners(300), StartupListener.NONE);
        waitUntil(() -> console.state().connectionProperty().get() == ConnectionState.ONLINE);
        List<String> stuck = new ArrayList<>();
        for (String screen : screens) {
            clickOn(screen);
            try {
                waitUntil(() -> !unreachableShown() && !loadingShown());
            } catch (AssertionError still) {
                stuck.add(screen);
            }
        }
        assertThat(stuck).as("screens still saying the platform cannot be reached once it is back").isEmpty();
        assertThat(otherWindows()).isEmpty();
        assertThat(console.state().signInAgainNeededProperty().get()).as("the session outlived the outage").isFalse();
    }

    private boolean loadingShown() {
        return onFx(() -> lookup(n -> n.getStyleClass().contains(Css.STATE_PANE) && visibleInTree(n)
                && n.lookup(".progress-indicator") != null && visibleInTree(n.lookup(".progress-indicator")))
                .tryQuery().isPresent());
    }

    /** The words of the unreachable state, shown in the screen's own state pane or message (not the status bar). */
    private boolean unreachableShown() {
        return onFx(() -> lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("cannot be reached") && !"connectionState".equals(l.getId())
                && visibleInTree(l)).tryQuery().isPresent());
    }
}
