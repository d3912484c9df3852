package org.iqracity.console.platform.service.breach;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.iqracity.console.api.Json;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.Role;
import org.iqracity.console.api.breach.ApprovalRequest;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.DeliveryProgressDto;
import org.iqracity.console.api.breach.DeliveryStatus;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.IncidentState;
import org.iqracity.console.api.breach.IncidentSummaryDto;
import org.iqracity.console.api.breach.NoticeChannel;
import org.iqracity.console.api.breach.RegulatorNotification;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.api.breach.SiteNoticeDto;
import org.iqracity.console.api.breach.TimelineEntryDto;
import org.iqracity.console.platform.service.AccessLog;
import org.iqracity.console.platform.service.Caller;
import org.iqracity.console.platform.service.PlatformException;
import org.iqracity.console.platform.service.Tokens;
import org.iqracity.console.platform.store.BreachRepository;
import org.iqracity.console.platform.store.BreachRepository.Draft;
import org.iqracity.console.platform.store.BreachRepository.IncidentRow;
import org.iqracity.console.platform.store.DeliveryRepository;
import org.iqracity.console.platform.store.Jdbc;
import org.iqracity.console.platform.store.RecipientRepository;

/**
 * Breach notices (R8): only the Member's security officers draft, approve and send them; the approver is a different
 * officer than the author; approval freezes the text and the recipients; every step is in the incident's timeline
 * and in the access log (R12).
 */
public final class BreachService {
    public static final Duration REGULATOR_CLOCK = Duration.ofHours(72);

    private final Jdbc jdbc;
    private final BreachRepository incidents;
    private final DeliveryRepository deliveries;
    private final RecipientResolver resolver;
    private final ScopeResolutions resolutions;
    private final Jurisdictions jurisdictions;
    private final AccessLog accessLog;
    private final Clock clock;
    private final String mailDomain;
    private final Runnable wakeSender;

