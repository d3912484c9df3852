package org.iqracity.console.ui.tracking;

import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.TrackingSettingsDto;
import org.iqracity.console.api.TrackingSettingsRequest;
import org.iqracity.console.api.TrackingVersionDto;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.TrackingClient;
import org.iqracity.console.client.Versioned;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.CourseMemory;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.tracking.Conflict.Clash;
import org.iqracity.console.ui.tracking.Conflict.Side;

/**
 * The courses & tracking screen: pick a course, edit its tracking settings, preview them for a learner, see who
 * allows what, go back to an earlier version. Saving names the version edited, so a newer one saved by someone else
 * is never overwritten: its changes are merged with this person's, who chooses where both changed the same field.
 */
public final class TrackingViewModel {

    public enum State { LOADING, NO_COURSES, READY, ERROR }

    public enum NoticeKind { SUCCESS, WARNING, DANGER }

    /** A line above the editor saying what just happened. */
    public record Notice(NoticeKind kind, String text) {
    }

    public record CoverageRow(String label, String display) {
    }

    private record Theirs(Versioned<TrackingSettingsDto> current, List<TrackingVersionDto> history) {
    }

    private final AppState app;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorMessages errors;
    private final TrackingDialogs dialogs;
    private final CourseList courses;
    private final TrackingClient client;
    private final SettingsDiff diff;
    private final ValueText words;
    private final TrackingDraft draft;
    private final PreviewViewModel preview;
    private final HistoryViewModel history;

    private final ReadOnlyObjectWrapper<CourseDto> course = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TrackingSettingsDto> saved = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<TechnologyDraft> selectedTechnology = new SimpleObjectProperty<>();
    private final ObservableList<CoverageRow> coverage = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<String> coverageNote = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> undoText = new ReadOnlyObjectWrapper<>();
    private final InvalidationListener connectionChanged = obs -> retryAfterRecovery();
    private Runnable undo;
    private long undoRevision;
    private String etag;
    private BackgroundTask<?> loading;
    private BackgroundTask<?> coverageLoading;

    public TrackingViewModel(AppState app, CoursesClient courses, TrackingClient client, TaskRunner tasks,
                             Messages messages, TrackingDialogs dialogs) {
        this(app, courses, client, tasks, messages, dialogs, CourseMemory.forThisRun());
    }

    public TrackingViewModel(AppState app, CoursesClient courses, TrackingClient client, TaskRunner tasks,
                             Messages messages, TrackingDialogs dialogs, CourseMemory memory) {
        this.app = app;
        this.courses = new CourseList(courses, tasks, messages.locale(), memory, app::session);
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.dialogs = dialogs;
        this.diff = new SettingsDiff(messages);
        this.words = new ValueText(messages);
        this.draft = new TrackingDraft(messages);
        this.preview = new PreviewViewModel(draft, messages);
        this.history = new HistoryViewModel(client, tasks, messages, app::report);
        draft.revisionProperty().addListener((obs, old, now) -> {
            if (undo != null && now.longValue() != undoRevision) {
                forgetUndo();
            }
        });
        app.connectionProperty().addListener(new WeakInvalidationListener(connectionChanged));
        app.signInAgainNeededProperty().addListener(new WeakInvalidationListener(connectionChanged));
    }

    /** Loads the courses this person may configure and opens the first. */
    public void load() {
        state.set(State.LOADING);
        courses.load(course::get, this::open, () -> state.set(State.NO_COURSES), this::fail);
    }

    /** Opens another course; unsaved edits are asked about first. */
    public void selectCourse(CourseDto next) {
        if (next == null || next.equals(course.get())) {
            return;
        }
        leave(() -> open(next));
    }

    private void open(CourseDto next) {
        course.set(next);
        courses.remember(next);
        reload();
    }

