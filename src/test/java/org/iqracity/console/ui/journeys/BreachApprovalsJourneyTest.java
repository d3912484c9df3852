package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.platform.store.Jdbc;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nobody waits unknowingly: a notice one officer submits shows, for the other officer, as a badge on Breach notices
 * and a notification the moment they sign in; and the regulator's clock stops when an officer records that the
 * supervisory authority was notified. Through the real window against the real platform.
 */
class BreachApprovalsJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(800);
    static String incidentId;

    @BeforeAll
    static void submitAnIncidentForTheSecondOfficer() {
        PlatformClient author = signedInClient(sandbox.platform(), OFFICER, OFFICER_TOTP);
        String course = new Jdbc(sandbox.platform().database().dataSource()).queryOne("SELECT id FROM course WHERE "
                + "member_id = 'northbridge' ORDER BY enrollment_count, id", rs -> rs.getString(1)).orElseThrow();
        Instant discovered = Instant.now().minus(Duration.ofHours(30));
        IncidentDto draft = author.breach().create(new IncidentRequest("Lost backup tape", discovered, null, null,
                "A backup tape with course records was lost in transit.", List.of(DataCategory.NAME,
                DataCategory.EMAIL), "Backups", "The courier is searching; the tape is encrypted.",
                "Nothing needed; we will write again.", "privacy@northbridge.example",
                new BreachScope(ScopeMode.FILTER, List.of(course), null, null, List.of(), List.of()), null, null))
                .value();
        author.breach().submit(draft.id());
        incidentId = draft.id();
    }

    @Test
    void theSecondOfficerSeesWhatWaitsForThemAndRecordsTheAuthoritysNotification() {
        signInWithCode(SECOND_OFFICER, SECOND_OFFICER_TOTP, "#nav-breach_notices");

        // The badge counts what waits for this officer; the notification names it.
        waitUntil(() -> shows("#approvalBadge") && shows("#approvalNotification"));
        assertThat(onFx(() -> find("#approvalBadge", Label.class).getText())).isEqualTo("1");
        assertThat(onFx(() -> find("#approvalNotification", atlantafx.base.controls.Notification.class)
                .getMessage())).contains("Lost backup tape").contains("waits for your approval");
        shot("approval-badge");

        clickOn("#openApprovals");
        waitUntil(() -> shows("#breachView") && !shows("#approvalNotification"));
        waitUntil(() -> shows("#incident-" + incidentId));
        clickOn("#incident-" + incidentId);
        waitUntil(() -> shows("#recordRegulator"));
        assertThat(onFx(() -> find("#incidentClock", Label.class).getText())).endsWith("left");

        clickOn("#recordRegulator");
        waitUntil(() -> present("#regulatorDialog"));
        assertThat(onFx(() -> find("#regulatorDialogOk", Button.class).isDisabled()))
                .as("no authority named yet").isTrue();
        fill("#regulatorAuthority", "Office of the Data Protection Commissioner");
        fill("#regulatorReference", "ODPC-2026-0042");
        dialogShot("#regulatorDialog", "regulator-dialog");
        clickOn("#regulatorDialogOk");

        waitUntil(() -> find("#incidentClock", Label.class).getText().startsWith("Authority notified "));
        assertThat(onFx(() -> find("#incidentDates", Label.class).getText()))
                .startsWith("Office of the Data Protection Commissioner, reference ODPC-2026-0042");
        assertThat(onFx(() -> find("#incident-" + incidentId, Node.class).lookupAll(".label").stream()
                .map(n -> ((Label) n).getText()).toList())).contains("Authority notified");
        assertThat(shows("#recordRegulator")).as("recorded once").isFalse();
        shot("regulator-recorded");
        // the same screen at 1366x768 too: the badge and the stopped clock stay in view
        for (int[] size : new int[][] {{1366, 768}}) {
            interact(() -> {
                Window w = find("#incidentClock", Label.class).getScene().getWindow();
                w.setWidth(size[0]);
                w.setHeight(size[1]);
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(shows("#approvalBadge") && shows("#incidentClock")).isTrue();
            shot("regulator-recorded-" + size[0] + "x" + size[1]);
        }
    }

    /** A dialog is a window of its own: its scene, saved like {@link #shot}. */
    private void dialogShot(String query, String name) {
        String dir = System.getProperty("journey.shots");
        if (dir == null) {
            return;
        }
        WritableImage image = onFx(() -> lookup(query).query().getScene().snapshot(null));
        BufferedImage out = new BufferedImage((int) image.getWidth(),
                (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(Path.of(dir));
            ImageIO.write(out, "png", Path.of(dir, name + ".png").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
