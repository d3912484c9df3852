package org.iqracity.console.ui.learners;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.ProblemCode;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.LearnersClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.CourseMemory;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/** The learners screen: pick a course, search, filter and sort its learners, open one. */
public final class LearnersViewModel {

    /** INVALID: the platform refused a filter's value; it is said beside that filter, not as a failure to load. */
    public enum State { NO_COURSES, LOADING, READY, EMPTY, ERROR, INVALID }

    /**
     * Rows the table lists at a time. Large enough that a person scrolling meets a move of the slice only every few
     * thousand rows, small enough that JavaFX's walks over the listed rows (see {@link RowWindow}) cost little.
     */
    static final int WINDOW_ROWS = 10_000;
    /** How long a selection stays on a row before its detail is fetched (and logged as viewed). */
    public static final Duration SELECTION_REST = Duration.ofMillis(350);

    private final AppState app;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final Duration debounce;
    private final LearnerPages pages;
    private final RowWindow window;
    private final LearnerDetailViewModel detail;

    private final ObjectProperty<CourseDto> course = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final LearnerFilters filters;
    private final LearnerSelection selection;
    private final ObservableMap<LearnerFilter, String> refused = FXCollections.observableHashMap();
    // Kept: a read-only view listens to its map weakly, so one made per call stops telling its listeners.
    private final ObservableMap<LearnerFilter, String> refusedView = FXCollections.unmodifiableObservableMap(refused);
    private final ObjectProperty<LearnerSort> sort = new SimpleObjectProperty<>(LearnerSort.USERNAME);
    private final BooleanProperty descending = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    /** The query whose rows are on screen (null while none are): what "Export roster" exports. */
    private final ReadOnlyObjectWrapper<LearnerQuery> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper exportText = new ReadOnlyStringWrapper("");

    private final InvalidationListener queryChanged = this::queryChanged;
    private final InvalidationListener connectionChanged = obs -> retryAfterRecovery();
    private final CourseList courses;
    private final Messages messages;
    private TaskRunner.Cancellable pendingSearch;

    public LearnersViewModel(AppState app, CoursesClient courses, LearnersClient learners, TaskRunner tasks,
                             Messages messages, Duration debounce) {
        this(app, courses, learners, tasks, messages, debounce, WINDOW_ROWS);
    }

    public LearnersViewModel(AppState app, CoursesClient courses, LearnersClient learners, TaskRunner tasks,
                             Messages messages, Duration debounce, CourseMemory memory) {
        this(app, courses, learners, tasks, messages, debounce, WINDOW_ROWS, memory);
    }

    /** With a slice of {@code windowRows} rows: tests move it through a small sandbox course. */
    public LearnersViewModel(AppState app, CoursesClient courses, LearnersClient learners, TaskRunner tasks,
                             Messages messages, Duration debounce, int windowRows) {
        this(app, courses, learners, tasks, messages, debounce, windowRows, CourseMemory.forThisRun());
    }

    private LearnersViewModel(AppState app, CoursesClient courses, LearnersClient learners, TaskRunner tasks,
                              Messages messages, Duration debounce, int windowRows, CourseMemory memory) {
        this.app = app;
        this.courses = new CourseList(courses, tasks, messages.locale(), memory, app::session);
        this.messages = messages;
        this.tasks = tasks;
        this.errors = new ErrorMessages(messages);
        this.debounce = debounce;
        this.pages = new LearnerPages(learners, tasks, app::report);
        this.window = new RowWindow(pages.rows(), windowRows);
        this.detail = new LearnerDetailViewModel(app, learners, tasks, messages);
        this.selection = new LearnerSelection(pages, detail, tasks, SELECTION_REST, course::get,
                Clock.systemUTC());
        this.filters = new LearnerFilters(messages);
        search.addListener(queryChanged);
        filters.values().forEach(o -> o.addListener(queryChanged));
        course.addListener((obs, old, now) -> {
            selection.reset();
            detail.clear();
            this.courses.remember(now);
            reload();
        });
        app.connectionProperty().addListener(new WeakInvalidationListener(connectionChanged));
        app.signInAgainNeededProperty().addListener(new WeakInvalidationListener(connectionChanged));
        InvalidationListener exportChanged = obs -> exportText.set(describeExport());
        shown.addListener(exportChanged);
        pages.totalProperty().addListener(exportChanged);
        exportText.set(describeExport());
    }