    /** Reads the course's settings again, dropping unsaved edits (callers ask first). */
    public void reload() {
        CourseDto selected = course.get();
        if (selected == null) {
            if (courses.failed()) {
                load();
            }
            return;
        }
        cancelLoading();
        forgetUndo();
        state.set(State.LOADING);
        error.set(null);
        notice.set(null);
        history.clear();
        coverage.clear();
        loading = tasks.run(() -> client.current(selected.id())).onSuccess(v -> {
            adopt(v);
            state.set(State.READY);
            history.load(selected.id(), v.value().toRequest());
            loadCoverage(selected.id());
        }).onFailure(this::fail);
    }

    private void loadCoverage(String courseId) {
        coverageNote.set(messages.get("tracking.coverage.loading"));
        coverageLoading = tasks.run(() -> client.coverage(courseId)).onSuccess(c -> {
            coverage.setAll(c.categories().stream().map(row -> new CoverageRow(
                    messages.get("tracking.category." + row.category().name()), row.allowing().display())).toList());
            coverage.add(new CoverageRow(messages.get("tracking.coverage.gpc"), c.globalPrivacyControl().display()));
            coverageNote.set(messages.format("tracking.coverage.of", c.learners().display()));
        }).onFailure(e -> {
            app.report(e);
            coverageNote.set(errors.describe(e).text());
        });
    }

    private void adopt(Versioned<TrackingSettingsDto> version) {
        adopt(version, null);
    }

    /** Starts again from {@code version}, with {@code editing} in the fields (the version itself: nothing changed). */
    private void adopt(Versioned<TrackingSettingsDto> version, TrackingSettingsRequest editing) {
        forgetUndo();
        etag = version.etag();
        saved.set(version.value());
        TechnologyDraft keep = selectedTechnology.get();
        int index = keep == null ? 0 : Math.max(0, draft.technologies().indexOf(keep));
        TrackingSettingsRequest savedSettings = version.value().toRequest();
        draft.load(savedSettings, editing == null ? savedSettings : editing);
        List<TechnologyDraft> now = draft.technologies();
        selectedTechnology.set(now.isEmpty() ? null : now.get(Math.min(index, now.size() - 1)));
    }

    public void save() {
        save(() -> { });
    }

    /** Checks, then saves as a new version; {@code then} runs only once the save went through. */
    public void save(Runnable then) {
        if (busy.get() || state.get() != State.READY) {
            return;
        }
        if (!draft.check()) {
            notice.set(new Notice(NoticeKind.WARNING, messages.get("tracking.notice.fix")));
            selectedTechnology.set(draft.firstWithErrors() == null ? selectedTechnology.get()
                    : draft.firstWithErrors());
            return;
        }
        put(draft.toRequest(), etag, then);
    }

    private void put(TrackingSettingsRequest request, String ifMatch, Runnable then) {
        String courseId = course.get().id();
        busy.set(true);
        tasks.run(() -> client.save(courseId, ifMatch, request)).onSuccess(v -> {
            busy.set(false);
            adopt(v);
            history.currentChanged(v.value().toRequest());
            notice.set(new Notice(NoticeKind.SUCCESS, messages.format("tracking.notice.saved", v.value().version())));
            then.run();
        }).onFailure(e -> {
            busy.set(false);
            saveFailed(e, request);
        });
    }

    private void saveFailed(Throwable e, TrackingSettingsRequest request) {
        if (e instanceof ApiHttpException http && http.is(ProblemCode.VERSION_CONFLICT)) {
            conflict(request);
        } else if (e instanceof ApiHttpException http && http.is(ProblemCode.VALIDATION_FAILED)) {
            draft.platformErrors(http.problem().errors());
            notice.set(new Notice(NoticeKind.WARNING, messages.get("tracking.notice.refused")));
            if (draft.firstWithErrors() != null) {
                selectedTechnology.set(draft.firstWithErrors());
            }
        } else {
            app.report(e);
            UserMessage m = errors.describe(e);
            notice.set(new Notice(NoticeKind.DANGER, messages.format("tracking.notice.notSaved", m.text(), m.hint())));
        }
    }

