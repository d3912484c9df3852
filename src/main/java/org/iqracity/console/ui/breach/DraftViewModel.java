package org.iqracity.console.ui.breach;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.breach.BreachPreviewDto;
import org.iqracity.console.api.breach.DataCategory;
import org.iqracity.console.api.breach.IncidentDto;
import org.iqracity.console.api.breach.IncidentRequest;
import org.iqracity.console.api.breach.NoticeMessageDto;
import org.iqracity.console.api.breach.ScopeMode;
import org.iqracity.console.ui.breach.BreachContext.NoticeKind;

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

    private final DraftForm form;

    /** True once the officer chose who was affected: form.courses, every course, or a list with entries. */
    private final ReadOnlyBooleanWrapper scopeChosen = new ReadOnlyBooleanWrapper();

    private final ReadOnlyObjectWrapper<Step> step = new ReadOnlyObjectWrapper<>(Step.FACTS);
    private final DraftChecks checks;
    private final DraftWarning warning;
    private final DraftAutosave autosave;
    private final DraftSteps steps;

    private final DraftPreview preview;

    private boolean loading;
    private boolean coursesAsked;

    DraftViewModel(BreachContext ctx) {
        this.ctx = ctx;
        this.template = new NoticeTemplate(ctx.messages);
        this.form = new DraftForm(ctx.zone);
        this.checks = new DraftChecks(ctx.messages, new DraftRules(ctx.messages, ctx.clock, form)::broken,
                step.getReadOnlyProperty());
        this.warning = new DraftWarning(ctx);
        this.autosave = new DraftAutosave(ctx, form::toRequest, checks, warning, () -> check(Step.FACTS));
        this.steps = new DraftSteps(step, this::check, autosave, () -> ctx.incidentId() != null, this::enter);
        this.preview = new DraftPreview(ctx, new DraftPreview.Draft() {
            @Override
            public boolean unsaved() {
                return autosave.unsaved();
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
        checks.onResolved(warning::withdraw);
        Map<Observable, DraftField> facts = new LinkedHashMap<>(Map.of(form.title, DraftField.TITLE,
                form.discoveredAt, DraftField.DISCOVERED_AT, form.occurredFrom, DraftField.OCCURRED_TO,
                form.occurredTo, DraftField.OCCURRED_TO, form.whatHappened, DraftField.WHAT_HAPPENED, form.systems,
                DraftField.SYSTEMS, form.measures, DraftField.MEASURES, form.learnerActions,
                DraftField.LEARNER_ACTIONS, form.contact, DraftField.CONTACT));
        form.categories.values().forEach(p -> facts.put(p, DraftField.DATA_CATEGORIES));
        facts.forEach((o, f) -> o.addListener(x -> edited(f)));
        // The form counts the list before these listeners run: whether a scope is chosen depends on the count.
        Map<Observable, DraftField> scope = new LinkedHashMap<>(Map.of(form.enrolledFrom,
                DraftField.SCOPE_ENROLLED_TO, form.enrolledTo, DraftField.SCOPE_ENROLLED_TO, form.listText,
                DraftField.SCOPE_LEARNERS, form.everyCourse, DraftField.SCOPE_COURSES));
        form.holding.values().forEach(p -> scope.put(p, DraftField.SCOPE_HOLDING));
        scope.forEach((o, f) -> o.addListener(x -> scopeEdited(f)));
        // Picking courses or a list is not yet a choice of learners: what is missing shows once they try to go on.
        form.mode.addListener(x -> scopeEdited(null));
        form.everyCourse.addListener((obs, was, now) -> {
            if (now && !loading) {
                form.courses.forEach(c -> c.selectedProperty().set(false));
            }
        });
        form.subject.addListener(x -> textEdited(DraftField.SUBJECT));
        form.body.addListener(x -> textEdited(DraftField.BODY));
    }

    // Starting and loading.

    /** A new incident, not yet on the platform: discovered now, the usual template, nobody chosen as affected. */
    void startNew() {
        autosave.begin(true);
        warning.withdraw();
        Instant now = ctx.clock.instant().truncatedTo(ChronoUnit.MINUTES);
        IncidentRequest blank = new IncidentRequest("", now, null, null, "", List.of(), "", "", "", "", null, "",
                "");
        fill(blank);
        autosave.adopt(toRequest(), false);
        step.set(Step.FACTS);
        preview.clear();
        checks.reset();
        autosave.edited();
        askCourses();
    }

    /** Shows a draft as the platform has it; a different incident starts at the first step. */
    void load(IncidentDto dto, boolean sameIncident) {
        autosave.begin(!sameIncident);
        if (!sameIncident) {
            warning.withdraw();
        }
        fill(dto.toRequest());
        autosave.adopt(dto.toRequest(), true);
        checks.reset();
        autosave.edited();
        if (!sameIncident) {
            step.set(Step.FACTS);
            preview.clear();
        } else {
            enter(step.get());
        }
        askCourses();
    }

    private void fill(IncidentRequest r) {
        loading = true;
        try {
            form.fill(r);
        } finally {
            loading = false;
        }
        scopeChosen.set(chosen());
    }

    private void askCourses() {
        if (coursesAsked) {
            return;
        }
        coursesAsked = true;
        ctx.courses.loadAsListed(list -> {
            loading = true;
            try {
                form.courses.setAll(list.stream().map(CourseChoice::new).toList());
                form.courses.forEach(c -> {
                    c.selected.set(form.wantedCourses.contains(c.course.id()));
                    c.selected.addListener((obs, was, now) -> {
                        if (now && form.everyCourse.get() && !loading) {
                            form.everyCourse.set(false);
                        }
                        scopeEdited(DraftField.SCOPE_COURSES);
                    });
                });
            } finally {
                loading = false;
            }
            scopeChosen.set(chosen());
        }, e -> {
            coursesAsked = false;
            ctx.app.report(e);
        });
        ctx.tasks.run(ctx.breach::jurisdictions).onSuccess(preview::jurisdictions).onFailure(ctx.app::report);
    }

    // What the person typed, as the platform takes it.

    IncidentRequest toRequest() {
        return form.toRequest();
    }

    private boolean chosen() {
        return form.chosen();
    }

    private void edited(DraftField field) {
        if (!loading) {
            autosave.edited();
            checks.edited(field);
        }
    }

    private void scopeEdited(DraftField field) {
        if (loading) {
            return;
        }
        scopeChosen.set(chosen());
        autosave.edited();
        if (field == null) {
            checks.changed();
        } else {
            checks.edited(field);
        }
        autosave.settle(SCOPE_SETTLE, this::refreshPreview);
    }

    private void textEdited(DraftField field) {
        if (loading) {
            return;
        }
        edited(field);
        if (step.get() == Step.NOTICE) {
            autosave.settle(TEXT_SETTLE, this::loadMessage);
        }
    }

    // Moving through the steps.

    public void next() {
        steps.next();
    }

    public void back() {
        steps.back();
    }

    /** Moves to a step: forward only once this step holds what it needs; the draft is saved on the way. */
    public void goTo(Step target) {
        steps.goTo(target);
    }

    private void enter(Step s) {
        switch (s) {
            case SCOPE, CHANNELS, SUBMIT -> refreshPreview();
            case NOTICE -> {
                if (form.subject.get().isBlank() && form.body.get().isBlank()) {
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
            warning.warn("breach.notice.fix");
        }
        return ok;
    }

    /** Adds the ids and addresses in a pasted-list file (CSV or one a line) to the list; read off the FX thread. */
    public void importList(Path file) {
        if (file == null) {
            return;
        }
        ctx.tasks.run(() -> ScopeEntries.read(file)).onSuccess(entries -> {
            List<String> merged = ScopeEntries.parse(form.listText.get() + "\n" + ScopeEntries.format(entries));
            form.mode.set(ScopeMode.LIST);
            form.listText.set(ScopeEntries.format(merged));
            ctx.say(NoticeKind.INFO, ctx.messages.format("breach.notice.imported", entries.size(),
                    file.getFileName().toString()));
        }).onFailure(e -> ctx.say(NoticeKind.DANGER, ctx.messages.format("breach.notice.importFailed",
                file.getFileName().toString())));
    }

    // Saving.

    public void save() {
        save(() -> ctx.say(NoticeKind.SUCCESS, ctx.messages.get("breach.notice.draftSaved")));
    }

    /** Saves the draft (see {@link DraftAutosave#save}), then runs {@code then}. */
    void save(Runnable then) {
        autosave.save(then);
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

    /** Puts the template with the facts as written now in place of the form.subject and form.body. */
    public void useTemplate() {
        form.subject.set(template.subject());
        form.body.set(template.body(form.whatHappened.get(), toRequest().dataCategories(), form.measures.get(),
                form.learnerActions.get()));
    }

    /** Replaces the text with the template, after asking when there is text to lose. */
    public void resetToTemplate() {
        if (!form.body.get().isBlank() && !ctx.dialogs.confirm(new BreachDialogs.Question("resetTemplate",
                ctx.messages.get("breach.reset.title"), ctx.messages.get("breach.reset.text"),
                ctx.messages.get("breach.reset.ok"), false))) {
            return;
        }
        useTemplate();
    }

    // Submitting.

    /** Checks every step, saves, and hands the notice over for approval by another officer. */
    public void submit() {
        if (autosave.busy()) {
            return;
        }
        autosave.cancelSettling();
        for (Step s : List.of(Step.FACTS, Step.SCOPE, Step.NOTICE)) {
            if (!check(s)) {
                step.set(s);
                return;
            }
        }
        BreachPreviewDto p = preview.previewProperty().get();
        if (p != null && !autosave.dirtyProperty().get() && p.learners() == 0) {
            checks.refuse(ctx.messages.get("breach.check.nobody"));
            warning.warn("breach.notice.fix");
            return;
        }
        save(() -> {
            String id = ctx.incidentId();
            autosave.submitting(true);
            ctx.tasks.run(() -> ctx.breach.submit(id)).onSuccess(dto -> {
                autosave.submitting(false);
                ctx.adopt(dto);
                ctx.say(NoticeKind.SUCCESS, ctx.messages.format("breach.notice.submitted", dto.recipientCount()));
            }).onFailure(e -> {
                autosave.submitting(false);
                autosave.failed(e);
            });
        });
    }

    void dispose() {
        autosave.cancelSettling();
        preview.dispose();
    }

    /** Unsaved edits are dropped, as when the person chose to discard them. */
    void discard() {
        autosave.cancelSettling();
        IncidentDto now = ctx.incident();
        if (now != null) {
            load(now, true);
        } else {
            startNew();
        }
    }

    // For the view.

    public StringProperty titleProperty() {
        return form.title;
    }

    public ObjectProperty<Instant> discoveredAtProperty() {
        return form.discoveredAt;
    }

    public ObjectProperty<Instant> occurredFromProperty() {
        return form.occurredFrom;
    }

    public ObjectProperty<Instant> occurredToProperty() {
        return form.occurredTo;
    }

    public StringProperty whatHappenedProperty() {
        return form.whatHappened;
    }

    public BooleanProperty categoryProperty(DataCategory category) {
        return form.categories.get(category);
    }

    public StringProperty systemsProperty() {
        return form.systems;
    }

    public StringProperty measuresProperty() {
        return form.measures;
    }

    public StringProperty learnerActionsProperty() {
        return form.learnerActions;
    }

    public StringProperty contactProperty() {
        return form.contact;
    }

    public ObjectProperty<ScopeMode> modeProperty() {
        return form.mode;
    }

    public ObservableList<CourseChoice> courses() {
        return form.courses;
    }

    public ObjectProperty<LocalDate> enrolledFromProperty() {
        return form.enrolledFrom;
    }

    public ObjectProperty<LocalDate> enrolledToProperty() {
        return form.enrolledTo;
    }

    public BooleanProperty holdingProperty(DataCategory category) {
        return form.holding.get(category);
    }

    public StringProperty listTextProperty() {
        return form.listText;
    }

    /** How many distinct entries the list holds now. */
    public ReadOnlyIntegerProperty listCountProperty() {
        return form.listCount.getReadOnlyProperty();
    }

    public StringProperty subjectProperty() {
        return form.subject;
    }

    public StringProperty bodyProperty() {
        return form.body;
    }

    public ReadOnlyObjectProperty<Step> stepProperty() {
        return step.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return autosave.dirtyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return autosave.savingProperty();
    }

    /** False until the incident exists on the platform. */
    public ReadOnlyBooleanProperty savedProperty() {
        return autosave.savedProperty();
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

    /** "Every course of the Member", ticked on purpose; a new draft has it unticked, as it has no form.courses. */
    public BooleanProperty everyCourseProperty() {
        return form.everyCourse;
    }

    /** True once the officer chose who was affected: form.courses, every course, or a list with entries. */
    public ReadOnlyBooleanProperty scopeChosenProperty() {
        return scopeChosen.getReadOnlyProperty();
    }

    /** The signed-in officer's Member, as notices name it. */
    public String memberName() {
        return ctx.memberName();
    }

    /** The form.subject as every learner reads it, with what differs per learner marked. */
    public String filledSubject() {
        return new NoticeFill(ctx.messages).fill(form.subject.get(), ctx.memberName(), facts());
    }

    private NoticeFill.Facts facts() {
        return new NoticeFill.Facts(form.title.get(), form.discoveredAt.get(), form.occurredFrom.get(),
                form.occurredTo.get(),
                form.whatHappened.get(), toRequest().dataCategories(), form.measures.get(), form.learnerActions.get(),
                        form.contact.get());
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
        return autosave.conflicted();
    }
}