    /** Loads the courses this person may see, by title, and opens the one open before or chosen last anywhere. */
    public void load() {
        state.set(State.LOADING);
        courses.load(course::get, pick -> {
            if (pick.equals(course.get())) {
                reload();
            } else {
                course.set(pick);
            }
        }, () -> state.set(State.NO_COURSES), this::fail);
    }

    private void queryChanged(Observable ignored) {
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
        // Typing cancels the request in flight at once; the new one waits until typing pauses.
        pages.cancel();
        pendingSearch = tasks.schedule(debounce, () -> {
            pendingSearch = null;
            reload();
        });
    }

    /** Server-side sort: the table never sorts the rows it holds, it asks again. */
    public void sortBy(LearnerSort by, boolean desc) {
        if (by == sort.get() && desc == descending.get()) {
            return;
        }
        sort.set(by == null ? LearnerSort.USERNAME : by);
        descending.set(by != null && desc);
        reload();
    }

    public void clearFilters() {
        filters.clearAll();
    }

    /** Clears one filter, or the search: what removing its chip does. */
    public void clear(LearnerFilter filter) {
        if (filter == LearnerFilter.SEARCH) {
            search.set("");
        } else {
            filters.clear(filter);
        }
    }

    /** Asks the platform again with everything as it is now. */
    public void reload() {
        CourseDto selected = course.get();
        if (selected == null) {
            if (courses.failed()) {
                load();
            }
            return;
        }
        state.set(State.LOADING);
        error.set(null);
        refused.clear();
        selection.reset();
        LearnerQuery asked = query();
        shown.set(null);
        pages.open(selected.id(), asked)
                .onSuccess(page -> {
                    shown.set(asked);
                    state.set(page.items().isEmpty() ? State.EMPTY : State.READY);
                    selection.keepDetailOnlyIfListed(asked);
                })
                .onFailure(this::fail);
    }

    /** Where the learner whose detail is on screen is among the rows fetched of the list, or -1. */
    public int indexOfShownLearner() {
        return selection.indexOfShownLearner();
    }

    /**
     * An export of what the list shows, with the columns {@code columns}: the learners of the query whose rows are on
     * screen (its search, filters and order; a search still being typed is not in it yet), in its order. A list of
     * the whole course in username order asks for the whole course's roster. Null while no list is shown.
     */
    public ExportRequest exportRequest(Collection<LearnerColumn> columns) {
        LearnerQuery listed = shown.get();
        if (listed == null || course.get() == null) {
            return null;
        }
        Set<RosterField> fields = EnumSet.of(RosterField.USERNAME);
        columns.forEach(c -> fields.add(c.rosterField));
        RosterView view = RosterView.of(listed);
        return new ExportRequest(course.get(), fields, view.wholeCourse() ? null : view, totalProperty().get());
    }

    /** What "Export roster" would export now, with the count, for its tooltip; empty while nothing is listed. */
    private String describeExport() {
        LearnerQuery listed = shown.get();
        if (listed == null) {
            return messages.get("learners.export.tooltip.none");
        }
        return messages.format(RosterView.of(listed).wholeCourse() ? "learners.export.tooltip.course"
                : "learners.export.tooltip.view", totalProperty().get());
    }

    /** Whether there is a list to export: its rows are on screen. */
    public BooleanBinding exportable() {
        return shown.isNotNull();
    }

    public ReadOnlyStringProperty exportTextProperty() {
        return exportText.getReadOnlyProperty();
    }