    /**
     * Fetches what was saved in between and merges it with this person's edits: a field both changed differently is
     * theirs to choose; the rest is merged. The merged settings wait in the editor, with what came from the other
     * side named above, for the person to check and save; nothing is saved on its own.
     */
    private void conflict(TrackingSettingsRequest mine) {
        String courseId = course.get().id();
        long base = saved.get().version();
        busy.set(true);
        tasks.run(() -> new Theirs(client.current(courseId), client.history(courseId))).onSuccess(t -> {
            busy.set(false);
            merge(base, mine, t);
        }).onFailure(e -> {
            busy.set(false);
            app.report(e);
            notice.set(new Notice(NoticeKind.DANGER, messages.get("tracking.notice.conflictUnknown")));
        });
    }

    private void merge(long base, TrackingSettingsRequest mine, Theirs t) {
        TrackingSettingsDto current = t.current().value();
        List<TrackingVersionDto> between = t.history().stream().filter(v -> v.version() > base).toList();
        SettingsMerge merge = SettingsMerge.of(draft.baseline(), mine, draft.normalized(current.toRequest()));
        Map<Clash, Side> choices = Map.of();
        if (!merge.clashes().isEmpty()) {
            choices = dialogs.chooseMerge(new Conflict(base, current, between, merge.clashes().stream()
                    .map(this::choice).toList()));
            if (choices == null) {
                notice.set(new Notice(NoticeKind.WARNING, messages.get("tracking.notice.stillConflicting")));
                return;
            }
        }
        TrackingSettingsRequest merged = merge.settings(choices);
        List<String> mergedIn = diff.describe(mine, merged);
        adopt(t.current(), merged);
        history.currentChanged(current.toRequest());
        String who = String.join(", ", between.stream().map(TrackingVersionDto::by).distinct().toList());
        notice.set(new Notice(NoticeKind.WARNING, !draft.isDirty()
                ? messages.format("tracking.notice.mergedNothingLeft", current.version(), who)
                : messages.format("tracking.notice.merged", current.version(), who,
                        mergedIn.isEmpty() ? messages.get("tracking.conflict.nothing") : String.join(" ", mergedIn))));
    }

    private Conflict.Choice choice(Clash clash) {
        String field = clash.field().equals(SettingsMerge.WHOLE) ? null : words.field(clash.field());
        String what = clash.name() == null ? field : field == null ? clash.name()
                : messages.format("tracking.merge.field", clash.name(), field);
        return new Conflict.Choice(clash, what, side(clash, clash.mine()), side(clash, clash.theirs()));
    }

    private String side(Clash clash, Object value) {
        if (clash.field().equals(SettingsMerge.WHOLE)) {
            return messages.get(value == null ? "tracking.merge.removed" : "tracking.merge.changed");
        }
        return words.value(value);
    }

    /** Back to the saved version; what was thrown away can be brought back with {@link #undo}. */
    public void discard() {
        TrackingSettingsDto current = saved.get();
        if (current == null) {
            return;
        }
        boolean edited = draft.isDirty();
        TrackingDraft.Snapshot before = draft.snapshot();
        TechnologyDraft selected = selectedTechnology.get();
        adopt(new Versioned<>(current, etag));
        notice.set(null);
        if (edited) {
            offerUndo(messages.get("tracking.undo.discarded"), () -> {
                draft.restore(before);
                selectedTechnology.set(selected);
            });
        }
    }

    /** Brings back what the last Discard or Remove took away, while nothing else changed since. */
    public void undo() {
        Runnable action = undo;
        forgetUndo();
        if (action != null && !busy.get()) {
            action.run();
        }
    }

    private void offerUndo(String text, Runnable action) {
        undo = action;
        undoRevision = draft.revisionProperty().get();
        undoText.set(text);
    }

    private void forgetUndo() {
        undo = null;
        undoText.set(null);
    }

