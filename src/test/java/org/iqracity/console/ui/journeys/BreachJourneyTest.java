package org.iqracity.console.ui.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.ui.breach.DraftViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A breach notice from a new incident to every learner notified, through the real window against the real platform:
 * one officer drafts and submits, is refused as approver, a second officer approves, the first sends and watches.
 */
class BreachJourneyTest extends ConsoleJourney {

    @RegisterExtension
    static final SandboxPlatform sandbox = SandboxPlatform.withLearners(800);

    @Test
    void draftSubmitApproveByASecondOfficerSendAndFollowTheDeliveries() {
        signInWithCode(OFFICER, OFFICER_TOTP, "#nav-breach_notices");
        clickOn("#nav-breach_notices");
        waitUntil(() -> shows("#breachView"));

        // Facts: the incident reaches the platform when the person moves on.
        clickOn("#newIncident");
        waitUntil(() -> shows("#factsStep"));
        fill("#incidentTitle", "Journey: reporting server left open");
        fill("#whatHappened", "A reporting server was reachable without a password for two days.");
        fill("#contact", "the Northbridge privacy office, phone 555 0100");
        clickOn("#flowNext");

        // Scope: nothing is chosen, so nothing is counted; every course on purpose, then one course, and the counts
        // follow.
        waitUntil(() -> shows("#scopeStep"));
        @SuppressWarnings("unchecked")
        ListView<DraftViewModel.CourseChoice> courses = find("#scopeCourses", ListView.class);
        waitUntil(() -> !courses.getItems().isEmpty());
        assertThat(countText("#scopeCountsLearners")).isEqualTo("\u2014");
        clickOn("#scopeByFilter");
        clickOn("#scopeEveryCourse");
        waitUntil(() -> !countText("#scopeCountsLearners").equals("\u2014"));
        String allLearners = countText("#scopeCountsLearners");
        assertThat(onFx(() -> find("#scopeReach", Label.class).getText())).contains(allLearners);
        interact(() -> courses.getItems().getFirst().selectedProperty().set(true));
        waitUntil(() -> !countText("#scopeCountsLearners").equals(allLearners)
                && !countText("#scopeCountsLearners").equals("\u2014"));
        assertThat(Long.parseLong(countText("#scopeCountsLearners").replace(",", ""))).isPositive();
        shot("real-scope");

        // Channels: the jurisdiction table from the preview.
        clickOn("#flowNext");
        waitUntil(() -> shows("#channelsStep"));
        @SuppressWarnings("unchecked")
        TableView<DraftViewModel.JurisdictionRow> jurisdictions = find("#jurisdictionTable", TableView.class);
        waitUntil(() -> !jurisdictions.getItems().isEmpty());
        shot("real-channels");

        // Notice: the template with its headings, and one learner's copy from the platform.
        clickOn("#flowNext");
        waitUntil(() -> shows("#noticeStep"));
        TextInputControl body = find("#noticeBody", TextInputControl.class);
        assertThat(onFx(() -> body.getText())).contains("# What happened", "# What you can do", "{{learner_name}}");
        TextInputControl text = find("#messageText", TextInputControl.class);
        waitUntil(() -> !text.getText().isBlank());
        assertThat(onFx(() -> text.getText())).doesNotContain("{{learner_name}}", "{{member_name}}");
        shot("real-notice");

        // Submit; the author is told another officer must approve, and never gets an enabled Approve.
        clickOn("#flowNext");
        waitUntil(() -> shows("#submitStep"));
        clickOn("#submitDraft");
        waitUntil(() -> shows("#reviewPane") && shows("#approveNotice"));
        assertThat(shows("#authorNote")).isTrue();
        assertThat(onFx(() -> find("#approveNotice", Button.class).isDisabled())).isTrue();

        // A second officer approves exactly what the fingerprints name.
        PlatformClient second = signedInClient(sandbox.platform(), SECOND_OFFICER, SECOND_OFFICER_TOTP);
        IncidentSummaryDto mine = second.breach().incidents().stream()
                .filter(i -> i.title().equals("Journey: reporting server left open")).findFirst().orElseThrow();
        IncidentDto submitted = second.breach().incident(mine.id()).value();
        assertThat(submitted.state()).isEqualTo(IncidentState.SUBMITTED);
        // Short enough to compare by eye: the first 16 characters in groups of four, the whole in the tooltip.
        String full = submitted.textFingerprint();
        assertThat(onFx(() -> find("#textFingerprint", TextInputControl.class).getText())).isEqualTo(
                String.join(" ", full.substring(0, 4), full.substring(4, 8), full.substring(8, 12),
                        full.substring(12, 16)));
        assertThat(onFx(() -> find("#textFingerprint", TextInputControl.class).getTooltip().getText()))
                .contains(full);
        second.breach().approve(mine.id(), submitted.textFingerprint(), submitted.recipientsFingerprint());

        // Back in the console: reload, send after confirming the counts, and follow the progress to the end.
        clickOn("#reloadOpenIncident");
        waitUntil(() -> shows("#sendNotices"));
        clickOn("#sendNotices");
        waitUntil(() -> present("#sendDialogOk"));
        assertThat(onFx(() -> find("#sendDialogOk", Button.class).getText()))
                .matches("Send (\\d+ emails?|now)");
        clickOn("#sendDialogOk");
        waitUntil(() -> find("#sendProgressText", Label.class).getText().startsWith("Finished"), 120);

        @SuppressWarnings("unchecked")
        TableView<DeliveryDto> deliveries = find("#deliveryTable", TableView.class);
        @SuppressWarnings("unchecked")
        ComboBox<DeliveryStatus> status = find("#deliveryStatusFilter", ComboBox.class);
        interact(() -> status.setValue(DeliveryStatus.SENT));
        waitUntil(() -> !deliveries.getItems().isEmpty()
                && deliveries.getItems().stream().allMatch(d -> d.status() == DeliveryStatus.SENT));
        shot("real-sent");
        assertThat(second.breach().incident(mine.id()).value().state()).isEqualTo(IncidentState.SENT);
        List<DeliveryDto> sent = second.breach().deliveries(mine.id(), DeliveryStatus.SENT, null, null, 500).items();
        assertThat(sent).extracting(DeliveryDto::learnerId).doesNotHaveDuplicates();
    }

    private String countText(String query) {
        return onFx(() -> lookup(query).tryQuery().map(n -> ((Label) n).getText()).orElse(""));
    }

    private static void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS,
                    () -> onFx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("the console did not get there in " + seconds + " seconds", e);
        }
    }
}
