package org.iqracity.console.ui.breach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Problem;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.BreachScope;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.breach.BreachContext.NoticeAction;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * The guided flow for a draft: incident facts, who was affected (with live counts), channels per jurisdiction, the
 * notice with a preview for one learner, submission. Every step is saved as the person moves on, with the version
 * it was edited from (If-Match); a draft someone else saved in between is never overwritten.
 */
public final class DraftViewModel {

    public enum Step { FACTS, SCOPE, CHANNELS, NOTICE, SUBMIT }

    /** CHOOSE: nothing is counted until the officer has said who was affected. */
    public enum PreviewState { NONE, CHOOSE, LOADING, READY, ERROR }

    /** Scope edits settle this long before the draft is saved and counted again. */
    static final Duration SCOPE_SETTLE = Duration.ofMillis(600);
    /** Notice text settles longer: people type whole sentences. */
    static final Duration TEXT_SETTLE = Duration.ofMillis(1500);

    /** A course the scope may name, ticked or not. */
    public static final class CourseChoice {
        private final CourseDto course;
        private final BooleanProperty selected = new SimpleBooleanProperty();

        CourseChoice(CourseDto course) {
            this.course = course;
        }

        public CourseDto course() {
            return course;
        }

        public BooleanProperty selectedProperty() {
            return selected;
        }
    }

    /** One jurisdiction in the preview: how its learners are told, how many, what its law asks. */
    public record JurisdictionRow(String label, String channels, long learners, boolean known, String note) {
    }

    private final BreachContext ctx;
    private final NoticeTemplate template;

    private final StringProperty title = new SimpleStringProperty("");
    private final ObjectProperty<Instant> discoveredAt = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> occurredFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> occurredTo = new SimpleObjectProperty<>();
    private final StringProperty whatHappened = new SimpleStringProperty("");
    private final Map<DataCategory, BooleanProperty> categories = new EnumMap<>(DataCategory.class);
    private final StringProperty systems = new SimpleStringProperty("");
    private final StringProperty measures = new SimpleStringProperty("");
    private final StringProperty learnerActions = new SimpleStringProperty("");
    private final StringProperty contact = new SimpleStringProperty("");

