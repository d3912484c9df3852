package org.iqracity.console.ui.learners;

import java.time.Duration;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.client.ApiHttpException;
import org.iqracity.console.client.PlatformClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.CourseChoice;
import org.iqracity.console.ui.common.CourseMemory;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/** The learners screen: pick a course, search, filter and sort its learners, open one. */
public final class LearnersViewModel {

    /** INVALID: the platform refused a filter's value; it is said beside that filter, not as a failure to load. */
    public enum State { NO_COURSES, LOADING, READY, EMPTY, ERROR, INVALID }

    /** The inactivity filter's choices, in days: "no activity in the last N days". */
    public static final List<Integer> INACTIVITY_DAYS = List.of(7, 14, 30, 60, 90, 180);

    /** Tri-state filters: any, yes, no. */
    public enum Choice { ANY, YES, NO;

        Boolean asFilter() {
            return this == ANY ? null : this == YES;
        }
    }

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

    private final ObservableList<CourseDto> courses = FXCollections.observableArrayList();
    private final ObjectProperty<CourseDto> course = new SimpleObjectProperty<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<EnrollmentMode> mode = new SimpleObjectProperty<>();
    private final ObjectProperty<Choice> active = new SimpleObjectProperty<>(Choice.ANY);
    private final ObjectProperty<Choice> passed = new SimpleObjectProperty<>(Choice.ANY);
    private final ObservableList<String> countries = FXCollections.observableArrayList();
    private final IntegerProperty minProgress = new SimpleIntegerProperty(0);
    private final IntegerProperty maxProgress = new SimpleIntegerProperty(100);
    private final IntegerProperty minGrade = new SimpleIntegerProperty(0);
    private final IntegerProperty maxGrade = new SimpleIntegerProperty(100);
    private final ObjectProperty<Integer> inactiveDays = new SimpleObjectProperty<>();
    private final ObservableList<FilterChip> chips = FXCollections.observableArrayList();
    private final ObservableMap<LearnerFilter, String> refused = FXCollections.observableHashMap();
    // Kept: a read-only view listens to its list weakly, so one made per call stops telling its listeners.
    private final ObservableList<FilterChip> chipsView = FXCollections.unmodifiableObservableList(chips);
    private final ObservableMap<LearnerFilter, String> refusedView = FXCollections.unmodifiableObservableMap(refused);
    private final ObjectProperty<LearnerSort> sort = new SimpleObjectProperty<>(LearnerSort.USERNAME);
    private final BooleanProperty descending = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();

    private final InvalidationListener queryChanged = this::queryChanged;
    private final InvalidationListener connectionChanged = obs -> retryAfterRecovery();
    private final Duration rest;
    private final CourseMemory memory;
    private final Messages messages;
    private final Countries countryNames;
    private final java.time.Clock clock = java.time.Clock.systemUTC();
    private TaskRunner.Cancellable pendingSearch;
    private TaskRunner.Cancellable resting;
    /** The row of the list selected in the table, or -1. */
    private int selectedIndex = -1;
    /** True while the selected row is a "loading" row whose detail was asked for. */
    private boolean awaitingRow;
    private boolean coursesFailed;

    public LearnersViewModel(AppState app, TaskRunner tasks, Messages messages, Duration debounce) {
        this(app, tasks, messages, debounce, WINDOW_ROWS);
    }

    public LearnersViewModel(AppState app, TaskRunner tasks, Messages messages, Duration debounce,
                             CourseMemory memory) {
        this(app, tasks, messages, debounce, WINDOW_ROWS, memory);
    }

    /** With a slice of {@code windowRows} rows: tests move it through a small sandbox course. */
    public LearnersViewModel(AppState app, TaskRunner tasks, Messages messages, Duration debounce, int windowRows) {
        this(app, tasks, messages, debounce, windowRows, CourseMemory.forThisRun());
    }

