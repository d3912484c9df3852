package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.Message;
import java.nio.file.Path;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.iqracity.console.api.AccessLogEntryDto;
import org.iqracity.console.api.SponsorReleaseDto;
import org.iqracity.console.api.SponsorReportRowDto;
import org.iqracity.console.platform.Platform;
import org.iqracity.console.platform.PlatformConfig;
import org.iqracity.console.platform.StartupListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A security officer reads and verifies the access log; a Member administrator releases a sponsor report. */
class AccessLogAndSponsorsJourneyTest extends ConsoleJourney {

    @TempDir
    static Path dataDir;
    static Platform platform;

    @BeforeAll
    static void startPlatform() {
        platform = Platform.start(PlatformConfig.embedded(dataDir, 0).withLearners(1500), StartupListener.NONE);
    }

    @AfterAll
    static void stopPlatform() {
        platform.close();
    }

    @BeforeEach
    void open() throws Exception {
        openConsole(platform.baseUri().toString());
    }

    @AfterEach
    void close() throws Exception {
        closeConsole();
    }

    @Test
    void securityOfficerFiltersTheAccessLogByActionAndFindsTheChainIntact() {
        signIn("nb-security", PASSWORD);
        waitUntil(() -> shows("#totp"));
        fill("#totp", Totp.now("JBSWY3DPEHPK3PXP"));
        clickOn("#verify");
        waitUntil(() -> shows("#nav-access_log"));

        clickOn("#nav-access_log");
        waitUntil(() -> present("#accessLogTable"));
        @SuppressWarnings("unchecked")
        TableView<AccessLogEntryDto> table = find("#accessLogTable", TableView.class);
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty());

        @SuppressWarnings("unchecked")
        ComboBox<String> action = find("#actionFilter", ComboBox.class);
        interact(() -> action.setValue("SIGN_IN"));
        waitUntil(() -> table.isVisible() && !table.getItems().isEmpty()
                && table.getItems().stream().allMatch(e -> e.action().equals("SIGN_IN")));
        assertThat(onFx(() -> table.getItems().stream().anyMatch(e -> e.actor().equals("nb-security")))).isTrue();

        clickOn("#verifyChain");
        waitUntil(() -> shows("#verdict"));
        Message verdict = find("#verdict", Message.class);
        assertThat(onFx(verdict::getTitle)).isEqualTo("The access log is intact");
        assertThat(onFx(verdict::getDescription)).startsWith("All ").contains("entries are intact");
    }

    @Test
    void memberAdministratorReleasesASponsorReportAndSeesItInTheHistory() {
        signIn("nb-admin", PASSWORD);
        waitUntil(() -> shows("#nav-sponsor_reports"));

        clickOn("#nav-sponsor_reports");
        waitUntil(() -> present("#sponsorTree"));
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = find("#sponsorTree", TreeView.class);
        waitUntil(() -> tree.isVisible() && !tree.getRoot().getChildren().isEmpty());
        interact(() -> {
            TreeItem<Object> course = tree.getRoot().getChildren().getFirst().getChildren().getFirst();
            tree.getSelectionModel().select(course);
        });

        @SuppressWarnings("unchecked")
        TableView<SponsorReportRowDto> report = find("#sponsorReportTable", TableView.class);
        waitUntil(() -> shows("#sponsorReportTable") && report.getParent().isVisible() && !report.getItems().isEmpty());
        assertThat(shows("#withheldNote")).isTrue();
        @SuppressWarnings("unchecked")
        TableView<SponsorReleaseDto> history = find("#releaseHistory", TableView.class);
        int before = onFx(() -> history.getItems().size());

        clickOn("#releaseReport");
        waitUntil(() -> shows("#confirmRelease"));
        clickOn("#confirmRelease");

        waitUntil(() -> history.getItems().size() == before + 1);
        assertThat(shows("#sponsorNotice")).isTrue();
        assertThat(onFx(() -> history.getItems().getFirst().rowCount())).isEqualTo(report.getItems().size());
    }
}
