package org.iqracity.console.platform.service.breach;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.api.breach.TimelineEntryDto;
import org.iqracity.console.platform.MutableClock;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Refused;
import org.iqracity.console.platform.service.ServiceSandbox;
import org.iqracity.console.platform.store.AccessLogRepository;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R8 in the breach service, on the sandbox without HTTP: who may act, drafts saved over the version they edited,
 * submission fixing what the approver approves, four eyes, the steps in their order, and a scope that reaches only the
 * Member's own learners. Approval writes the outbox; no sender runs here, so nothing is mailed (the sending paths are
 * tested against a mail server of their own).
 */
class BreachServiceTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    @TempDir
    static Path dir;
    static ServiceSandbox sandbox;
    static Jdbc jdbc;
    static BreachService breaches;
    static BreachRecords records;
    static Caller author;
    static Caller approver;
    static Caller memberAdmin;
    static Caller otherMembersOfficer;

    @BeforeAll
    static void loadSandbox() {
        sandbox = ServiceSandbox.load(dir, 100, clock);
        jdbc = sandbox.jdbc();
        breaches = new BreachService(jdbc, new BreachRepository(jdbc), new DeliveryRepository(jdbc),
                new RecipientRepository(jdbc), Jurisdictions.bundled(), sandbox.accessLog(), clock, "localhost",
                () -> { });
        records = new BreachRecords(breaches, jdbc, new BreachRepository(jdbc), new DeliveryRepository(jdbc),
                new RecipientRepository(jdbc), sandbox.accessLog(), () -> { });
        author = sandbox.caller("nb-security");
        approver = sandbox.caller("nb-security2");
        memberAdmin = sandbox.caller("nb-admin");
        otherMembersOfficer = sandbox.caller("sahel-security");
    }

    @AfterAll
    static void close() {
        sandbox.close();
    }

    /** Northbridge's course with the fewest learners, who still has some. */
    static String smallCourse() {
        return jdbc.queryOne("SELECT id FROM course WHERE member_id = 'northbridge' AND enrollment_count > 0 "
                + "ORDER BY enrollment_count, id", rs -> rs.getString(1)).orElseThrow();
    }

    static BreachScope courseScope(String courseId) {
        return new BreachScope(ScopeMode.FILTER, List.of(courseId), null, null, List.of(), List.of());
    }

    static BreachScope listScope(String... entries) {
        return new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(), List.of(entries));
    }

    /** A draft as an officer writes it; the notice's text is left to the platform's template. */
    static IncidentRequest request(String title, BreachScope scope) {
        return new IncidentRequest(title, clock.instant().minus(Duration.ofHours(5)), null, null,
                "A laptop holding an export of the course roster was stolen.", List.of(DataCategory.NAME,
                DataCategory.EMAIL), "Roster export", "The export's password was changed.", "Watch for phishing.",
                "privacy@northbridge.example", scope, null, null);
    }

    static IncidentRequest retitled(IncidentDto draft, String title) {
        IncidentRequest r = draft.toRequest();
        return new IncidentRequest(title, r.discoveredAt(), r.occurredFrom(), r.occurredTo(), r.whatHappened(),
                r.dataCategories(), r.systems(), r.measures(), r.learnerActions(), r.contact(), r.scope(), r.subject(),
                r.body());
    }

    static ApprovalRequest approvalOf(IncidentDto submitted) {
        return new ApprovalRequest(submitted.textFingerprint(), submitted.recipientsFingerprint());
    }

    static IncidentDto submittedDraft(String title) {
        return breaches.submit(author, breaches.create(author, request(title, courseScope(smallCourse()))).id());
    }

    static long deliveries(String incidentId) {
        return jdbc.queryOne("SELECT COUNT(*) FROM notice_delivery WHERE incident_id = ?", rs -> rs.getLong(1),
                incidentId).orElseThrow();
    }

    static List<String> steps(IncidentDto incident) {
        return incident.timeline().stream().map(TimelineEntryDto::step).toList();
    }

    static List<AccessLogRepository.Entry> logged(String action, String incidentId) {
        return sandbox.logged("northbridge", action).stream().filter(e -> incidentId.equals(e.objectId())).toList();
    }

    static void assertRefused(ThrowingCallable call, int status, String code) {
        PlatformException refusal = Refused.by(call);
        assertThat(refusal.status()).as(refusal.getMessage()).isEqualTo(status);
        assertThat(refusal.code()).isEqualTo(code);
    }

    @Test
    void r8OnlySecurityOfficersWorkWithBreachNotices() {
        IncidentDto draft = breaches.create(author, request("Only officers", courseScope(smallCourse())));

        assertRefused(() -> breaches.list(memberAdmin), 403, ProblemCode.FORBIDDEN);
        assertRefused(() -> breaches.create(memberAdmin, request("Not mine to write", BreachScope.allLearners())),
                403, ProblemCode.FORBIDDEN);
        assertRefused(() -> breaches.get(memberAdmin, draft.id()), 403, ProblemCode.FORBIDDEN);
        assertThat(breaches.list(author)).extracting(s -> s.id()).contains(draft.id());
    }

    @Test
    void r8ADraftIsSavedOnlyOverTheVersionItEdited() {
        IncidentDto draft = breaches.create(author, request("Stolen laptop", courseScope(smallCourse())));

        IncidentDto saved = breaches.update(author, draft.id(), draft.version(), retitled(draft, "Stolen laptop, "
                + "Tuesday"));

        assertThat(saved.version()).isGreaterThan(draft.version());
        assertThat(saved.title()).isEqualTo("Stolen laptop, Tuesday");
        assertRefused(() -> breaches.update(approver, draft.id(), draft.version(), retitled(draft, "Overwritten")),
                412, ProblemCode.VERSION_CONFLICT);
        IncidentDto now = breaches.get(author, draft.id());
        assertThat(now.title()).isEqualTo("Stolen laptop, Tuesday");
        assertThat(steps(now)).containsExactly("CREATED", "EDITED");
        // R12: each step is in the access log
        assertThat(logged("BREACH_CREATE", draft.id())).hasSize(1);
        assertThat(logged("BREACH_EDIT", draft.id())).hasSize(1);
    }

    @Test
    void r8SubmittingFixesTheFingerprintsOfTheTextAndTheRecipients() {
        String course = smallCourse();
        long learners = jdbc.queryOne("SELECT COUNT(DISTINCT learner_id) FROM enrollment WHERE course_id = ?",
                rs -> rs.getLong(1), course).orElseThrow();
        IncidentDto draft = breaches.create(author, request("Fingerprinted", courseScope(course)));
        assertThat(draft.textFingerprint()).isNull();

        IncidentDto submitted = breaches.submit(author, draft.id());

        assertThat(submitted.state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(submitted.textFingerprint()).matches("[0-9a-f]{64}");
        assertThat(submitted.recipientsFingerprint()).matches("[0-9a-f]{64}");
        assertThat(submitted.recipientCount()).isEqualTo(learners);
        assertThat(submitted.submittedBy()).isEqualTo(author.displayName());
        // what was submitted can no longer change under the approver's eyes
        assertRefused(() -> breaches.update(author, draft.id(), submitted.version(), retitled(submitted, "Changed")),
                409, ProblemCode.STATE_CONFLICT);
        assertThat(breaches.get(approver, draft.id()).textFingerprint()).isEqualTo(submitted.textFingerprint());
        // the other officers are asked to approve by mail, the author is not (the outbox only: nothing is sent here)
        assertThat(jdbc.query("SELECT staff_id FROM officer_alert WHERE incident_id = ?", rs -> rs.getString(1),
                draft.id())).contains(approver.staffId()).doesNotContain(author.staffId());
    }

    @Test
    void r8ASecondOfficerApprovesExactlyWhatWasSubmittedAndTheOutboxIsWritten() {
        IncidentDto submitted = submittedDraft("Four eyes");
        assertThat(breaches.get(approver, submitted.id()).youMayApprove()).isTrue();

        IncidentDto approved = breaches.approve(approver, submitted.id(), approvalOf(submitted));

        assertThat(approved.state()).isEqualTo(IncidentState.APPROVED);
        assertThat(approved.approvedBy()).isEqualTo(approver.displayName());
        assertThat(jdbc.queryOne("SELECT COUNT(DISTINCT learner_id) FROM notice_delivery WHERE incident_id = ?",
                rs -> rs.getLong(1), submitted.id()).orElseThrow()).isEqualTo(submitted.recipientCount());
        assertThat(logged("BREACH_APPROVE", submitted.id())).singleElement()
                .satisfies(e -> assertThat(e.actorUsername()).isEqualTo("nb-security2"));
    }

    @Test
    void r8TheAuthorCannotApproveTheirOwnNotice() {
        IncidentDto submitted = submittedDraft("Own approval");
        assertThat(submitted.youMayApprove()).isFalse();

        assertRefused(() -> breaches.approve(author, submitted.id(), approvalOf(submitted)), 403,
                ProblemCode.FORBIDDEN);

        assertThat(breaches.get(author, submitted.id()).state()).isEqualTo(IncidentState.SUBMITTED);
        assertThat(deliveries(submitted.id())).isZero();
    }

    @Test
    void r8AnOfficerWhoChangedTheDraftCannotApproveIt() {
        IncidentDto draft = breaches.create(author, request("Edited by the second officer",
                courseScope(smallCourse())));
        breaches.update(approver, draft.id(), draft.version(), retitled(draft, "Edited by the second officer, again"));
        IncidentDto submitted = breaches.submit(author, draft.id());

        assertRefused(() -> breaches.approve(approver, submitted.id(), approvalOf(submitted)), 403,
                ProblemCode.FORBIDDEN);

        assertThat(deliveries(submitted.id())).isZero();
    }

    @Test
    void r8ApprovingFingerprintsOtherThanTheSubmittedOnesIsRefused() {
        IncidentDto first = submittedDraft("Reviewed once");
        IncidentDto returned = breaches.returnToAuthor(approver, first.id(), "Say which course.");
        IncidentDto edited = breaches.update(author, first.id(), returned.version(), retitled(returned,
                "Reviewed once, then changed"));
        IncidentDto resubmitted = breaches.submit(author, edited.id());
        assertThat(resubmitted.textFingerprint()).isNotEqualTo(first.textFingerprint());

        assertRefused(() -> breaches.approve(approver, first.id(), approvalOf(first)), 409,
                ProblemCode.VERSION_CONFLICT);
        assertRefused(() -> breaches.approve(approver, first.id(), null), 409, ProblemCode.VERSION_CONFLICT);

        assertThat(deliveries(first.id())).isZero();
        assertThat(breaches.approve(approver, first.id(), approvalOf(resubmitted)).state())
                .isEqualTo(IncidentState.APPROVED);
    }

    @Test
    void r8ApprovalIsRefusedWhenTheLearnersInScopeChangedSinceSubmission() {
        String course = smallCourse();
        IncidentDto submitted = breaches.submit(author, breaches.create(author, request("Moved address",
                courseScope(course))).id());
        String learner = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE course_id = ? ORDER BY learner_id",
                rs -> rs.getString(1), course).orElseThrow();
        jdbc.update("UPDATE enrollment SET email = 'moved@northbridge.example' WHERE course_id = ? AND learner_id = ?",
                course, learner);

        assertRefused(() -> breaches.approve(approver, submitted.id(), approvalOf(submitted)), 409,
                ProblemCode.STATE_CONFLICT);

        assertThat(deliveries(submitted.id())).isZero();
    }

    @Test
    void r8AReturnedNoticeIsADraftAgainWithTheReasonInItsTimeline() {
        IncidentDto submitted = submittedDraft("Sent back");
        PlatformException noReason = Refused.by(() -> breaches.returnToAuthor(approver, submitted.id(), " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(Refused.fields(noReason)).containsExactly("reason");

        IncidentDto returned = breaches.returnToAuthor(approver, submitted.id(), "Say which systems were hit.");

        assertThat(returned.state()).isEqualTo(IncidentState.DRAFT);
        assertThat(returned.textFingerprint()).isNull();
        assertThat(returned.recipientsFingerprint()).isNull();
        assertThat(returned.timeline()).last().satisfies(t -> {
            assertThat(t.step()).isEqualTo("RETURNED");
            assertThat(t.detail()).isEqualTo("Say which systems were hit.");
            assertThat(t.actor()).isEqualTo(approver.displayName());
        });
        assertThat(logged("BREACH_RETURN", submitted.id())).hasSize(1);
    }

    @Test
    void r8EachStepIsTakenOnlyFromTheStateItBelongsTo() {
        IncidentDto draft = breaches.create(author, request("Out of order", courseScope(smallCourse())));
        assertRefused(() -> breaches.approve(approver, draft.id(), approvalOf(draft)), 409,
                ProblemCode.STATE_CONFLICT);
        assertRefused(() -> breaches.returnToAuthor(approver, draft.id(), "Nothing to return."), 409,
                ProblemCode.STATE_CONFLICT);
        assertRefused(() -> breaches.send(author, draft.id()), 409, ProblemCode.STATE_CONFLICT);

        IncidentDto submitted = breaches.submit(author, draft.id());
        assertRefused(() -> breaches.submit(author, draft.id()), 409, ProblemCode.STATE_CONFLICT);
        assertRefused(() -> breaches.send(author, draft.id()), 409, ProblemCode.STATE_CONFLICT);

        breaches.approve(approver, draft.id(), approvalOf(submitted));
        assertRefused(() -> breaches.approve(approver, draft.id(), approvalOf(submitted)), 409,
                ProblemCode.STATE_CONFLICT);
        assertRefused(() -> breaches.update(author, draft.id(), submitted.version(), retitled(submitted, "Late")),
                409, ProblemCode.STATE_CONFLICT);

        // no sender runs here: sending starts, and nothing goes out
        assertThat(breaches.send(author, draft.id()).state()).isEqualTo(IncidentState.SENDING);
        assertRefused(() -> breaches.send(author, draft.id()), 409, ProblemCode.STATE_CONFLICT);
        assertThat(steps(breaches.get(author, draft.id()))).containsExactly("CREATED", "SUBMITTED", "APPROVERS_TOLD",
                "APPROVED", "SENDING");
    }

    @Test
    void r8CancellingAnApprovedNoticeStopsEveryMessageAndKeepsTheReason() {
        // every learner of the Member: some live where the law asks for a letter as well
        IncidentDto submitted = breaches.submit(author, breaches.create(author, request("False alarm",
                BreachScope.allLearners())).id());
        IncidentDto approved = breaches.approve(approver, submitted.id(), approvalOf(submitted));
        assertThat(approved.progress().pending()).isPositive();
        assertThat(approved.progress().lettersReady()).as("some learners are owed a letter").isPositive();
        assertRefused(() -> breaches.cancel(author, submitted.id(), ""), 422, ProblemCode.VALIDATION_FAILED);

        IncidentDto cancelled = breaches.cancel(author, submitted.id(), "The laptop was found, still locked.");

        assertThat(cancelled.state()).isEqualTo(IncidentState.CANCELLED);
        assertThat(cancelled.progress().pending()).isZero();
        assertThat(cancelled.progress().lettersReady()).as("letters not printed yet are not to be posted").isZero();
        assertThat(cancelled.progress().cancelled())
                .isEqualTo(approved.progress().pending() + approved.progress().lettersReady());
        assertRefused(() -> records.letters(author, submitted.id(), OutputStream.nullOutputStream()), 409,
                ProblemCode.STATE_CONFLICT);
        assertThat(cancelled.timeline()).last().satisfies(t -> {
            assertThat(t.step()).isEqualTo("CANCELLED");
            assertThat(t.detail()).startsWith("The laptop was found, still locked.");
        });
        assertRefused(() -> breaches.send(author, submitted.id()), 409, ProblemCode.STATE_CONFLICT);
        assertRefused(() -> breaches.cancel(author, submitted.id(), "Again."), 409, ProblemCode.STATE_CONFLICT);
        assertThat(logged("BREACH_CANCEL", submitted.id())).hasSize(1);
    }

    @Test
    void r2R8AListReachesOnlyTheMembersOwnLearnersWhateverItNames() {
        String own = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE member_id = 'northbridge' ORDER BY "
                + "learner_id", rs -> rs.getString(1)).orElseThrow();
        String otherMembers = jdbc.queryOne("SELECT learner_id FROM enrollment WHERE member_id = 'sahel' AND "
                + "learner_id NOT IN (SELECT learner_id FROM enrollment WHERE member_id = 'northbridge') "
                + "ORDER BY learner_id", rs -> rs.getString(1)).orElseThrow();
        String otherMembersEmail = jdbc.queryOne("SELECT email FROM enrollment WHERE member_id = 'sahel' AND email "
                + "IS NOT NULL AND learner_id NOT IN (SELECT learner_id FROM enrollment WHERE member_id = "
                + "'northbridge') ORDER BY id", rs -> rs.getString(1)).orElseThrow();
        String neverEnrolled = jdbc.queryOne("SELECT id FROM learner WHERE id NOT IN (SELECT learner_id FROM "
                + "enrollment) ORDER BY id", rs -> rs.getString(1)).orElseThrow();

        IncidentDto submitted = breaches.submit(author, breaches.create(author, request("A list",
                listScope(own, otherMembers, otherMembersEmail, neverEnrolled))).id());
        breaches.approve(approver, submitted.id(), approvalOf(submitted));

        assertThat(submitted.recipientCount()).isEqualTo(1);
        assertThat(jdbc.query("SELECT DISTINCT learner_id FROM notice_delivery WHERE incident_id = ?",
                rs -> rs.getString(1), submitted.id())).containsExactly(own);
    }

    @Test
    void r1AnotherMembersOfficerFindsNoNoticeAndNoCourseOfOurs() {
        IncidentDto draft = breaches.create(author, request("Ours alone", courseScope(smallCourse())));
        IncidentDto submitted = breaches.submit(author, draft.id());

        for (ThrowingCallable call : List.<ThrowingCallable>of(() -> breaches.get(otherMembersOfficer, draft.id()),
                () -> breaches.update(otherMembersOfficer, draft.id(), draft.version(), draft.toRequest()),
                () -> breaches.approve(otherMembersOfficer, draft.id(), approvalOf(submitted)),
                () -> breaches.returnToAuthor(otherMembersOfficer, draft.id(), "Not yours."),
                () -> breaches.cancel(otherMembersOfficer, draft.id(), "Not yours."))) {
            assertRefused(call, 404, ProblemCode.NOT_FOUND);
        }
        assertThat(breaches.list(otherMembersOfficer)).extracting(s -> s.id()).doesNotContain(draft.id());
        PlatformException ours = Refused.by(() -> breaches.create(otherMembersOfficer, request("Their course",
                courseScope(smallCourse()))));
        PlatformException none = Refused.by(() -> breaches.create(otherMembersOfficer, request("No course",
                courseScope("course-v1:No+Such+Run"))));
        assertThat(ours.status()).isEqualTo(422);
        assertThat(ours.errors().getFirst().message().replace(smallCourse(), "ID"))
                .isEqualTo(none.errors().getFirst().message().replace("course-v1:No+Such+Run", "ID"));
        assertThat(breaches.get(author, draft.id()).state()).isEqualTo(IncidentState.SUBMITTED);
    }
}