    public BreachService(Jdbc jdbc, BreachRepository incidents, DeliveryRepository deliveries,
                         RecipientRepository recipients, Jurisdictions jurisdictions, AccessLog accessLog, Clock clock,
                         String mailDomain, Runnable wakeSender) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.deliveries = deliveries;
        this.resolver = new RecipientResolver(recipients);
        this.jurisdictions = jurisdictions;
        this.resolutions = new ScopeResolutions(resolver::resolve, jurisdictions, recipients::enrollmentVersion);
        this.accessLog = accessLog;
        this.clock = clock;
        this.mailDomain = mailDomain;
        this.wakeSender = wakeSender;
    }

    public static void requireOfficer(Caller caller) {
        if (!caller.has(Role.SECURITY_OFFICER)) {
            throw PlatformException.forbidden("Only the Member's security officers work with breach notices.");
        }
    }

    public List<IncidentSummaryDto> list(Caller caller) {
        requireOfficer(caller);
        Map<String, Instant> told = incidents.regulatorNotified(caller.memberId());
        return incidents.list(caller.memberId()).stream().map(r -> new IncidentSummaryDto(r.id(), r.title(), r.state(),
                r.discoveredAt(), r.discoveredAt().plus(REGULATOR_CLOCK), r.createdByName(), r.createdAt(),
                r.recipientCount(), progress(r), told.get(r.id()), mayApprove(caller, r))).toList();
    }

    /** Refuses a caller who may not act on this incident: 403 for a non-officer, 404 for any other Member's. */
    public void requireVisible(Caller caller, String id) {
        requireOfficer(caller);
        visible(caller, id);
    }

    public IncidentDto get(Caller caller, String id) {
        requireOfficer(caller);
        return dto(caller, visible(caller, id));
    }

    public IncidentDto create(Caller caller, IncidentRequest request) {
        requireOfficer(caller);
        Draft draft = validate(request, true);
        if (request.scope() != null) {
            resolver.checkCourses(caller.memberId(), request.scope());
        }
        String id = Tokens.newId().substring(0, 20);
        Instant now = now();
        jdbc.inTransaction(c -> {
            incidents.insert(c, id, caller.memberId(), draft, caller.staffId(), caller.displayName(), now);
            incidents.contributed(c, id, caller.staffId());
            incidents.event(c, id, now, caller.displayName(), "CREATED", "Draft created.");
            return null;
        });
        log(caller, "BREACH_CREATE", id);
        return get(caller, id);
    }

    public IncidentDto update(Caller caller, String id, long expectedVersion, IncidentRequest request) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        if (!row.state().editable()) {
            throw stateConflict("Only a draft can be edited; this notice is " + words(row.state()) + ".");
        }
        Draft draft = validate(request, false);
        if (request.scope() != null) {
            resolver.checkCourses(caller.memberId(), request.scope());
        }
        List<String> changed = changedParts(row, draft);
        if (changed.isEmpty() && row.version() == expectedVersion) {
            // A save that changes nothing (an autosave of an untouched form) writes nothing and names nobody.
            return dto(caller, row);
        }
        boolean saved = jdbc.inTransaction(c -> {
            boolean ok = incidents.updateDraft(c, id, caller.memberId(), expectedVersion, draft);
            if (ok && !changed.isEmpty()) {
                incidents.contributed(c, id, caller.staffId());
                incidents.event(c, id, now(), caller.displayName(), "EDITED", "Changed " + String.join(", ",
                        changed) + ".");
            }
            return ok;
        });
        if (!saved) {
            IncidentRow now = visible(caller, id);
            if (!now.state().editable()) {
                throw stateConflict("Only a draft can be edited; this notice is " + words(now.state()) + ".");
            }
            throw new PlatformException(412, ProblemCode.VERSION_CONFLICT, "Version conflict",
                    "Someone changed this draft after you opened it. Reload it and make your change again.",
                    List.of(), null);
        }
        log(caller, "BREACH_EDIT", id);
        return get(caller, id);
    }

    /** Freezes nothing yet, but fixes the fingerprints the approver will be shown. */
    public IncidentDto submit(Caller caller, String id) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        requireState(row, IncidentState.DRAFT, "submitted");
        List<Problem.FieldError> errors = new ArrayList<>();
        if (row.whatHappened().isBlank()) {
            errors.add(new Problem.FieldError("whatHappened", "Say what happened before submitting."));
        }
        if (row.contact().isBlank()) {
            errors.add(new Problem.FieldError("contact", "Give learners a contact point before submitting."));
        }
        if (row.subject().isBlank()) {
            errors.add(new Problem.FieldError("subject", "Write the notice's subject before submitting."));
        }
        if (row.body().isBlank()) {
            errors.add(new Problem.FieldError("body", "Write the notice's text before submitting."));
        }
        RecipientPlan plan = plan(caller.memberId(), row);
        if (scope(row) == null) {
            errors.add(new Problem.FieldError("scope", "Choose who gets the notice: courses, a list of learners, or "
                    + "every learner of your Member."));
        } else if (plan.size() == 0) {
            errors.add(new Problem.FieldError("scope", "The scope reaches no learner of your Member."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        String textPrint = textFingerprint(row);
        String recipientsPrint = plan.fingerprint();
        transition(row, IncidentState.DRAFT, c -> {
            incidents.submitted(c, id, caller.staffId(), caller.displayName(), now(), textPrint, recipientsPrint,
                    plan.size());
            incidents.contributed(c, id, caller.staffId());
            incidents.event(c, id, now(), caller.displayName(), "SUBMITTED",
                    "Submitted for approval: " + plan.size() + " learners; text " + shortPrint(textPrint)
                            + ", recipients " + shortPrint(recipientsPrint) + ".");
            int told = incidents.alertApprovers(c, id, row.memberId(), caller.staffId(),
                    "Breach notice waiting for your approval: " + cut(row.title(), 120),
                    approvalAlert(row, caller, plan.size()), "approval." + id + "." + row.version(), mailDomain,
                    now());
            if (told > 0) {
                incidents.event(c, id, now(), "Platform", "APPROVERS_TOLD", told + (told == 1 ? " security officer"
                        : " security officers") + " who may approve it told by email.");
            }
        });
        log(caller, "BREACH_SUBMIT", id);
        wakeSender.run();
        return get(caller, id);
    }

    private static final DateTimeFormatter ALERT_TIME = DateTimeFormatter
            .ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /**
     * The email that tells an officer a notice waits for them: what, by whom, how many learners and the regulator's
     * deadline. No learner's data and no link that signs anyone in: they open it in the console.
     */
    private String approvalAlert(IncidentRow row, Caller submitter, long learners) {
        String member = incidents.memberName(row.memberId()).orElse(row.memberId());
        return "A breach notice of " + member + " waits for a second security officer's approval.\n\n"
                + "Incident: " + row.title() + "\n"
                + "Submitted by: " + submitter.displayName() + ", " + ALERT_TIME.format(now()) + "\n"
                + "Learners it reaches: " + String.format(Locale.ROOT, "%,d", learners) + "\n"
                + "The supervisory authority must be notified by: "
                + ALERT_TIME.format(row.discoveredAt().plus(REGULATOR_CLOCK)) + "\n\n"
                + "To review it, sign in to Member Console and open Breach notices. Only an officer who wrote none "
                + "of the notice may approve it.\n\n"
                + "You get this message because you are a security officer of " + member + ".\n";
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "…" : s;
    }

    /** The parts of the notice a save changes, in words for the timeline; empty when it changes nothing. */
    static List<String> changedParts(IncidentRow row, Draft d) {
        List<String> parts = new ArrayList<>();
        if (!row.title().equals(d.title()) || !row.discoveredAt().equals(d.discoveredAt())
                || !Objects.equals(row.occurredFrom(), d.occurredFrom())
                || !Objects.equals(row.occurredTo(), d.occurredTo())
                || !row.whatHappened().equals(d.whatHappened()) || !row.dataCategories().equals(d.dataCategories())
                || !row.systems().equals(d.systems()) || !row.measures().equals(d.measures())
                || !row.learnerActions().equals(d.learnerActions())) {
            parts.add("the incident facts");
        }
        if (!row.contact().equals(d.contact())) {
            parts.add("the contact");
        }
        if (!sameScope(row.scopeJson(), d.scopeJson())) {
            parts.add("the scope");
        }
        // Stored text may keep the template's final line break, which a save strips.
        if (!row.subject().strip().equals(d.subject()) || !row.body().strip().equals(d.body())) {
            parts.add("the notice text");
        }
        return parts;
    }

    private static boolean sameScope(String stored, String saved) {
        try {
            return Json.mapper().readTree(stored).equals(Json.mapper().readTree(saved));
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    public IncidentDto returnToAuthor(Caller caller, String id, String reason) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        requireState(row, IncidentState.SUBMITTED, "returned");
        String why = requireReason(reason);
        transition(row, IncidentState.SUBMITTED, c -> {
            incidents.returned(c, id);
            incidents.event(c, id, now(), caller.displayName(), "RETURNED", why);
        });
        log(caller, "BREACH_RETURN", id);
        return get(caller, id);
    }

    /**
     * A second officer approves exactly what they saw: both fingerprints must match what was submitted, and the
     * recipients, resolved again now, must still be the same set. The outbox is written in the same transaction.
     */
    public IncidentDto approve(Caller caller, String id, ApprovalRequest request) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        requireState(row, IncidentState.SUBMITTED, "approved");
        if (caller.staffId().equals(row.createdById()) || caller.staffId().equals(row.submittedById())
                || jdbc.inTransaction(c -> incidents.isContributor(c, id, caller.staffId()))) {
            throw PlatformException.forbidden("You wrote part of this notice (you created, changed or submitted it); "
                    + "a security officer who did not must approve it.");
        }
        if (request == null || !row.textFingerprint().equals(request.textFingerprint())
                || !row.recipientsFingerprint().equals(request.recipientsFingerprint())) {
            throw new PlatformException(409, ProblemCode.VERSION_CONFLICT, "Not what you reviewed",
                    "The fingerprints you approved are not those of the submitted notice. Reload it and review again.",
                    List.of(), null);
        }
        RecipientPlan plan = plan(caller.memberId(), row);
        if (!plan.fingerprint().equals(row.recipientsFingerprint())) {
            throw stateConflict("The learners in scope have changed since the notice was submitted (enrollments or "
                    + "contact details moved). Return it to the author to review and submit again.");
        }
        transition(row, IncidentState.SUBMITTED, c -> {
            deliveries.insertAll(c, id, plan.deliveries(id, mailDomain));
            incidents.approved(c, id, caller.staffId(), caller.displayName(), now());
            incidents.event(c, id, now(), caller.displayName(), "APPROVED", "Approved; text and " + plan.size()
                    + " recipients frozen (" + shortPrint(row.textFingerprint()) + ", "
                    + shortPrint(row.recipientsFingerprint()) + ").");
        });
        log(caller, "BREACH_APPROVE", id);
        return get(caller, id);
    }

    public IncidentDto send(Caller caller, String id) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        requireState(row, IncidentState.APPROVED, "sent");
        transition(row, IncidentState.APPROVED, c -> {
            incidents.setState(c, id, IncidentState.SENDING);
            incidents.event(c, id, now(), caller.displayName(), "SENDING", "Sending started.");
        });
        log(caller, "BREACH_SEND", id);
        wakeSender.run();
        return get(caller, id);
    }

    public IncidentDto cancel(Caller caller, String id, String reason) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        if (row.state().finished()) {
            throw stateConflict("This notice is already " + words(row.state()) + ".");
        }
        String why = requireReason(reason);
        transition(row, row.state(), c -> {
            int stopped = deliveries.cancelOpen(c, id);
            int letters = deliveries.cancelLetters(c, id);
            incidents.setState(c, id, IncidentState.CANCELLED);
            incidents.event(c, id, now(), caller.displayName(), "CANCELLED", why
                    + (stopped > 0 ? " (" + stopped + " messages not sent)" : "")
                    + (letters > 0 ? " (" + letters + " letters not to be posted; any printed before now are not "
                    + "recalled by this)" : ""));
        });
        log(caller, "BREACH_CANCEL", id);
        return get(caller, id);
    }

    public IncidentDto retryFailed(Caller caller, String id) {
        requireOfficer(caller);
        IncidentRow row = visible(caller, id);
        if (row.state() != IncidentState.SENDING && row.state() != IncidentState.SENT) {
            throw stateConflict("Failed messages can be retried once sending has started.");
        }
        transition(row, row.state(), c -> {
            int again = deliveries.retryFailed(c, id);
            if (again > 0) {
                incidents.reopen(c, id);
            }
            incidents.event(c, id, now(), caller.displayName(), "RETRY", again + " failed messages queued again.");
        });
        log(caller, "BREACH_RETRY", id);
        wakeSender.run();
        return get(caller, id);
    }

    /** Stands in for a scope not chosen yet while the request is checked: it names nothing and asks for nothing. */
    private static final BreachScope NO_SCOPE_CHOSEN = BreachScope.allLearners();

    /** The incident's scope as stored; null while the officer has not chosen who is affected. */
    public static BreachScope scope(IncidentRow row) {
        try {
            return Json.tolerantMapper().readValue(row.scopeJson(), BreachScope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored scope of incident " + row.id() + " is unreadable", e);
        }
    }

    RecipientPlan plan(String memberId, IncidentRow row) {
        return resolved(memberId, row).plan();
    }

    /** The learners the incident's scope reaches, resolved once while the scope and the enrollments stand. */
    ScopeResolutions.Resolved resolved(String memberId, IncidentRow row) {
        BreachScope scope = scope(row);
        if (scope == null) {
            return new ScopeResolutions.Resolved(new RecipientResolver.Resolution(List.of(), List.of()),
                    RecipientPlan.of(List.of(), jurisdictions));
        }
        return resolutions.get(memberId, row.scopeJson(), scope);
    }

    RecipientResolver resolver() {
        return resolver;
    }

    IncidentRow visible(Caller caller, String id) {
        if (id == null || id.length() > 64) {
            throw PlatformException.notFound();
        }
        return incidents.find(caller.memberId(), id).orElseThrow(PlatformException::notFound);
    }

    @FunctionalInterface
    private interface Step {
        void run(Connection c) throws SQLException;
    }

    /** Runs a state change with the incident locked, failing if someone moved it away from {@code expected}. */
    private void transition(IncidentRow row, IncidentState expected, Step step) {
        jdbc.inTransaction(c -> {
            IncidentRow locked = incidents.lock(c, row.memberId(), row.id()).orElseThrow(PlatformException::notFound);
            if (locked.state() != expected || locked.version() != row.version()) {
                throw stateConflict("Someone else acted on this notice just now; it is " + words(locked.state())
                        + ". Reload it.");
            }
            step.run(c);
            return null;
        });
    }

    static String textFingerprint(IncidentRow r) {
        String canonical = String.join("\u001f", r.title(), r.discoveredAt().toString(), str(r.occurredFrom()),
                str(r.occurredTo()), r.whatHappened(), r.dataCategories(), r.systems(), r.measures(),
                r.learnerActions(), r.contact(), r.subject(), r.body());
        return Tokens.sha256(canonical);
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static String shortPrint(String print) {
        return print == null ? "-" : print.substring(0, 16);
    }

    private void requireState(IncidentRow row, IncidentState state, String verb) {
        if (row.state() != state) {
            throw stateConflict("This notice cannot be " + verb + " now: it is " + words(row.state()) + ".");
        }
    }

    static String words(IncidentState state) {
        return switch (state) {
            case DRAFT -> "a draft";
            case SUBMITTED -> "waiting for approval";
            case APPROVED -> "approved and not yet sent";
            case SENDING -> "being sent";
            case SENT -> "sent";
            case CANCELLED -> "cancelled";
        };
    }

    static PlatformException stateConflict(String detail) {
        return new PlatformException(409, ProblemCode.STATE_CONFLICT, "Not possible now", detail, List.of(), null);
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw PlatformException.invalid("reason", "Give a reason; it goes into the incident's timeline.");
        }
        if (reason.length() > 2000) {
            throw PlatformException.invalid("reason", "Keep the reason under 2,000 characters.");
        }
        if (hasControl(reason, true)) {
            throw PlatformException.invalid("reason", CONTROL_CHARACTER);
        }
        return reason.strip();
    }

    void log(Caller caller, String action, String incidentId) {
        accessLog.record(AccessLog.by(caller, action, "INCIDENT", incidentId, null));
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Draft validate(IncidentRequest r, boolean creating) {
        if (r == null) {
            throw PlatformException.invalid("body", "Send the incident as JSON.");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String title = text(r.title(), "title", 300, true, errors);
        if (r.discoveredAt() == null) {
            errors.add(new Problem.FieldError("discoveredAt", "Say when the breach was discovered."));
        } else {
            checkDate(r.discoveredAt(), "discoveredAt", "The discovery", errors);
        }
        checkDate(r.occurredFrom(), "occurredFrom", "The start of the breach", errors);
        checkDate(r.occurredTo(), "occurredTo", "The end of the breach", errors);
        if (r.occurredFrom() != null && r.occurredTo() != null && r.occurredFrom().isAfter(r.occurredTo())) {
            errors.add(new Problem.FieldError("occurredTo", "The end of the breach comes before its start."));
        }
        String what = multiLineText(r.whatHappened(), "whatHappened", 20000, errors);
        String systems = multiLineText(r.systems(), "systems", 5000, errors);
        String measures = multiLineText(r.measures(), "measures", 20000, errors);
        String actions = multiLineText(r.learnerActions(), "learnerActions", 20000, errors);
        String contact = multiLineText(r.contact(), "contact", 2000, errors);
        boolean blankText = (r.subject() == null || r.subject().isBlank()) && (r.body() == null || r.body().isBlank());
        // A draft may be unfinished: the text is required when it is submitted, not while it is written.
        String subject = creating && blankText ? NoticeTemplate.DEFAULT_SUBJECT.strip()
                : text(r.subject(), "subject", 500, false, errors);
        String body = creating && blankText ? NoticeTemplate.DEFAULT_BODY.strip()
                : multiLineText(r.body(), "body", 50000, errors);
        for (String field : List.of("subject", "body")) {
            List<String> unknown = NoticeTemplate.unknownPlaceholders("subject".equals(field) ? subject : body);
            if (!unknown.isEmpty()) {
                errors.add(new Problem.FieldError(field, "Unknown placeholder {{" + cut(unknown.getFirst())
                        + "}}. Known: " + String.join(", ", NoticeTemplate.PLACEHOLDERS.stream().sorted().toList())));
            }
        }
        // No scope yet: the officer has not chosen who is affected. Every learner of the Member is a choice made on
        // purpose (a filter naming no course), never what a missing field means.
        BreachScope scope = r.scope() == null ? NO_SCOPE_CHOSEN : r.scope();
        if (scope.mode() == ScopeMode.LIST && scope.learners().stream().allMatch(s -> s == null || s.isBlank())) {
            errors.add(new Problem.FieldError("scope.learners", "Paste at least one learner id or email."));
        }
        if (scope.learners().size() > RecipientResolver.MAX_LIST) {
            errors.add(new Problem.FieldError("scope.learners", String.format(Locale.ROOT,
                    "A list can name up to %,d learners; split a longer one into several notices.",
                    RecipientResolver.MAX_LIST)));
        }
        if (scope.learners().stream().anyMatch(s -> s != null && s.length() > 254)) {
            errors.add(new Problem.FieldError("scope.learners", "An entry is longer than any id or email."));
        } else if (scope.learners().stream().anyMatch(s -> s != null && hasControl(s, false))) {
            errors.add(new Problem.FieldError("scope.learners", CONTROL_CHARACTER));
        }
        if (scope.courseIds().size() > 1000
                || scope.courseIds().stream().anyMatch(s -> s == null || s.length() > 200)) {
            errors.add(new Problem.FieldError("scope.courseIds", "Name courses by their ids."));
        }
        if (scope.enrolledFrom() != null && scope.enrolledTo() != null
                && !scope.enrolledFrom().isBefore(scope.enrolledTo())) {
            errors.add(new Problem.FieldError("scope.enrolledTo", "The end of the enrollment range comes first."));
        }
        if (!errors.isEmpty()) {
            throw PlatformException.invalid(errors);
        }
        String categories = String.join(",", r.dataCategories().stream().distinct().map(Enum::name).toList());
        try {
            return new Draft(title, r.discoveredAt().truncatedTo(ChronoUnit.MICROS), micros(r.occurredFrom()),
                    micros(r.occurredTo()), what, categories, systems, measures, actions, contact,
                    Json.mapper().writeValueAsString(r.scope()), subject, body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MICROS);
    }

    private static String cut(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** The earliest date a notice carries: anything before is a typing slip (year 0001), not a breach. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    static final String CONTROL_CHARACTER = "This contains an invisible control character (such as NUL or a "
            + "backspace); retype or paste it again without it.";

    /** A date of the breach's story: not before 1970 and not ahead of now (a few minutes of clock drift aside). */
    void checkDate(Instant value, String field, String what, List<Problem.FieldError> errors) {
        if (value == null) {
            return;
        }
        if (value.isBefore(EARLIEST)) {
            errors.add(new Problem.FieldError(field, what + " cannot lie before 1970; check the year."));
        } else if (value.isAfter(clock.instant().plus(Duration.ofMinutes(5)))) {
            errors.add(new Problem.FieldError(field, what + " cannot lie in the future."));
        }
    }

    /** One line of text: no line breaks, no control characters. */
    static String text(String value, String field, int max, boolean required, List<Problem.FieldError> errors) {
        return checkedText(value, field, max, required, false, errors);
    }

    /** Paragraphs: line breaks and tabs allowed, no other control characters. */
    private static String multiLineText(String value, String field, int max, List<Problem.FieldError> errors) {
        return checkedText(value, field, max, false, true, errors);
    }

    private static String checkedText(String value, String field, int max, boolean required, boolean lines,
                                      List<Problem.FieldError> errors) {
        String v = value == null ? "" : value.strip();
        if (required && v.isEmpty()) {
            errors.add(new Problem.FieldError(field, "This cannot be empty."));
        } else if (v.length() > max) {
            errors.add(new Problem.FieldError(field, "Keep this under " + max + " characters."));
        } else if (hasControl(v, lines)) {
            errors.add(new Problem.FieldError(field, CONTROL_CHARACTER));
        }
        return v;
    }

    /** Whether {@code s} holds a C0 or C1 control character (or DEL); line breaks and tabs only where allowed. */
    static boolean hasControl(String s, boolean lineBreaksAllowed) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isISOControl(ch) && !(lineBreaksAllowed && (ch == '\n' || ch == '\r' || ch == '\t'))) {
                return true;
            }
        }
        return false;
    }

    static List<DataCategory> categories(String stored) {
        return stored == null || stored.isEmpty() ? List.of()
                : Arrays.stream(stored.split(",")).map(DataCategory::valueOf).toList();
    }

    DeliveryProgressDto progress(IncidentRow row) {
        if (row.state() == IncidentState.DRAFT || row.state() == IncidentState.SUBMITTED) {
            return DeliveryProgressDto.NONE;
        }
        Map<NoticeChannel, Map<DeliveryStatus, Long>> counts = incidents.deliveryCounts(row.id());
        Map<DeliveryStatus, Long> email = counts.getOrDefault(NoticeChannel.EMAIL, Map.of());
        Map<DeliveryStatus, Long> letter = counts.getOrDefault(NoticeChannel.LETTER, Map.of());
        long total = email.values().stream().mapToLong(Long::longValue).sum()
                + letter.values().stream().mapToLong(Long::longValue).sum();
        return new DeliveryProgressDto(total, n(email, DeliveryStatus.PENDING) + n(email, DeliveryStatus.IN_FLIGHT),
                n(email, DeliveryStatus.SENT), n(email, DeliveryStatus.RETRY), n(email, DeliveryStatus.FAILED),
                n(email, DeliveryStatus.IN_DOUBT),
                n(email, DeliveryStatus.CANCELLED) + n(letter, DeliveryStatus.CANCELLED),
                n(email, DeliveryStatus.UNREACHABLE) + n(letter, DeliveryStatus.UNREACHABLE),
                n(letter, DeliveryStatus.READY) + n(letter, DeliveryStatus.SENT));
    }

    private static long n(Map<DeliveryStatus, Long> m, DeliveryStatus s) {
        return m.getOrDefault(s, 0L);
    }

    IncidentDto dto(Caller caller, IncidentRow r) {
        List<TimelineEntryDto> timeline = incidents.timeline(r.id()).stream()
                .map(e -> new TimelineEntryDto(e.at(), e.actor(), e.step(), e.detail())).toList();
        String memberName = incidents.memberName(r.memberId()).orElse(r.memberId());
        SiteNoticeDto site = incidents.currentSiteNotice(r.id()).map(n -> siteNotice(caller, n, memberName))
                .orElse(null);
        SiteNoticeDto proposed = incidents.proposedSiteNotice(r.id()).map(n -> siteNotice(caller, n, memberName))
                .orElse(null);
        RegulatorNotification told = incidents.regulatorNotice(r.id()).map(n -> new RegulatorNotification(
                n.notifiedAt(), n.authority(), n.reference(), n.recordedByName(), n.recordedAt())).orElse(null);
        return new IncidentDto(r.id(), r.title(), r.state(), r.version(), r.discoveredAt(),
                r.discoveredAt().plus(REGULATOR_CLOCK), r.occurredFrom(), r.occurredTo(), r.whatHappened(),
                categories(r.dataCategories()), r.systems(), r.measures(), r.learnerActions(), r.contact(), scope(r),
                r.subject(), r.body(), r.createdByName(), r.createdAt(), r.submittedByName(), r.submittedAt(),
                r.approvedByName(), r.approvedAt(), r.textFingerprint(), r.recipientsFingerprint(),
                r.recipientCount(), progress(r), site, timeline, proposed, mayApprove(caller, r), told);
    }

    /** The notice waits for approval and the caller wrote none of it (created, changed or submitted it). */
    private boolean mayApprove(Caller caller, IncidentRow r) {
        return r.state() == IncidentState.SUBMITTED && !caller.staffId().equals(r.createdById())
                && !caller.staffId().equals(r.submittedById())
                && !jdbc.inTransaction(c -> incidents.isContributor(c, r.id(), caller.staffId()));
    }

    static SiteNoticeDto siteNotice(Caller caller, BreachRepository.SiteNotice n, String memberName) {
        boolean proposed = n.postedAt() == null && n.withdrawnAt() == null;
        return new SiteNoticeDto(n.id(), n.memberId(), memberName, n.incidentId(), n.title(), n.body(), n.postedAt(),
                n.withdrawnAt(), n.postedBy(), n.proposedAt(), n.approvedBy(), siteNoticeFingerprint(n.title(),
                n.body()), proposed && !caller.staffId().equals(n.proposedById()));
    }

    /** What a second officer approves of a site notice: exactly this title and text. */
    static String siteNoticeFingerprint(String title, String body) {
        return Tokens.sha256(title + "\u001f" + body);
    }
}
