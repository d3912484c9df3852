package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryDto;
import org.iqracity.console.api.breach.DeliveryResolution;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.RegulatorNotificationRequest;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.BreachClient;
import org.iqracity.console.client.PlatformUnreachableException;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.breach.BreachContext.NoticeAction;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.breach.BreachViewModel.ListState;
import org.iqracity.console.ui.breach.BreachViewModel.Pane;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The breach screen's rules without a toolkit: the flow from a new incident to every notice sent, and its refusals. */
class BreachViewModelTest {

    private static final MemberRef NORTHBRIDGE = new MemberRef("northbridge", "Northbridge University");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final FakeBreach breach = platform.breach;
    private final ScriptedBreachDialogs dialogs = new ScriptedBreachDialogs();
    private final List<Path> opened = new ArrayList<>();
    private final MutableClock clock = new MutableClock(FakeBreach.NOW);
    private BreachViewModel vm;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        signInAs("nb-security", "Nadia Ta");
        vm = new BreachViewModel(app, platform.breach(), platform.courses(), tasks, Messages.english(), dialogs,
                opened::add, clock, ZoneOffset.UTC);
    }

    private void signInAs(String username, String name) {
        breach.actor = name;
        app.signedIn(new Session(platform, new MeDto(username, name, NORTHBRIDGE, List.of(Role.SECURITY_OFFICER),
                CourseScope.allCourses())));
    }

    private DraftViewModel draft() {
        return vm.draft();
    }

    private IncidentDto open() {
        return vm.openIncidentProperty().get();
    }

    /** A new incident with its facts saved, on the scope step, every course of the Member ticked on purpose. */
    private void newIncidentOnScope() {
        newIncidentOnScopeWithNothingChosen();
        draft().modeProperty().set(ScopeMode.FILTER);
        draft().everyCourseProperty().set(true);
        tasks.runScheduled();
    }

    /** A new incident with its facts saved, on the scope step as the officer first sees it. */
    private void newIncidentOnScopeWithNothingChosen() {
        vm.load();
        vm.newIncident();
        draft().titleProperty().set("Reporting server left open");
        draft().whatHappenedProperty().set("A reporting server was reachable without a password.");
        draft().categoryProperty(DataCategory.EMAIL).set(true);
        draft().contactProperty().set("privacy@northbridge.example");
        draft().next();
    }

    private void submitted() {
        newIncidentOnScope();
        draft().goTo(Step.NOTICE);
        draft().submit();
    }

    private void approvedByAnotherOfficer() {
        submitted();
        signInAs("nb-security2", "Grace Liu");
        vm.incident().approve();
    }

    @Test
    void theListShowsEachIncidentsClockRedUnderTwelveHours() {
        breach.seed("Old export found", IncidentState.SUBMITTED, FakeBreach.NOW.minus(Duration.ofHours(65)));
        breach.seed("Laptop stolen", IncidentState.DRAFT, FakeBreach.NOW.minus(Duration.ofHours(20)));

        vm.load();

        assertThat(vm.listStateProperty().get()).isEqualTo(ListState.READY);
        assertThat(vm.incidents()).extracting(s -> s.title()).containsExactly("Laptop stolen", "Old export found");
        Countdown relaxed = vm.countdown(vm.incidents().get(0).regulatorDeadline(), IncidentState.DRAFT, null);
        Countdown pressing = vm.countdown(vm.incidents().get(1).regulatorDeadline(), IncidentState.SUBMITTED, null);
        assertThat(vm.words().countdown(relaxed)).isEqualTo("52 h 0 min left");
        assertThat(relaxed.urgent()).isFalse();
        assertThat(vm.words().countdown(pressing)).isEqualTo("7 h 0 min left");
        assertThat(pressing.urgent()).isTrue();
    }

    @Test
    void theClockMovesEveryMinuteWithoutAskingThePlatform() {
        breach.seed("Laptop stolen", IncidentState.DRAFT, FakeBreach.NOW.minus(Duration.ofHours(71).plusMinutes(58)));
        vm.load();
        int reads = breach.listReads + breach.incidentReads + breach.previewReads;
        Countdown before = vm.countdown(vm.incidents().getFirst().regulatorDeadline(), IncidentState.DRAFT, null);

        clock.advance(Duration.ofMinutes(3));
        tasks.runScheduled();

        Countdown after = vm.countdown(vm.incidents().getFirst().regulatorDeadline(), IncidentState.DRAFT, null);
        assertThat(vm.words().countdown(before)).isEqualTo("2 min left");
        assertThat(vm.words().countdown(after)).isEqualTo("Overdue by 1 min");
        assertThat(after.urgent()).isTrue();
        assertThat(breach.listReads + breach.incidentReads + breach.previewReads).isEqualTo(reads);
    }

    /** The regulator's clock does not stop when learners were told: only when the authority was (or on a cancel). */
    @Test
    void aSentNoticesClockRunsOnUntilTheAuthorityWasNotified() {
        breach.seed("Handled", IncidentState.SENT, FakeBreach.NOW.minus(Duration.ofHours(80)));
        vm.load();
        Instant deadline = vm.incidents().getFirst().regulatorDeadline();

        Countdown sent = vm.countdown(deadline, IncidentState.SENT, null);
        Countdown told = vm.countdown(deadline, IncidentState.SENT, FakeBreach.NOW.minus(Duration.ofHours(10)));
        Countdown cancelled = vm.countdown(deadline, IncidentState.CANCELLED, null);

        assertThat(vm.words().countdown(sent)).isEqualTo("Overdue by 8 h 0 min");
        assertThat(sent.urgent()).isTrue();
        assertThat(vm.words().countdown(told)).isEqualTo("Authority notified");
        assertThat(told.urgent()).isFalse();
        assertThat(vm.words().countdown(cancelled)).isEqualTo("Clock stopped");
    }

    @Test
    void recordingThatTheAuthorityWasNotifiedStopsTheClock() {
        submitted();
        dialogs.regulator = null;

        vm.incident().recordRegulatorNotification();

        assertThat(dialogs.regulatorSuggested.notifiedAt()).isEqualTo(FakeBreach.NOW.truncatedTo(
                ChronoUnit.MINUTES));
        assertThat(breach.calls).noneMatch(c -> c.startsWith("regulator"));

        Instant at = FakeBreach.NOW.minus(Duration.ofMinutes(30));
        dialogs.regulator = new RegulatorNotificationRequest(at,
                "Office of the Data Protection Commissioner", "ODPC-2026-118");
        vm.incident().recordRegulatorNotification();

        assertThat(breach.calls).contains("regulator inc-1 Office of the Data Protection Commissioner ODPC-2026-118");
        assertThat(open().regulatorNotification().notifiedAt()).isEqualTo(at);
        assertThat(vm.incidents().getFirst().regulatorNotifiedAt()).isEqualTo(at);
        assertThat(vm.words().countdown(vm.countdown(open().regulatorDeadline(), open().state(),
                open().regulatorNotification().notifiedAt()))).isEqualTo("Authority notified");
        // Once recorded, it is not asked again.
        dialogs.regulatorSuggested = null;
        vm.incident().recordRegulatorNotification();
        assertThat(dialogs.regulatorSuggested).isNull();
    }

    @Test
    void aNewIncidentReachesThePlatformOnlyWhenItsFactsAreComplete() {
        vm.load();
        vm.newIncident();

        draft().next();

        assertThat(breach.calls).isEmpty();
        assertThat(draft().stepProperty().get()).isEqualTo(Step.FACTS);
        assertThat(draft().problems()).containsExactly("Give the incident a title.");

        draft().titleProperty().set("Reporting server left open");
        draft().next();

        assertThat(breach.calls).containsExactly("create inc-1");
        assertThat(draft().stepProperty().get()).isEqualTo(Step.SCOPE);
        assertThat(vm.incidents()).extracting(s -> s.id()).containsExactly("inc-1");
        assertThat(vm.paneProperty().get()).isEqualTo(Pane.DRAFT);
    }

    @Test
    void scopeFiltersAreSavedWithIfMatchAndCountedOnceTheySettle() {
        newIncidentOnScope();
        assertThat(draft().previewProperty().get().learners()).isEqualTo(120);
        int reads = breach.previewReads;
        // ticking every course was the first scope saved (version 1 to 2)
        assertThat(breach.ifMatchSent).containsExactly("\"v1\"");
        breach.ifMatchSent.clear();

        draft().courses().get(0).selectedProperty().set(true);
        draft().courses().get(1).selectedProperty().set(true);
        draft().holdingProperty(DataCategory.EMAIL).set(true);
        assertThat(breach.previewReads).isEqualTo(reads);
        tasks.runScheduled();

        assertThat(breach.previewReads).isEqualTo(reads + 1);
        assertThat(breach.ifMatchSent).containsExactly("\"v2\"");
        assertThat(breach.current("inc-1").scope().courseIds()).hasSize(2);
        assertThat(draft().previewProperty().get().learners()).isEqualTo(60);
        assertThat(draft().dirtyProperty().get()).isFalse();
    }

    @Test
    void aPastedListReportsEntriesThatAreNotLearnersOfTheMember() {
        newIncidentOnScope();

        draft().modeProperty().set(ScopeMode.LIST);
        draft().listTextProperty().set("learner_id,name\nl-1,Ada\nl-2,\"Lovelace, A\"\nother@elsewhere.example,Bob\n");
        tasks.runScheduled();

        assertThat(draft().listCountProperty().get()).isEqualTo(3);
        assertThat(breach.current("inc-1").scope().learners())
                .containsExactly("l-1", "l-2", "other@elsewhere.example");
        assertThat(draft().previewProperty().get().notLearnersOfMember()).containsExactly("other@elsewhere.example");
        assertThat(draft().previewProperty().get().learners()).isEqualTo(2);
    }

    @Test
    void channelsComeFromThePreviewWithTheLawsNote() {
        newIncidentOnScope();

        draft().next();

        assertThat(draft().stepProperty().get()).isEqualTo(Step.CHANNELS);
        assertThat(draft().jurisdictionRows()).extracting(DraftViewModel.JurisdictionRow::label)
                .contains("Kenya", "United States, Massachusetts", "Unknown");
        DraftViewModel.JurisdictionRow ma = draft().jurisdictionRows().stream()
                .filter(r -> r.label().equals("United States, Massachusetts")).findFirst().orElseThrow();
        assertThat(ma.channels()).isEqualTo("Letter");
        assertThat(ma.note()).isEqualTo("Written notice by first-class mail.");
        DraftViewModel.JurisdictionRow unknown = draft().jurisdictionRows().stream()
                .filter(r -> !r.known()).findFirst().orElseThrow();
        assertThat(unknown.channels()).isEqualTo("Email (by default)");
    }

    @Test
    void theNoticeStartsFromTheTemplateAndPreviewsForASampleLearner() {
        newIncidentOnScope();

        draft().goTo(Step.NOTICE);

        String body = draft().bodyProperty().get();
        assertThat(body).contains("# What happened\nA reporting server was reachable without a password.",
                "# What information was involved\nThe information involved was: Email address.",
                "# What we are doing", "# What you can do", "# For more information", "{{learner_name}}",
                "{{member_name}}", "{{incident_title}}", "{{contact}}");
        assertThat(draft().sampleLearnerProperty().get().learnerId()).isEqualTo("id-1");
        assertThat(draft().messageProperty().get().text()).contains("Dear Learner 1,");
        assertThat(draft().messageProperty().get().html()).contains("<h2>What happened</h2>");

        draft().bodyProperty().set(body.replace("Dear {{learner_name}},", "Hello {{learner_name}},"));
        draft().sampleLearnerProperty().set(draft().sample().get(2));

        assertThat(draft().messageProperty().get().text()).contains("Hello Learner 3,");
    }

    @Test
    void savingADraftSomeoneElseChangedSaysSoAndOffersReload() {
        newIncidentOnScope();
        breach.saveAsSomeoneElse("inc-1", "Their title");

        draft().titleProperty().set("My title");
        draft().save();

        assertThat(vm.noticeProperty().get().action()).isEqualTo(NoticeAction.RELOAD);
        assertThat(vm.noticeProperty().get().text()).startsWith("Someone else changed this draft");
        assertThat(breach.current("inc-1").title()).isEqualTo("Their title");

        vm.reloadIncident();

        assertThat(draft().titleProperty().get()).isEqualTo("Their title");
        assertThat(draft().dirtyProperty().get()).isFalse();
        draft().titleProperty().set("Agreed title");
        draft().save();
        assertThat(breach.current("inc-1").title()).isEqualTo("Agreed title");
    }

    @Test
    void submittingFreezesTheNoticeAndTheAuthorIsToldAnotherOfficerMustApprove() {
        submitted();

        assertThat(open().state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(vm.paneProperty().get()).isEqualTo(Pane.INCIDENT);
        assertThat(vm.incident().mayApprove()).isFalse();

        vm.incident().approve();

        assertThat(open().state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(vm.noticeProperty().get().text())
                .isEqualTo("Another security officer must approve this notice: nobody who created, changed or "
                        + "submitted it can approve it.");
    }

    @Test
    void anotherOfficerApprovesWithTheFingerprintsShown() {
        submitted();
        IncidentDto shown = open();

        signInAs("nb-security2", "Grace Liu");
        vm.reloadIncident();
        assertThat(vm.incident().mayApprove()).isTrue();
        vm.incident().approve();

        assertThat(open().state()).isEqualTo(IncidentState.APPROVED);
        assertThat(open().approvedBy()).isEqualTo("Grace Liu");
        assertThat(open().textFingerprint()).isEqualTo(shown.textFingerprint());
        assertThat(vm.deliveries().rows()).isNotEmpty();
        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.SUCCESS);
    }

    @Test
    void returningAsksForAReasonAndTheDraftReopensAtItsFirstStep() {
        submitted();
        signInAs("nb-security2", "Grace Liu");

        vm.incident().returnToAuthor();

        assertThat(breach.calls).contains("return inc-1 Name the systems involved.");
        assertThat(open().state()).isEqualTo(IncidentState.DRAFT);
        assertThat(vm.paneProperty().get()).isEqualTo(Pane.DRAFT);
        assertThat(draft().stepProperty().get()).isEqualTo(Step.FACTS);
    }

    @Test
    void sendAsksWithTheCountsThenFollowsProgressUntilEverythingIsHandled() {
        approvedByAnotherOfficer();
        breach.sendStep = 50;

        vm.incident().send();

        BreachDialogs.Question asked = dialogs.last();
        assertThat(asked.id()).isEqualTo("sendDialog");
        assertThat(asked.text()).startsWith("112 emails go out now, and 17 letters are ready to print.");
        assertThat(asked.danger()).isTrue();
        assertThat(open().state()).isEqualTo(IncidentState.SENDING);
        assertThat(vm.incident().polling()).isTrue();

        tasks.runScheduled();
        assertThat(open().progress().sent() + open().progress().failed()).isEqualTo(50);
        tasks.runScheduled();
        tasks.runScheduled();

        assertThat(open().state()).isEqualTo(IncidentState.SENT);
        assertThat(vm.incident().polling()).isFalse();
        assertThat(vm.noticeProperty().get().text()).startsWith("Finished:");
        int reads = breach.incidentReads;
        tasks.runScheduled();
        assertThat(breach.incidentReads).isEqualTo(reads);
    }

    @Test
    void declinedSendSendsNothing() {
        approvedByAnotherOfficer();
        dialogs.confirm = false;

        vm.incident().send();

        assertThat(open().state()).isEqualTo(IncidentState.APPROVED);
        assertThat(breach.calls).doesNotContain("send inc-1");
    }

    @Test
    void progressIsReadOnlyWhileTheScreenIsOnView() {
        approvedByAnotherOfficer();
        breach.sendStep = 10;
        vm.incident().send();

        vm.setShown(false);
        int reads = breach.incidentReads;
        tasks.runScheduled();

        assertThat(breach.incidentReads).isEqualTo(reads);
        assertThat(vm.incident().polling()).isFalse();

        vm.setShown(true);
        tasks.runScheduled();
        assertThat(breach.incidentReads).isEqualTo(reads + 1);
    }

    @Test
    void deliveriesFilterByStatusAndChannelAndPage() {
        approvedByAnotherOfficer();
        vm.incident().send();
        for (int i = 0; i < 5; i++) {
            tasks.runScheduled();
        }

        vm.deliveries().statusProperty().set(DeliveryStatus.FAILED);
        assertThat(vm.deliveries().rows()).isNotEmpty()
                .allSatisfy(d -> assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED));

        vm.deliveries().statusProperty().set(null);
        vm.deliveries().channelProperty().set(NoticeChannel.LETTER);
        assertThat(vm.deliveries().rows()).allSatisfy(d -> assertThat(d.channel()).isEqualTo(NoticeChannel.LETTER));
        assertThat(vm.deliveries().totalProperty().get()).isEqualTo(18);

        vm.deliveries().channelProperty().set(null);
        assertThat(vm.deliveries().rows()).hasSize(100);
        assertThat(vm.deliveries().range()).isEqualTo("1\u2013100 of 132");
        vm.deliveries().nextPage();
        assertThat(vm.deliveries().rows()).hasSize(32);
        assertThat(vm.deliveries().range()).isEqualTo("101\u2013132 of 132");
        vm.deliveries().previousPage();
        assertThat(vm.deliveries().pageProperty().get()).isZero();
        assertThat(breach.deliveryQueries.getLast()).endsWith("null null null 100");
    }

    @Test
    void retryingFailedEmailsSendsThemAgainAndFollowsProgress() {
        approvedByAnotherOfficer();
        vm.incident().send();
        for (int i = 0; i < 5; i++) {
            tasks.runScheduled();
        }
        assertThat(open().state()).isEqualTo(IncidentState.SENT);
        long failed = open().progress().failed();
        assertThat(failed).isPositive();

        vm.incident().retryFailed();

        assertThat(breach.calls).contains("retry inc-1");
        assertThat(open().state()).isEqualTo(IncidentState.SENDING);
        tasks.runScheduled();
        assertThat(open().state()).isEqualTo(IncidentState.SENT);
        assertThat(open().progress().failed()).isZero();
    }

    @Test
    void anInDoubtMessageIsSettledAfterAsking() {
        approvedByAnotherOfficer();
        vm.incident().send();
        for (int i = 0; i < 5; i++) {
            tasks.runScheduled();
        }
        DeliveryDto doubtful = breach.putInDoubt("inc-1");
        vm.deliveries().statusProperty().set(DeliveryStatus.IN_DOUBT);
        DeliveryDto row = vm.deliveries().rows().getFirst();

        vm.deliveries().resolve(row, DeliveryResolution.DELIVERED);

        assertThat(dialogs.last().text()).contains(doubtful.messageId());
        assertThat(breach.calls).contains("resolve " + doubtful.id() + " DELIVERED");
        // The page is read again: nothing is in doubt any more, and the incident's counts say so too.
        assertThat(vm.deliveries().rows()).isEmpty();
        assertThat(open().progress().inDoubt()).isZero();
    }

    @Test
    void cancellingAsksForAReason() {
        approvedByAnotherOfficer();

        vm.incident().cancel();

        assertThat(dialogs.last().id()).isEqualTo("cancelDialog");
        assertThat(breach.calls).contains("cancel inc-1 Name the systems involved.");
        assertThat(open().state()).isEqualTo(IncidentState.CANCELLED);
    }

    @Test
    void leavingADraftWithUnsavedEditsAsksAndStaysWhenTold() {
        newIncidentOnScope();
        draft().titleProperty().set("Changed");
        boolean[] left = {false};

        vm.leave(() -> left[0] = true);

        assertThat(dialogs.leaves).isEqualTo(1);
        assertThat(left[0]).isFalse();

        dialogs.leave = BreachDialogs.LeaveChoice.SAVE;
        vm.leave(() -> left[0] = true);
        assertThat(left[0]).isTrue();
        assertThat(breach.current("inc-1").title()).isEqualTo("Changed");
    }

    @Test
    void theLettersPdfIsDownloadedToAPrivateFileAndOpened() throws Exception {
        approvedByAnotherOfficer();

        vm.incident().files().openLetters();

        assertThat(opened).hasSize(1);
        assertThat(Files.readString(opened.getFirst())).isEqualTo("%PDF-1.7 letters of inc-1");
        if (opened.getFirst().getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(opened.getFirst()))).isEqualTo("rw-------");
        }
        Files.deleteIfExists(opened.getFirst());
    }

    @Test
    void theRecordIsSavedWhereThePersonChose() throws Exception {
        submitted();
        Path target = dir.resolve("record.csv");

        vm.incident().files().exportRecord(BreachClient.RecordFormat.CSV, target);

        assertThat(Files.readString(target)).startsWith("step,at");
        assertThat(vm.noticeProperty().get().text()).isEqualTo("Saved record.csv.");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void r8ASiteNoticeIsProposedByOneOfficerAfterSayingWhoSeesItAndPutUpByAnother() {
        submitted();

        vm.incident().siteNotice().propose();
        assertThat(dialogs.last().id()).isEqualTo("proposeSiteNoticeDialog");
        assertThat(dialogs.last().text()).contains("Every learner of Northbridge University");
        assertThat(vm.incident().siteNotice().up()).as("up only once approved").isFalse();
        assertThat(open().proposedSiteNotice().title()).isEqualTo("Notice of a data incident");
        assertThat(vm.incident().siteNotice().toApprove()).as("not for its own proposer").isNull();
        vm.incident().siteNotice().approve();
        assertThat(breach.calls).doesNotContain("approve-site-notice " + open().id());

        signInAs("nb-security2", "Grace Liu");
        vm.reloadIncident();
        assertThat(vm.incident().siteNotice().toApprove()).isNotNull();
        vm.incident().siteNotice().approve();
        assertThat(dialogs.last().id()).isEqualTo("approveSiteNoticeDialog");
        assertThat(dialogs.last().text()).contains("Nadia Ta proposed this notice", "Notice of a data incident");
        assertThat(vm.incident().siteNotice().up()).isTrue();
        assertThat(open().siteNotice().approvedBy()).isEqualTo("Grace Liu");

        vm.incident().siteNotice().withdraw();
        assertThat(dialogs.last().id()).isEqualTo("withdrawDialog");
        assertThat(vm.incident().siteNotice().up()).isFalse();
    }

    @Test
    void r8ASiteNoticeIsNotProposedWhenTheOfficerDeclinesTheQuestion() {
        submitted();
        dialogs.confirm = false;

        vm.incident().siteNotice().propose();

        assertThat(open().proposedSiteNotice()).isNull();
        assertThat(breach.calls).noneMatch(c -> c.startsWith("site-notice"));
    }

    @Test
    void aPlatformFailureIsSaidInWordsWithoutDetail() {
        submitted();
        signInAs("nb-security2", "Grace Liu");
        platform.failNext = new PlatformUnreachableException("cannot reach 127.0.0.1",
                new IOException("refused"));

        vm.incident().approve();

        assertThat(vm.noticeProperty().get().kind()).isEqualTo(NoticeKind.DANGER);
        assertThat(vm.noticeProperty().get().text()).doesNotContain("IOException", "127.0.0.1");
    }
}