    /** Null until the officer picks courses or a list: no scope is ever chosen for them. */
    private final ObjectProperty<ScopeMode> mode = new SimpleObjectProperty<>();
    private final BooleanProperty everyCourse = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper scopeChosen = new ReadOnlyBooleanWrapper();
    private final ObservableList<CourseChoice> courses = FXCollections.observableArrayList();
    private final ObjectProperty<LocalDate> enrolledFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> enrolledTo = new SimpleObjectProperty<>();
    private final Map<DataCategory, BooleanProperty> holding = new EnumMap<>(DataCategory.class);
    private final StringProperty listText = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper listCount = new ReadOnlyIntegerWrapper();

    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.FACTS);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper();
    private final DraftChecks checks;

    private final DraftPreview preview;

    private IncidentRequest baseline;
    /** Moves on with every new or other draft: answers to a save for the one before are not shown on this one. */
    private int generation;
    private BreachContext.Notice warned;
    private boolean loading;
    private boolean conflicted;
    private boolean coursesAsked;
    private List<String> wantedCourses = List.of();
    private boolean savingNow;
    private final List<Runnable> afterSave = new ArrayList<>();
    private boolean saveQueued;
    private TaskRunner.Cancellable settling;

    DraftViewModel(BreachContext ctx) {
        this.ctx = ctx;
        this.template = new NoticeTemplate(ctx.messages);
        this.checks = new DraftChecks(ctx.messages, this::rules, step.getReadOnlyProperty());
        this.preview = new DraftPreview(ctx, new DraftPreview.Draft() {
            @Override
            public boolean unsaved() {
                return dirty.get() && !conflicted;
            }

            @Override
            public void saveThen(Runnable then) {
                save(then);
            }

            @Override
            public boolean scopeChosen() {
                return scopeChosen.get();
            }

            @Override
            public boolean onNoticeStep() {
                return step.get() == Step.NOTICE;
            }
        });
        checks.onResolved(this::withdrawWarning);
        for (DataCategory c : DataCategory.values()) {
            categories.put(c, new SimpleBooleanProperty());
            holding.put(c, new SimpleBooleanProperty());
        }
        Map<Observable, DraftField> facts = new java.util.LinkedHashMap<>(Map.of(title, DraftField.TITLE,
                discoveredAt, DraftField.DISCOVERED_AT, occurredFrom, DraftField.OCCURRED_TO, occurredTo,
                DraftField.OCCURRED_TO, whatHappened, DraftField.WHAT_HAPPENED, systems, DraftField.SYSTEMS,
                measures, DraftField.MEASURES, learnerActions, DraftField.LEARNER_ACTIONS, contact,
                DraftField.CONTACT));
        categories.values().forEach(p -> facts.put(p, DraftField.DATA_CATEGORIES));
        facts.forEach((o, f) -> o.addListener(x -> edited(f)));
        // The list is counted before the scope listeners run: whether a scope is chosen depends on the count.
        listText.addListener(x -> listCount.set(ScopeEntries.parse(listText.get()).size()));
        Map<Observable, DraftField> scope = new java.util.LinkedHashMap<>(Map.of(enrolledFrom,
                DraftField.SCOPE_ENROLLED_TO, enrolledTo, DraftField.SCOPE_ENROLLED_TO, listText,
                DraftField.SCOPE_LEARNERS, everyCourse, DraftField.SCOPE_COURSES));
        holding.values().forEach(p -> scope.put(p, DraftField.SCOPE_HOLDING));
        scope.forEach((o, f) -> o.addListener(x -> scopeEdited(f)));
        // Picking courses or a list is not yet a choice of learners: what is missing shows once they try to go on.
        mode.addListener(x -> scopeEdited(null));
        everyCourse.addListener((obs, was, now) -> {
            if (now && !loading) {
                courses.forEach(c -> c.selected.set(false));
            }
        });
        subject.addListener(x -> textEdited(DraftField.SUBJECT));
        body.addListener(x -> textEdited(DraftField.BODY));
    }

    // Starting and loading.

    /** A new incident, not yet on the platform: discovered now, the usual template, nobody chosen as affected. */
    void startNew() {
        cancelSettling();
        generation++;
        withdrawWarning();
        Instant now = ctx.clock.instant().truncatedTo(ChronoUnit.MINUTES);
        IncidentRequest blank = new IncidentRequest("", now, null, null, "", List.of(), "", "", "", "", null, "",
                "");
        fill(blank, null);
        baseline = normalize(toRequest());
        conflicted = false;
        saved.set(false);
        step.set(Step.FACTS);
        preview.clear();
        checks.reset();
        dirty.set(false);
        askCourses();
    }

    /** Shows a draft as the platform has it; a different incident starts at the first step. */
    void load(IncidentDto dto, boolean sameIncident) {
        cancelSettling();
        if (!sameIncident) {
            generation++;
            withdrawWarning();
        }
        fill(dto.toRequest(), dto.id());
        baseline = normalize(dto.toRequest());
        conflicted = false;
        saved.set(true);
        checks.reset();
        dirty.set(!normalize(toRequest()).equals(baseline));
        if (!sameIncident) {
            step.set(Step.FACTS);
            preview.clear();
        } else {
            enter(step.get());
        }
        askCourses();
    }

    private void fill(IncidentRequest r, String id) {
        loading = true;
        try {
            title.set(text(r.title()));
            discoveredAt.set(r.discoveredAt());
            occurredFrom.set(r.occurredFrom());
            occurredTo.set(r.occurredTo());
            whatHappened.set(text(r.whatHappened()));
            categories.forEach((c, p) -> p.set(r.dataCategories().contains(c)));
            systems.set(text(r.systems()));
            measures.set(text(r.measures()));
            learnerActions.set(text(r.learnerActions()));
            contact.set(text(r.contact()));
            // The platform keeps "nobody chosen yet" as no scope; every learner is a scope chosen on purpose.
            boolean chosen = r.scope() != null;
            BreachScope s = chosen ? r.scope() : BreachScope.allLearners();
            boolean everyone = s.mode() == ScopeMode.FILTER && s.courseIds().isEmpty();
            mode.set(chosen ? s.mode() : null);
            everyCourse.set(everyone && chosen);
            wantedCourses = s.courseIds();
            courses.forEach(c -> c.selected.set(wantedCourses.contains(c.course.id())));
            enrolledFrom.set(s.enrolledFrom() == null ? null : s.enrolledFrom().atZone(ctx.zone).toLocalDate());
            enrolledTo.set(s.enrolledTo() == null ? null
                    : s.enrolledTo().minusNanos(1).atZone(ctx.zone).toLocalDate());
            holding.forEach((c, p) -> p.set(s.holding().contains(c)));
            listText.set(ScopeEntries.format(s.learners()));
            subject.set(text(r.subject()));
            body.set(text(r.body()));
        } finally {
            loading = false;
        }
        scopeChosen.set(chosen());
    }

    private void askCourses() {
        PlatformClient client = ctx.client();
        if (coursesAsked || client == null) {
            return;
        }
        coursesAsked = true;
        ctx.tasks.run(client::courses).onSuccess(list -> {
            loading = true;
            try {
                courses.setAll(list.stream().map(CourseChoice::new).toList());
                courses.forEach(c -> {
                    c.selected.set(wantedCourses.contains(c.course.id()));
                    c.selected.addListener((obs, was, now) -> {
                        if (now && everyCourse.get() && !loading) {
                            everyCourse.set(false);
                        }
                        scopeEdited(DraftField.SCOPE_COURSES);
                    });
                });
            } finally {
                loading = false;
            }
            scopeChosen.set(chosen());
        }).onFailure(e -> {
            coursesAsked = false;
            ctx.app.report(e);
        });
        ctx.tasks.run(client::jurisdictions).onSuccess(preview::jurisdictions).onFailure(ctx.app::report);
    }

    // What the person typed, as the platform takes it.

    IncidentRequest toRequest() {
        List<DataCategory> picked = categories.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList();
        return new IncidentRequest(title.get().strip(), discoveredAt.get(), occurredFrom.get(), occurredTo.get(),
                whatHappened.get(), picked, systems.get(), measures.get(), learnerActions.get(), contact.get().strip(),
                scope(), subject.get(), body.get());
    }

    /**
     * The scope as chosen; null until the officer has chosen one: the platform keeps a draft without a scope as
     * reaching nobody, counts nothing and refuses to submit it.
     */
    private BreachScope scope() {
        if (!chosen()) {
            return null;
        }
        if (mode.get() == ScopeMode.LIST) {
            return new BreachScope(ScopeMode.LIST, List.of(), null, null, List.of(),
                    ScopeEntries.parse(listText.get()));
        }
        List<String> ids = everyCourse.get() ? List.of() : pickedCourses();
        List<DataCategory> held = holding.entrySet().stream().filter(e -> e.getValue().get())
                .map(Map.Entry::getKey).toList();
        Instant from = enrolledFrom.get() == null ? null : enrolledFrom.get().atStartOfDay(ctx.zone).toInstant();
        // The last day picked counts whole: the platform's upper bound is exclusive.
        Instant to = enrolledTo.get() == null ? null
                : enrolledTo.get().plusDays(1).atStartOfDay(ctx.zone).toInstant();
        return new BreachScope(ScopeMode.FILTER, ids, from, to, held, List.of());
    }

    /** The same draft compares equal whatever order or empty-text spelling the platform answers with. */
    private static IncidentRequest normalize(IncidentRequest r) {
        BreachScope s = r.scope();
        BreachScope scope = s == null ? null : new BreachScope(s.mode(), s.courseIds().stream().sorted().toList(),
                s.enrolledFrom(), s.enrolledTo(), s.holding().stream().sorted(Comparator.naturalOrder()).toList(),
                s.learners());
        return new IncidentRequest(text(r.title()).strip(), r.discoveredAt(), r.occurredFrom(), r.occurredTo(),
                text(r.whatHappened()), r.dataCategories().stream().sorted(Comparator.naturalOrder()).toList(),
                text(r.systems()), text(r.measures()), text(r.learnerActions()), text(r.contact()).strip(), scope,
                text(r.subject()), text(r.body()));
    }

    private List<String> pickedCourses() {
        return courses.isEmpty() ? wantedCourses
                : courses.stream().filter(c -> c.selected.get()).map(c -> c.course.id()).toList();
    }

    /** Courses ticked, every course ticked on purpose, or a list with at least one entry. */
    private boolean chosen() {
        if (mode.get() == ScopeMode.LIST) {
            return listCount.get() > 0;
        }
        return mode.get() == ScopeMode.FILTER && (everyCourse.get() || !pickedCourses().isEmpty());
    }

    private void edited(DraftField field) {
        if (!loading) {
            dirty.set(!normalize(toRequest()).equals(baseline));
            checks.edited(field);
        }
    }

    private void scopeEdited(DraftField field) {
        if (loading) {
            return;
        }
        scopeChosen.set(chosen());
        dirty.set(!normalize(toRequest()).equals(baseline));
        if (field == null) {
            checks.changed();
        } else {
            checks.edited(field);
        }
        settle(SCOPE_SETTLE, this::refreshPreview);
    }

    private void textEdited(DraftField field) {
        if (loading) {
            return;
        }
        edited(field);
        if (step.get() == Step.NOTICE) {
            settle(TEXT_SETTLE, this::loadMessage);
        }
    }

    /** Saves once edits have settled, then runs {@code then}; only for a draft already on the platform. */
    private void settle(Duration delay, Runnable then) {
        cancelSettling();
        if (ctx.incidentId() == null || conflicted) {
            return;
        }
        settling = ctx.tasks.schedule(delay, () -> {
            settling = null;
            save(then);
        });
    }

    private void cancelSettling() {
        if (settling != null) {
            settling.cancel();
            settling = null;
        }
    }

    // Moving through the steps.

    public void next() {
        Step now = step.get();
        if (now.ordinal() < Step.SUBMIT.ordinal()) {
            goTo(Step.values()[now.ordinal() + 1]);
        }
    }

    public void back() {
        Step now = step.get();
        if (now.ordinal() > 0) {
            goTo(Step.values()[now.ordinal() - 1]);
        }
    }

    /** Moves to a step: forward only once this step holds what it needs; the draft is saved on the way. */
    public void goTo(Step target) {
        Step now = step.get();
        if (target == now || savingNow) {
            return;
        }
        if (target.ordinal() > now.ordinal()) {
            for (Step s : Step.values()) {
                if (s.ordinal() >= now.ordinal() && s.ordinal() < target.ordinal() && !check(s)) {
                    return;
                }
            }
        } else if (ctx.incidentId() == null) {
            step.set(target);
            return;
        }
        save(() -> {
            step.set(target);
            enter(target);
        });
    }

    private void enter(Step s) {
        switch (s) {
            case SCOPE, CHANNELS, SUBMIT -> refreshPreview();
            case NOTICE -> {
                if (subject.get().isBlank() && body.get().isBlank()) {
                    useTemplate();
                }
                refreshPreview();
            }
            case FACTS -> { }
        }
    }

    /** The officer tries to move past a step: what it still needs shows, in words, at its fields and above. */
    boolean check(Step s) {
        boolean ok = checks.attempt(s);
        if (!ok) {
            warn("breach.notice.fix");
        }
        return ok;
    }

    /** What is wrong with the draft as it stands, by field; shown only where {@link DraftChecks} says. */
    private Map<DraftField, String> rules() {
        Map<DraftField, String> wrong = new EnumMap<>(DraftField.class);
        if (title.get().isBlank()) {
            wrong.put(DraftField.TITLE, ctx.messages.get("breach.check.title"));
        }
        if (discoveredAt.get() == null) {
            wrong.put(DraftField.DISCOVERED_AT, ctx.messages.get("breach.check.discovered"));
        } else if (discoveredAt.get().isAfter(ctx.clock.instant().plus(Duration.ofMinutes(5)))) {
            wrong.put(DraftField.DISCOVERED_AT, ctx.messages.get("breach.check.discoveredFuture"));
        }
        if (occurredFrom.get() != null && occurredTo.get() != null && occurredTo.get().isBefore(occurredFrom.get())) {
            wrong.put(DraftField.OCCURRED_TO, ctx.messages.get("breach.check.occurred"));
        }
        if (mode.get() == null) {
            wrong.put(DraftField.SCOPE, ctx.messages.get("breach.check.scope"));
        } else if (mode.get() == ScopeMode.LIST && listCount.get() == 0) {
            wrong.put(DraftField.SCOPE_LEARNERS, ctx.messages.get("breach.check.list"));
        } else if (mode.get() == ScopeMode.FILTER && !chosen()) {
            wrong.put(DraftField.SCOPE_COURSES, ctx.messages.get("breach.check.courses"));
        }
        if (mode.get() == ScopeMode.FILTER && enrolledFrom.get() != null && enrolledTo.get() != null
                && enrolledTo.get().isBefore(enrolledFrom.get())) {
            wrong.put(DraftField.SCOPE_ENROLLED_TO, ctx.messages.get("breach.check.enrolled"));
        }
        if (subject.get().isBlank()) {
            wrong.put(DraftField.SUBJECT, ctx.messages.get("breach.check.subject"));
        }
        if (body.get().isBlank()) {
            wrong.put(DraftField.BODY, ctx.messages.get("breach.check.body"));
        }
        return wrong;
    }

    /** A warning above the draft that goes by itself once what it asked for is done. */
    private void warn(String key) {
        ctx.say(NoticeKind.WARNING, ctx.messages.get(key));
        warned = ctx.noticeProperty().get();
    }

    private void withdrawWarning() {
        if (warned != null && warned.equals(ctx.noticeProperty().get())) {
            ctx.dismiss();
        }
        warned = null;
    }

    /** Adds the ids and addresses in a pasted-list file (CSV or one a line) to the list; read off the FX thread. */
    public void importList(java.nio.file.Path file) {
        if (file == null) {
            return;
        }
        ctx.tasks.run(() -> ScopeEntries.read(file)).onSuccess(entries -> {
            List<String> merged = ScopeEntries.parse(listText.get() + "\n" + ScopeEntries.format(entries));
            mode.set(ScopeMode.LIST);
            listText.set(ScopeEntries.format(merged));
            ctx.say(NoticeKind.INFO, ctx.messages.format("breach.notice.imported", entries.size(),
                    file.getFileName().toString()));
        }).onFailure(e -> ctx.say(NoticeKind.DANGER, ctx.messages.format("breach.notice.importFailed",
                file.getFileName().toString())));
    }

    // Saving.

    public void save() {
        save(() -> ctx.say(NoticeKind.SUCCESS, ctx.messages.get("breach.notice.draftSaved")));
    }

    /**
     * Creates the incident on the platform or saves a new version of it, then runs {@code then}. A save asked for
     * while one is on its way runs after it, with the version that one made.
     */
    void save(Runnable then) {
        PlatformClient client = ctx.client();
        if (client == null) {
            return;
        }
        if (conflicted) {
            sayConflict();
            return;
        }
        if (savingNow) {
            afterSave.add(then);
            saveQueued = true;
            return;
        }
        String id = ctx.incidentId();
        if (id == null && !check(Step.FACTS)) {
            return;
        }
        int asked = generation;
        IncidentRequest request = toRequest();
        if (id != null && normalize(request).equals(baseline)) {
            then.run();
            return;
        }
        cancelSettling();
        savingNow = true;
        saving.set(true);
        String ifMatch = ctx.etag();
        BackgroundTask<Versioned<IncidentDto>> task = ctx.tasks.run(() -> id == null
                ? client.createIncident(request) : client.saveIncident(id, ifMatch, request));
        task.onSuccess(v -> {
            ctx.adopt(v);
            baseline = normalize(request);
            saved.set(true);
            checks.accepted();
            dirty.set(!normalize(toRequest()).equals(baseline));
            finishSave(true);
            then.run();
        }).onFailure(e -> {
            finishSave(false);
            if (asked == generation) {
                saveFailed(e);
            }
        });
    }

    private void finishSave(boolean ok) {
        savingNow = false;
        saving.set(false);
        List<Runnable> queued = new ArrayList<>(afterSave);
        afterSave.clear();
        boolean again = saveQueued;
        saveQueued = false;
        if (ok && again) {
            save(() -> queued.forEach(Runnable::run));
        }
    }

    private void saveFailed(Throwable e) {
        if (e instanceof ApiHttpException http && http.is(ProblemCode.VERSION_CONFLICT)) {
            conflicted = true;
            sayConflict();
        } else if (e instanceof ApiHttpException http && http.is(ProblemCode.STATE_CONFLICT)) {
            ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.noLongerDraft"), NoticeAction.RELOAD);
        } else if (e instanceof ApiHttpException http && http.is(ProblemCode.VALIDATION_FAILED)) {
            showRefusal(http);
        } else {
            ctx.sayFailure(e);
        }
    }

    private void sayConflict() {
        ctx.say(NoticeKind.WARNING, ctx.messages.get("breach.notice.conflict"), NoticeAction.RELOAD);
    }

    /** The platform's field messages go to their fields and, labelled in words, above the step. */
    private void showRefusal(ApiHttpException http) {
        Problem problem = http.problem();
        checks.refuse(problem == null ? List.of() : problem.errors(), problem == null ? null : problem.detail());
        warn("breach.notice.refused");
    }

    // Preview.

    /** Counts who the saved draft reaches; saves first when the scope was edited. */
    public void refreshPreview() {
        preview.refresh();
    }

    /** The notice as the chosen sample learner would receive it, from the saved text. */
    public void loadMessage() {
        preview.loadMessage();
    }

    // The notice.

    /** Puts the template with the facts as written now in place of the subject and body. */
    public void useTemplate() {
        subject.set(template.subject());
        body.set(template.body(whatHappened.get(), toRequest().dataCategories(), measures.get(),
                learnerActions.get()));
    }

    /** Replaces the text with the template, after asking when there is text to lose. */
    public void resetToTemplate() {
        if (!body.get().isBlank() && !ctx.dialogs.confirm(new BreachDialogs.Question("resetTemplate",
                ctx.messages.get("breach.reset.title"), ctx.messages.get("breach.reset.text"),
                ctx.messages.get("breach.reset.ok"), false))) {
            return;
        }
        useTemplate();
    }

    // Submitting.

    /** Checks every step, saves, and hands the notice over for approval by another officer. */
    public void submit() {
        PlatformClient client = ctx.client();
        if (client == null || savingNow) {
            return;
        }
        cancelSettling();
        for (Step s : List.of(Step.FACTS, Step.SCOPE, Step.NOTICE)) {
            if (!check(s)) {
                step.set(s);
                return;
            }
        }
        BreachPreviewDto p = preview.previewProperty().get();
        if (p != null && !dirty.get() && p.learners() == 0) {
            checks.refuse(ctx.messages.get("breach.check.nobody"));
            warn("breach.notice.fix");
            return;
        }
        save(() -> {
            String id = ctx.incidentId();
            saving.set(true);
            ctx.tasks.run(() -> client.submitIncident(id)).onSuccess(dto -> {
                saving.set(false);
                ctx.adopt(dto);
                ctx.say(NoticeKind.SUCCESS, ctx.messages.format("breach.notice.submitted", dto.recipientCount()));
            }).onFailure(e -> {
                saving.set(false);
                saveFailed(e);
            });
        });
    }

    void dispose() {
        cancelSettling();
        preview.dispose();
    }

    /** Unsaved edits are dropped, as when the person chose to discard them. */
    void discard() {
        cancelSettling();
        IncidentDto now = ctx.incident();
        if (now != null) {
            load(now, true);
        } else {
            startNew();
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // For the view.

    public StringProperty titleProperty() {
        return title;
    }

    public ObjectProperty<Instant> discoveredAtProperty() {
        return discoveredAt;
    }

    public ObjectProperty<Instant> occurredFromProperty() {
        return occurredFrom;
    }

    public ObjectProperty<Instant> occurredToProperty() {
        return occurredTo;
    }

    public StringProperty whatHappenedProperty() {
        return whatHappened;
    }

    public BooleanProperty categoryProperty(DataCategory category) {
        return categories.get(category);
    }

    public StringProperty systemsProperty() {
        return systems;
    }

    public StringProperty measuresProperty() {
        return measures;
    }

    public StringProperty learnerActionsProperty() {
        return learnerActions;
    }

    public StringProperty contactProperty() {
        return contact;
    }

    public ObjectProperty<ScopeMode> modeProperty() {
        return mode;
    }

    public ObservableList<CourseChoice> courses() {
        return courses;
    }

    public ObjectProperty<LocalDate> enrolledFromProperty() {
        return enrolledFrom;
    }

    public ObjectProperty<LocalDate> enrolledToProperty() {
        return enrolledTo;
    }

    public BooleanProperty holdingProperty(DataCategory category) {
        return holding.get(category);
    }

    public StringProperty listTextProperty() {
        return listText;
    }

    /** How many distinct entries the list holds now. */
    public ReadOnlyIntegerProperty listCountProperty() {
        return listCount.getReadOnlyProperty();
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public StringProperty bodyProperty() {
        return body;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** False until the incident exists on the platform. */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    /** What must be fixed before moving on, in words: after a try to go on, or a refusal by the platform. */
    public ObservableList<String> problems() {
        return checks.problems();
    }

    /** The message to show at a field now, in words; null while there is none to show. */
    public ReadOnlyStringProperty fieldMessage(DraftField field) {
        return checks.message(field);
    }

    /** The officer left a field: what is wrong with it shows from now on. */
    public void touch(DraftField field) {
        checks.touched(field);
    }

    /** "Every course of the Member", ticked on purpose; a new draft has it unticked, as it has no courses. */
    public BooleanProperty everyCourseProperty() {
        return everyCourse;
    }

    /** True once the officer chose who was affected: courses, every course, or a list with entries. */
    public ReadOnlyBooleanProperty scopeChosenProperty() {
        return scopeChosen.getReadOnlyProperty();
    }

    /** The signed-in officer's Member, as notices name it. */
    public String memberName() {
        return ctx.memberName();
    }

    /** The subject as every learner reads it, with what differs per learner marked. */
    public String filledSubject() {
        return new NoticeFill(ctx.messages).fill(subject.get(), ctx.memberName(), facts());
    }

    private NoticeFill.Facts facts() {
        return new NoticeFill.Facts(title.get(), discoveredAt.get(), occurredFrom.get(), occurredTo.get(),
                whatHappened.get(), toRequest().dataCategories(), measures.get(), learnerActions.get(), contact.get());
    }

    public ReadOnlyObjectProperty<PreviewState> previewStateProperty() {
        return preview.stateProperty();
    }

    public ReadOnlyObjectProperty<BreachPreviewDto> previewProperty() {
        return preview.previewProperty();
    }

    public ReadOnlyObjectProperty<String> previewErrorProperty() {
        return preview.errorProperty();
    }

    public ObservableList<JurisdictionRow> jurisdictionRows() {
        return preview.jurisdictionRows();
    }

    public ObservableList<BreachPreviewDto.SampleLearner> sample() {
        return preview.sample();
    }

    public ObjectProperty<BreachPreviewDto.SampleLearner> sampleLearnerProperty() {
        return preview.sampleLearnerProperty();
    }

    public ReadOnlyObjectProperty<NoticeMessageDto> messageProperty() {
        return preview.messageProperty();
    }

    public ReadOnlyObjectProperty<String> messageErrorProperty() {
        return preview.messageErrorProperty();
    }

    boolean conflicted() {
        return conflicted;
    }
}
