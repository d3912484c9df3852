package org.iqracity.console.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.Test;

class ShellViewModelTest {

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));

    private ShellViewModel shellFor(Role... roles) {
        platform.roles = List.of(roles);
        app.signedIn(new Session(platform, platform.me("someone")));
        return new ShellViewModel(app, tasks, Messages.english());
    }

    @Test
    void courseAdministratorSeesLearnersCoursesExportsAndInsightsOnly() {
        assertThat(shellFor(Role.COURSE_ADMIN).destinations())
                .containsExactly(Destination.LEARNERS, Destination.COURSES_TRACKING, Destination.EXPORTS,
                        Destination.INSIGHTS);
    }

    @Test
    void securityOfficerSeesBreachNoticesAccessLogAndExportsForResearchOnly() {
        assertThat(shellFor(Role.SECURITY_OFFICER).destinations())
                .containsExactly(Destination.BREACH_NOTICES, Destination.ACCESS_LOG, Destination.EXPORTS);
    }

    @Test
    void memberAdministratorAlsoSeesSponsorReports() {
        assertThat(shellFor(Role.MEMBER_ADMIN, Role.COURSE_ADMIN).destinations())
                .containsExactly(Destination.LEARNERS, Destination.COURSES_TRACKING, Destination.SPONSOR_REPORTS,
                        Destination.EXPORTS, Destination.INSIGHTS);
    }

    @Test
    void shortcutNumberSelectsTheNthAllowedPlace() {
        ShellViewModel shell = shellFor(Role.SECURITY_OFFICER);

        shell.goTo(2);
        assertThat(shell.selectedProperty().get()).isEqualTo(Destination.ACCESS_LOG);
        shell.goTo(5);
        assertThat(shell.selectedProperty().get()).isEqualTo(Destination.ACCESS_LOG);
        shell.goTo(3);
        assertThat(shell.selectedProperty().get()).isEqualTo(Destination.EXPORTS);
    }

    @Test
    void signOutRevokesTheSessionAndSignsOut() {
        ShellViewModel shell = shellFor(Role.COURSE_ADMIN);

        shell.signOut();

        assertThat(platform.signOuts).isEqualTo(1);
        assertThat(app.session()).isNull();
    }

    @Test
    void signOutEndsLocallyEvenWhenThePlatformIsGone() {
        ShellViewModel shell = shellFor(Role.COURSE_ADMIN);
        FakePlatformClient gone = new FakePlatformClient(URI.create("http://127.0.0.1:1")) {
            @Override
            public void signOut() {
                throw new PlatformUnreachableException("down", null);
            }
        };
        app.signedIn(new Session(gone, gone.me("x")));

        new ShellViewModel(app, tasks, Messages.english()).signOut();

        assertThat(app.session()).isNull();
        assertThat(shell).isNotNull();
    }

    @Test
    void watcherTellsWhenThePlatformIsBack() {
        shellFor(Role.COURSE_ADMIN);
        new ConnectionWatcher(app, tasks, Duration.ofSeconds(2), Duration.ofSeconds(15));
        tasks.runScheduled();
        assertThat(platform.healthChecks).isEqualTo(1);
        platform.failNext = new PlatformUnreachableException("down", null);

        app.report(new PlatformUnreachableException("down", null));
        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        tasks.runScheduled();
        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        tasks.runScheduled();

        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.ONLINE);
        assertThat(platform.healthChecks).isEqualTo(3);
    }

    @Test
    void heartbeatNoticesAPlatformThatWentAwayWhileIdle() {
        shellFor(Role.COURSE_ADMIN);
        new ConnectionWatcher(app, tasks, Duration.ofSeconds(2), Duration.ofSeconds(15));
        platform.failNext = new PlatformUnreachableException("down", null);

        tasks.runScheduled();

        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.OFFLINE);
        assertThat(tasks.pendingScheduled()).isEqualTo(1);
        tasks.runScheduled();
        assertThat(app.connectionProperty().get()).isEqualTo(ConnectionState.ONLINE);
        assertThat(tasks.pendingScheduled()).isEqualTo(1);
    }

    @Test
    void anOfficerIsToldOfEachNoticeThatStartsWaitingForTheirApproval() {
        platform.breach.seed("Lost backup tape", IncidentState.SUBMITTED,
                FakeBreach.NOW.minus(Duration.ofHours(3)));
        ShellViewModel shell = shellFor(Role.SECURITY_OFFICER);

        assertThat(shell.awaitingApprovalProperty().get()).isEqualTo(1);
        assertThat(shell.approvalNoticeProperty().get()).contains("Lost backup tape")
                .contains("waits for your approval");
        shell.dismissApprovalNotice();

        // Asked again later: the same notice is not announced twice.
        assertThat(tasks.runScheduled()).isPositive();
        assertThat(shell.awaitingApprovalProperty().get()).isEqualTo(1);
        assertThat(shell.approvalNoticeProperty().get()).isNull();

        // A new one is; a draft does not wait for anyone.
        platform.breach.seed("Stolen laptop", IncidentState.SUBMITTED,
                FakeBreach.NOW.minus(Duration.ofHours(1)));
        platform.breach.seed("Still a draft", IncidentState.DRAFT,
                FakeBreach.NOW.minus(Duration.ofHours(1)));
        tasks.runScheduled();
        assertThat(shell.awaitingApprovalProperty().get()).isEqualTo(2);
        assertThat(shell.approvalNoticeProperty().get()).contains("Stolen laptop").doesNotContain("Lost backup tape");

        shell.dispose();
        assertThat(tasks.pendingScheduled()).as("no more asking once signed out").isZero();
    }

    @Test
    void theNotificationGoesOnceNothingWaitsAnyMoreOrTheOfficerOpensBreachNotices() {
        IncidentDto waiting = platform.breach.seed("Lost backup tape", IncidentState.SUBMITTED,
                FakeBreach.NOW.minus(Duration.ofHours(3)));
        ShellViewModel shell = shellFor(Role.SECURITY_OFFICER, Role.MEMBER_ADMIN);
        assertThat(shell.approvalNoticeProperty().get()).contains("Lost backup tape");

        // another officer of the Member cancels it: nothing waits, and the notification does not stay behind
        platform.breach.cancel(waiting.id(), "sent to the wrong queue");
        tasks.runScheduled();
        assertThat(shell.awaitingApprovalProperty().get()).isZero();
        assertThat(shell.approvalNoticeProperty().get()).isNull();

        platform.breach.seed("Stolen laptop", IncidentState.SUBMITTED, FakeBreach.NOW.minus(Duration.ofHours(1)));
        tasks.runScheduled();
        assertThat(shell.approvalNoticeProperty().get()).contains("Stolen laptop");
        shell.selectedProperty().set(Destination.BREACH_NOTICES);
        assertThat(shell.approvalNoticeProperty().get()).as("the officer is looking at it").isNull();
        assertThat(shell.awaitingApprovalProperty().get()).as("the badge still counts it").isEqualTo(1);
        shell.dispose();
    }

    @Test
    void aNoticeTheOfficerWroteOrOnlyACourseAdministratorNeverRaisesTheBadge() {
        platform.breach.seed("Sent already", IncidentState.SENT,
                FakeBreach.NOW.minus(Duration.ofHours(3)));
        ShellViewModel officer = shellFor(Role.SECURITY_OFFICER);
        assertThat(officer.awaitingApprovalProperty().get()).isZero();
        assertThat(officer.approvalNoticeProperty().get()).isNull();
        officer.dispose();

        int reads = platform.breach.listReads;
        ShellViewModel admin = shellFor(Role.COURSE_ADMIN);
        assertThat(admin.awaitingApprovalProperty().get()).isZero();
        assertThat(platform.breach.listReads).as("a course administrator's console never asks").isEqualTo(reads);
    }
}