    private LearnersViewModel(AppState app, TaskRunner tasks, Messages messages, Duration debounce, int windowRows,
                              CourseMemory memory) {
        this.app = app;
        this.memory = memory;
        this.messages = messages;
        this.rest = SELECTION_REST;
        this.tasks = tasks;
        this.errors = new ErrorMessages(messages);
        this.debounce = debounce;
        this.pages = new LearnerPages(tasks, app::report);
        this.window = new RowWindow(pages.rows(), windowRows);
        this.detail = new LearnerDetailViewModel(app, tasks, messages);
        pages.rows().addListener((InvalidationListener) this::rowsChanged);
        this.countryNames = new Countries(messages.locale());
        for (Observable o : List.of(search, mode, active, passed, countries, minProgress, maxProgress, minGrade,
                maxGrade, inactiveDays)) {
            o.addListener(queryChanged);
        }
        for (Observable o : List.of(mode, active, passed, countries, minProgress, maxProgress, minGrade, maxGrade,
                inactiveDays)) {
            o.addListener(obs -> chips.setAll(chipsNow()));
        }
        course.addListener((obs, old, now) -> {
            cancelRest();
            selectedIndex = -1;
            awaitingRow = false;
            detail.clear();
            memory.remember(app.session(), now);
            reload();
        });
        app.connectionProperty().addListener(new WeakInvalidationListener(connectionChanged));
        app.signInAgainNeededProperty().addListener(new WeakInvalidationListener(connectionChanged));
    }

    /** Loads the courses this person may see, by title, and opens the one open before or chosen last anywhere. */
    public void load() {
        PlatformClient client = client();
        if (client == null) {
            return;
        }
        state.set(State.LOADING);
        coursesFailed = false;
        tasks.run(client::courses).onSuccess(list -> {
            CourseDto previous = course.get();
            courses.setAll(CourseChoice.byTitle(list, messages.locale()));
            if (list.isEmpty()) {
                state.set(State.NO_COURSES);
                return;
            }
            CourseDto pick = memory.pick(app.session(), previous, courses);
            if (pick.equals(previous)) {
                reload();
            } else {
                course.set(pick);
            }
        }).onFailure(e -> {
            coursesFailed = true;
            fail(e);
        });
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
        for (LearnerFilter f : LearnerFilter.values()) {
            if (f != LearnerFilter.SEARCH) {
                clear(f);
            }
        }
    }

    /** Clears one filter: what removing its chip, or "clear" beside a refused value, does. */
    public void clear(LearnerFilter filter) {
        switch (filter) {
            case SEARCH -> search.set("");
            case MODE -> mode.set(null);
            case ACTIVE -> active.set(Choice.ANY);
            case PASSED -> passed.set(Choice.ANY);
            case COUNTRIES -> countries.clear();
            case PROGRESS -> {
                minProgress.set(0);
                maxProgress.set(100);
            }
            case GRADE -> {
                minGrade.set(0);
                maxGrade.set(100);
            }
            case INACTIVE -> inactiveDays.set(null);
        }
    }

    /** The active filters, in the bar's order, as chips a person reads and removes. */
    private List<FilterChip> chipsNow() {
        List<FilterChip> now = new java.util.ArrayList<>();
        if (mode.get() != null) {
            now.add(new FilterChip(LearnerFilter.MODE, messages.format("learners.chip.mode",
                    messages.get("learners.mode." + mode.get().name()))));
        }
        if (active.get() != Choice.ANY) {
            now.add(new FilterChip(LearnerFilter.ACTIVE, messages.get("learners.filter.active." + active.get())));
        }
        if (passed.get() != Choice.ANY) {
            now.add(new FilterChip(LearnerFilter.PASSED, messages.get("learners.filter.passed." + passed.get())));
        }
        if (!countries.isEmpty()) {
            List<String> names = countries.stream().map(countryNames::name).toList();
            String shown = names.size() <= 3 ? String.join(", ", names)
                    : messages.format("learners.chip.countries.more", String.join(", ", names.subList(0, 2)),
                    names.size() - 2);
            now.add(new FilterChip(LearnerFilter.COUNTRIES, messages.format("learners.chip.countries", shown)));
        }
        if (minProgress.get() > 0 || maxProgress.get() < 100) {
            now.add(new FilterChip(LearnerFilter.PROGRESS, messages.format("learners.chip.progress",
                    Math.clamp(minProgress.get(), 0, 100), Math.clamp(maxProgress.get(), 0, 100))));
        }
        if (minGrade.get() > 0 || maxGrade.get() < 100) {
            now.add(new FilterChip(LearnerFilter.GRADE, messages.format("learners.chip.grade",
                    Math.clamp(minGrade.get(), 0, 100), Math.clamp(maxGrade.get(), 0, 100))));
        }
        if (inactiveDays.get() != null) {
            now.add(new FilterChip(LearnerFilter.INACTIVE, messages.format("learners.chip.inactive",
                    inactiveDays.get())));
        }
        return now;
    }

