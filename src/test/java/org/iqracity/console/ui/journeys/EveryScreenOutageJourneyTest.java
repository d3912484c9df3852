package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
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

    private void visitEveryScreenAcrossAnOutage(List<String> screens) throws Exception {
        for (String screen : screens) {
            clickOn(screen);
            waitUntil(() -> !unreachableShown());
        }
        platform.close();
        platform = null;

        List<String> silent = new ArrayList<>();
        for (String screen : screens) {
            clickOn(screen);
            // a screen asks the platform when it opens (or on Refresh): it must say, in its place, what is wrong
            refreshIfOffered();
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
        for (String screen : screens) {
            clickOn(screen);
            refreshIfOffered();
            waitUntil(() -> !unreachableShown());
            assertThat(otherWindows()).isEmpty();
        }
        assertThat(console.state().signInAgainNeededProperty().get()).as("the session outlived the outage").isFalse();
    }

    /** The words of the unreachable state, shown in the screen's own state pane or message (not the status bar). */
    private boolean unreachableShown() {
        return onFx(() -> lookup(n -> n instanceof Labeled l && l.getText() != null
                && l.getText().contains("cannot be reached") && !"connectionState".equals(l.getId())
                && visibleInTree(l)).tryQuery().isPresent());
    }

    private static boolean visibleInTree(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Screens whose content was loaded before keep it until asked again: ask, as a person would. */
    private void refreshIfOffered() {
        onFx(() -> {
            lookup(n -> n instanceof javafx.scene.control.Button b && "Refresh".equals(b.getText()) && visibleInTree(b)
                    && !b.isDisabled() && !b.getStyleClass().contains(Css.STATE_PANE)).tryQuery()
                    .ifPresent(n -> ((javafx.scene.control.Button) n).fire());
            return null;
        });
    }

    private List<String> otherWindows() {
        return onFx(() -> Window.getWindows().stream().filter(w -> w.isShowing() && w != console.stage())
                .map(w -> w.getClass().getSimpleName()).toList());
    }
}
