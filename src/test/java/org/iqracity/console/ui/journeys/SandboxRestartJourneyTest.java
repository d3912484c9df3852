package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeView;
import org.iqracity.console.app.EmbeddedLocalPlatform;
import org.iqracity.console.platform.SandboxTemplates;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Job;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status bar restarts the console's own sandbox: asked first, the sandbox stops and comes back with its data at
 * the same address, and the person stays signed in on the screen they were on.
 */
class SandboxRestartJourneyTest extends ConsoleJourney {

    @TempDir
    Path dataDir;
    private EmbeddedLocalPlatform sandbox;

    @AfterEach
    void close() throws Exception {
        try {
            closeConsole();
        } finally {
            if (sandbox != null) {
                sandbox.stop();
            }
        }
    }

    @Test
    void restartingTheSandboxAsksFirstAndKeepsTheSessionAndTheScreen() throws Exception {
        sandbox = new EmbeddedLocalPlatform(SandboxTemplates.embedded(300, dataDir));
        openConsoleWithSandbox(sandbox);
        waitUntil(() -> find("#address", TextField.class)
                .getText().startsWith("http://127.0.0.1:"));
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#sandboxRestart") && shows("#learnerTable"));
        String address = onFx(() -> find("#sandboxAddress", Label.class).getText());
        Session session = console.state().session();
        List<String> jobs = new ArrayList<>();
        onFx(() -> {
            console.state().jobs().addListener((ListChangeListener<Job>) change -> {
                while (change.next()) {
                    change.getAddedSubList().forEach(job -> jobs.add(job.title()));
                }
            });
            return null;
        });

        clickOn("#sandboxRestart");
        waitUntil(() -> present(".dialog-pane"));
        shotWithPopups("sandbox-restart-confirm");
        clickOn("Cancel");
        assertThat(jobs).as("a cancelled restart does nothing").isEmpty();

        clickOn("#sandboxRestart");
        waitUntil(() -> present(".dialog-pane"));
        clickOn("Restart");
        waitUntil(() -> jobs.contains("Restarting the local sandbox"));
        waitUntil(() -> !find("#sandboxRestart", Hyperlink.class).isDisabled()
                && address.equals(find("#sandboxAddress", Label.class).getText()));

        assertThat(console.state().session()).as("still signed in").isSameAs(session);
        // a screen not opened before asks the restarted platform for its content, with the same session
        clickOn("#nav-sponsor_reports");
        waitUntil(() -> shows("#sponsorTree") && find("#sponsorTree", TreeView.class).getRoot() != null
                && !find("#sponsorTree", TreeView.class).getRoot().getChildren().isEmpty());
        assertThat(console.state().connectionProperty().get()).isEqualTo(ConnectionState.ONLINE);
        assertThat(console.state().signInAgainNeededProperty().get()).isFalse();
    }
}