    /** Escape: clears the search if there is one. Returns false when there was nothing to clear. */
    public boolean clearSearch() {
        if (search.get() == null || search.get().isEmpty()) {
            return false;
        }
        search.set("");
        return true;
    }

    LearnerQuery query() {
        String text = search.get() == null ? "" : search.get().strip();
        return LearnerQuery.firstPage()
                .withSearch(text.isEmpty() ? null : text)
                .withFilters(filters.toQuery())
                .withSort(sort.get(), descending.get());
    }

    public boolean filtered() {
        return filters.any();
    }

    /** Opens a row's detail at once. */
    public void open(LearnerRow row) {
        selection.open(row);
    }

    /**
     * The table's selection moved to row {@code index} of the list (-1: nothing selected). Its detail follows once
     * the selection has rested for {@link #SELECTION_REST} (see {@link LearnerSelection}).
     */
    public void select(int index) {
        selection.select(index);
    }

    /** Enter or a click: the selected row's detail at once; a row still loading opens when it comes. */
    public void openSelected() {
        selection.openSelected();
    }

    /** The table shows row {@code index}; near the end this fetches the next page. */
    public void rowShown(int index) {
        pages.shown(index);
    }

    /** The table shows rows {@code from} to {@code to}: they are fetched, however far they are (see LearnerPages). */
    public void rowsShown(int from, int to) {
        pages.show(from, to);
    }

    public void retryMore() {
        pages.retryMore();
    }

    private void fail(Throwable e) {
        app.report(e);
        error.set(errors.describe(e));
        if (e instanceof ApiHttpException http && http.is(ProblemCode.VALIDATION_FAILED) && refusedFilters(http)) {
            state.set(State.INVALID);
            return;
        }
        state.set(State.ERROR);
    }

    /**
     * A refusal that names the list's parameters: each message is kept for its filter, to be said beside it. A
     * refusal naming anything else (or nothing) is a failure like any other.
     */
    private boolean refusedFilters(ApiHttpException e) {
        Map<LearnerFilter, String> named = new EnumMap<>(LearnerFilter.class);
        for (var field : e.problem().errors()) {
            LearnerFilter f = LearnerFilter.ofParameter(field.field());
            if (f == null) {
                return false;
            }
            named.merge(f, field.message(), (a, b) -> a.equals(b) ? a : a + " " + b);
        }
        refused.putAll(named);
        return !named.isEmpty();
    }

    private void retryAfterRecovery() {
        if (app.connectionProperty().get() == ConnectionState.ONLINE && !app.signInAgainNeededProperty().get()) {
            if (state.get() == State.ERROR) {
                reload();
            } else if (pages.moreFailedProperty().get()) {
                pages.retryMore();
            }
            detail.retryIfFailed();
        }
    }

    public void dispose() {
        shown.set(null);
        selection.reset();
        pages.clear();
        detail.clear();
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
    }

    public ObservableList<CourseDto> courses() {
        return courses.courses();
    }

    public ObjectProperty<CourseDto> courseProperty() {
        return course;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** The list's filters (the search apart). */
    public LearnerFilters filters() {
        return filters;
    }

    /** What the platform said of each filter it refused in the last query. */
    public ObservableMap<LearnerFilter, String> refused() {
        return refusedView;
    }

    public ReadOnlyObjectProperty<LearnerSort> sortProperty() {
        return sort;
    }

    public boolean descending() {
        return descending.get();
    }

    public ObservableList<LearnerRow> rows() {
        return pages.rows();
    }

    public ReadOnlyLongProperty totalProperty() {
        return pages.totalProperty();
    }

    /** The slice of {@link #rows()} the table lists (see {@link RowWindow}). */
    public RowWindow window() {
        return window;
    }

    public LearnerPages pages() {
        return pages;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public LearnerDetailViewModel detail() {
        return detail;
    }
}