    /** Makes a new version with the content of an earlier one, after the person confirms. */
    public void revert(TrackingVersionDto version) {
        if (version == null || busy.get() || state.get() != State.READY || history.isCurrent(version)) {
            return;
        }
        if (!dialogs.confirmRevert(version.version(), draft.isDirty())) {
            return;
        }
        String courseId = course.get().id();
        busy.set(true);
        tasks.run(() -> client.revert(courseId, etag, version.version())).onSuccess(v -> {
            busy.set(false);
            adopt(v);
            history.currentChanged(v.value().toRequest());
            notice.set(new Notice(NoticeKind.SUCCESS,
                    messages.format("tracking.notice.reverted", version.version(), v.value().version())));
        }).onFailure(e -> {
            busy.set(false);
            if (e instanceof ApiHttpException http && http.is(ProblemCode.VERSION_CONFLICT)) {
                history.reload();
                notice.set(new Notice(NoticeKind.WARNING, messages.get("tracking.notice.revertConflict")));
            } else {
                app.report(e);
                UserMessage m = errors.describe(e);
                notice.set(new Notice(NoticeKind.DANGER, m.text() + " " + m.hint()));
            }
        });
    }

    /** Runs {@code proceed} when nothing is unsaved, else after the person chose to save or discard. */
    public void leave(Runnable proceed) {
        if (state.get() != State.READY || !draft.isDirty()) {
            proceed.run();
            return;
        }
        switch (dialogs.askLeave()) {
            case SAVE -> save(proceed);
            case DISCARD -> {
                discard();
                proceed.run();
            }
            case CANCEL -> { }
        }
    }

    public TechnologyDraft addTechnology() {
        TechnologyDraft added = draft.addTechnology();
        selectedTechnology.set(added);
        return added;
    }

    public void removeSelectedTechnology() {
        TechnologyDraft gone = selectedTechnology.get();
        if (gone == null) {
            return;
        }
        int index = draft.technologies().indexOf(gone);
        draft.remove(gone);
        List<TechnologyDraft> rest = draft.technologies();
        selectedTechnology.set(rest.isEmpty() ? null : rest.get(Math.min(index, rest.size() - 1)));
        String name = gone.nameProperty().get().isBlank() ? messages.get("tracking.unnamed")
                : gone.nameProperty().get().strip();
        offerUndo(messages.format("tracking.undo.removed", name), () -> {
            draft.insert(index, gone);
            selectedTechnology.set(gone);
        });
    }

    private void fail(Throwable e) {
        app.report(e);
        error.set(errors.describe(e));
        state.set(State.ERROR);
    }

    private void retryAfterRecovery() {
        if (app.connectionProperty().get() == ConnectionState.ONLINE && !app.signInAgainNeededProperty().get()
                && state.get() == State.ERROR) {
            reload();
        }
    }

    private void cancelLoading() {
        if (loading != null) {
            loading.cancel();
        }
        if (coverageLoading != null) {
            coverageLoading.cancel();
        }
    }

    public void dispose() {
        cancelLoading();
        history.clear();
    }

    public ObservableList<CourseDto> courses() {
        return courses.courses();
    }

    public ReadOnlyObjectProperty<CourseDto> courseProperty() {
        return course.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** True while a save or revert is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last Discard or Remove did, while it can be undone; null otherwise. */
    public ReadOnlyObjectProperty<String> undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** The version the editor started from. */
    public ReadOnlyObjectProperty<TrackingSettingsDto> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ObjectProperty<TechnologyDraft> selectedTechnologyProperty() {
        return selectedTechnology;
    }

    public TrackingDraft draft() {
        return draft;
    }

    public PreviewViewModel preview() {
        return preview;
    }

    public HistoryViewModel history() {
        return history;
    }

    public ObservableList<CoverageRow> coverage() {
        return coverage;
    }

    /** How many active learners the coverage counts, or why it is missing. */
    public ReadOnlyObjectProperty<String> coverageNoteProperty() {
        return coverageNote.getReadOnlyProperty();
    }

    String etag() {
        return etag;
    }
}
