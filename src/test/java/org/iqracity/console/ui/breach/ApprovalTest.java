package org.iqracity.console.ui.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.List;
import org.iqracity.console.api.CourseScope;
import org.iqracity.console.api.MeDto;
import org.iqracity.console.api.MemberRef;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.ui.FakeBreach;
import org.iqracity.console.ui.FakePlatformClient;
import org.iqracity.console.ui.breach.DraftViewModel.Step;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.InlineTaskRunner;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approval asks first, naming what it freezes in a form people compare by eye; the review reads as learners will. */
class ApprovalTest {

    private static final MemberRef NORTHBRIDGE = new MemberRef("northbridge", "Northbridge University");

    private final InlineTaskRunner tasks = new InlineTaskRunner();
    private final AppState app = new AppState();
    private final FakePlatformClient platform = new FakePlatformClient(URI.create("http://127.0.0.1:1"));
    private final FakeBreach breach = platform.breach;
    private final ScriptedBreachDialogs dialogs = new ScriptedBreachDialogs();
    private BreachViewModel vm;

    @BeforeEach
    void setUp() {
        platform.roles = List.of(Role.SECURITY_OFFICER);
        signInAs("nb-security", "Nadia Ta");
        vm = new BreachViewModel(app, platform.breach(), platform.courses(), tasks, Messages.english(), dialogs,
                p -> { }, new MutableClock(FakeBreach.NOW),
                ZoneOffset.UTC);
        vm.load();
        vm.newIncident();
        DraftViewModel draft = vm.draft();
        draft.titleProperty().set("Reporting server left open");
        draft.whatHappenedProperty().set("A reporting server was reachable without a password.");
        draft.contactProperty().set("privacy@northbridge.example");
        draft.next();
        draft.modeProperty().set(ScopeMode.FILTER);
        draft.everyCourseProperty().set(true);
        tasks.runScheduled();
        draft.goTo(Step.NOTICE);
        draft.submit();
        signInAs("nb-security2", "Grace Liu");
        vm.reloadIncident();
    }

    private void signInAs(String username, String name) {
        breach.actor = name;
        app.signedIn(new Session(platform, new MeDto(username, name, NORTHBRIDGE, List.of(Role.SECURITY_OFFICER),
                CourseScope.allCourses())));
    }

    private IncidentDto open() {
        return vm.openIncidentProperty().get();
    }

    @Test
    void approvingAsksWithBothShortFingerprintsTheTitleAndTheCountBeforeActing() {
        IncidentDto reviewed = open();
        assertThat(reviewed.state()).isEqualTo(IncidentState.SUBMITTED);

        vm.incident().approve();

        BreachDialogs.Approval asked = dialogs.approvals.getLast();
        assertThat(asked.title()).isEqualTo("Reporting server left open");
        assertThat(asked.recipients()).isEqualTo(reviewed.recipientCount()).isEqualTo(120);
        assertThat(asked.textFingerprint()).isEqualTo(BreachFormat.shortFingerprint(reviewed.textFingerprint()));
        assertThat(asked.recipientsFingerprint())
                .isEqualTo(BreachFormat.shortFingerprint(reviewed.recipientsFingerprint()));
        assertThat(asked.fullTextFingerprint()).isEqualTo(reviewed.textFingerprint());
        assertThat(open().state()).isEqualTo(IncidentState.APPROVED);
    }

    @Test
    void cancellingTheApprovalDialogDoesNothing() {
        dialogs.approve = false;
        int calls = breach.calls.size();

        vm.incident().approve();

        assertThat(dialogs.approvals).hasSize(1);
        assertThat(open().state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(breach.calls).hasSize(calls);
        assertThat(vm.noticeProperty().get()).isNull();
    }

    @Test
    void aFingerprintIsComparedByItsFirstSixteenCharactersInGroupsOfFour() {
        String sha = "3f2a91bc07de55a1c0ffee00deadbeef0123456789abcdef0123456789abcdef";

        assertThat(BreachFormat.shortFingerprint(sha)).isEqualTo("3f2a 91bc 07de 55a1");
        assertThat(BreachFormat.shortFingerprint("t-1a2b3c")).isEqualTo("t-1a 2b3c");
        assertThat(BreachFormat.shortFingerprint(null)).isEmpty();
    }

    @Test
    void theReviewedTextHasItsPlaceholdersFilledAndLearnersOwnPartsMarked() {
        IncidentDto dto = open();
        assertThat(dto.subject() + dto.body()).contains("{{member_name}}", "{{learner_name}}");

        String subject = vm.incident().filledSubject(dto);
        String body = vm.incident().filledBody(dto);

        assertThat(subject).contains("Northbridge University").doesNotContain("{{");
        assertThat(body).contains("Dear \u2039learner's name\u203a,", "Northbridge University",
                "privacy@northbridge.example", "\"Reporting server left open\"").doesNotContain("{{", "}}");
    }

    @Test
    void thePlatformsOwnPlaceholdersAreFilledFromTheFacts() {
        NoticeFill fill = new NoticeFill(Messages.english());
        NoticeFill.Facts facts = new NoticeFill.Facts("Server open", FakeBreach.NOW, FakeBreach.NOW.minusSeconds(
                3 * 86400), FakeBreach.NOW.minusSeconds(86400), "It was open.",
                List.of(DataCategory.NAME,
                        DataCategory.EMAIL), "Closed it.", "Be careful.", "privacy@x");

        String filled = fill.fill("{{what_happened}} It took place {{occurred}}; we found out on {{discovered_date}}."
                + " {{data_involved}} {{username}} {{unknown_one}}", "Northbridge University", facts);

        assertThat(filled).isEqualTo("It was open. It took place between 27 November 2026 and 29 November 2026; we "
                + "found out on 30 November 2026. The information involved: your name; your email address. "
                + "\u2039username\u203a {{unknown_one}}");
    }
}