    /** Asks the platform again with everything as it is now. */
    public void reload() {
        CourseDto selected = course.get();
        PlatformClient client = client();
        if (selected == null || client == null) {
            if (coursesFailed) {
                load();
            }
            return;
        }
        state.set(State.LOADING);
        error.set(null);
        refused.clear();
        cancelRest();
        selectedIndex = -1;
        awaitingRow = false;
        LearnerQuery asked = query();
        pages.open(client, selected.id(), asked)
                .onSuccess(page -> {
                    state.set(page.items().isEmpty() ? State.EMPTY : State.READY);
                    keepDetailOnlyIfListed(asked);
                })
                .onFailure(this::fail);
    }

    /**
     * After a new list came: the detail on screen stays only while its learner can be in the list. Among the rows
     * fetched the table selects it again (see {@link #indexOfShownLearner()}); otherwise the pane empties when the
     * whole list is in without them, or when their row fails the new filters or search.
     */
    private void keepDetailOnlyIfListed(LearnerQuery asked) {
        LearnerRowDto shown = detail.rowProperty().get();
        if (shown == null || indexOfShownLearner() >= 0) {
            return;
        }
        if (pages.complete() || detail.stateProperty().get() == LearnerDetailViewModel.State.WAITING
                || !LearnerMatch.couldMatch(shown, asked, clock.instant())) {
            detail.clear();
        }
    }

    /** Where the learner whose detail is on screen is among the rows fetched of the list, or -1. */
    public int indexOfShownLearner() {
        LearnerRowDto shown = detail.rowProperty().get();
        if (shown == null) {
            return -1;
        }
        int fetched = pages.loaded();
        for (int i = 0; i < fetched; i++) {
            LearnerRow row = pages.rows().get(i);
            if (!row.isMore() && row.learner().learnerId().equals(shown.learnerId())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * An export of this course's roster with the columns {@code shown}. A roster holds every learner of the course
     * in the platform's order: the request says whether a search or filters narrowed the list, for the form to say
     * they do not apply.
     */
    public ExportRequest exportRequest(java.util.Collection<LearnerColumn> shown) {
        java.util.Set<RosterField> fields = java.util.EnumSet.of(RosterField.USERNAME);
        shown.forEach(c -> fields.add(c.rosterField));
        String text = search.get() == null ? "" : search.get().strip();
        return new ExportRequest(course.get(), fields, filtered() || !text.isEmpty());
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
        int minP = Math.clamp(minProgress.get(), 0, 100);
        int maxP = Math.clamp(maxProgress.get(), 0, 100);
        int minG = Math.clamp(minGrade.get(), 0, 100);
        int maxG = Math.clamp(maxGrade.get(), 0, 100);
        String text = search.get() == null ? "" : search.get().strip();
        return LearnerQuery.firstPage()
                .withSearch(text.isEmpty() ? null : text)
                .withFilters(new LearnerQuery.Filters(mode.get(), active.get().asFilter(), passed.get().asFilter(),
                        List.copyOf(countries), minP > 0 ? minP / 100.0 : null, maxP < 100 ? maxP / 100.0 : null,
                        minG > 0 ? minG / 100.0 : null, maxG < 100 ? maxG / 100.0 : null, inactiveDays.get()))
                .withSort(sort.get(), descending.get());
    }

    public boolean filtered() {
        return !chips.isEmpty();
    }

    public void open(LearnerRow row) {
        CourseDto selected = course.get();
        if (row == null || row.isMore() || selected == null) {
            detail.clear();
            return;
        }
        detail.load(selected.id(), row.learner());
    }

    /**
     * The table's selection moved to row {@code index} of the list (-1: nothing selected). Its detail is fetched,
     * and so recorded in the access log as viewed (R12), only once the selection has rested for
     * {@link #SELECTION_REST} or on {@link #openSelected()}: arrowing down past 40 learners is not viewing them.
     */
    public void select(int index) {
        cancelRest();
        selectedIndex = index;
        awaitingRow = false;
        CourseDto open = course.get();
        LearnerRow row = rowAt(index);
        if (row == null || open == null) {
            detail.clear();
            return;
        }
        if (row.isMore() && pages.moreFailedProperty().get()) {
            pages.retryMore();
        }
        if (!row.isMore() && detail.shows(open.id(), row.learner())) {
            return;
        }
        if (row.isMore()) {
            detail.clear();
        } else {
            detail.waitFor(open.id(), row.learner());
        }
        resting = tasks.schedule(rest, this::openSelected);
    }

    /** Enter or a double click: the selected row's detail at once; a row still loading opens when it comes. */
    public void openSelected() {
        cancelRest();
        LearnerRow row = rowAt(selectedIndex);
        if (row == null) {
            return;
        }
        if (row.isMore()) {
            awaitingRow = true;
            return;
        }
        awaitingRow = false;
        open(row);
    }

    /** The selected row was still loading when it was opened: opens it once its page is in. */
    private void rowsChanged(Observable ignored) {
        if (awaitingRow) {
            LearnerRow row = rowAt(selectedIndex);
            if (row != null && !row.isMore()) {
                awaitingRow = false;
                open(row);
            }
        }
    }

    private LearnerRow rowAt(int index) {
        return index < 0 || index >= pages.rows().size() ? null : pages.rows().get(index);
    }

    private void cancelRest() {
        if (resting != null) {
            resting.cancel();
            resting = null;
        }
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
        if (e instanceof ApiHttpException http && http.status() == 422 && refusedFilters(http)) {
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
        java.util.Map<LearnerFilter, String> named = new java.util.EnumMap<>(LearnerFilter.class);
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

    private PlatformClient client() {
        return app.session() == null ? null : app.session().client();
    }

    public void dispose() {
        cancelRest();
        pages.clear();
        detail.clear();
        if (pendingSearch != null) {
            pendingSearch.cancel();
        }
    }

    public ObservableList<CourseDto> courses() {
        return courses;
    }

    public ObjectProperty<CourseDto> courseProperty() {
        return course;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<EnrollmentMode> modeProperty() {
        return mode;
    }

    public ObjectProperty<Choice> activeProperty() {
        return active;
    }

    public ObjectProperty<Choice> passedProperty() {
        return passed;
    }

    /** The ISO codes of the countries picked; a learner in any of them passes. */
    public ObservableList<String> countries() {
        return countries;
    }

    /** Every country to pick from, by name in the console's language. */
    Countries countryNames() {
        return countryNames;
    }

    public IntegerProperty minGradeProperty() {
        return minGrade;
    }

    public IntegerProperty maxGradeProperty() {
        return maxGrade;
    }

    /** No activity in the course in the last this many days; null: any. */
    public ObjectProperty<Integer> inactiveDaysProperty() {
        return inactiveDays;
    }

    public ObservableList<FilterChip> chips() {
        return chipsView;
    }

    /** What the platform said of each filter it refused in the last query. */
    public ObservableMap<LearnerFilter, String> refused() {
        return refusedView;
    }

    public IntegerProperty minProgressProperty() {
        return minProgress;
    }

    public IntegerProperty maxProgressProperty() {
        return maxProgress;
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
