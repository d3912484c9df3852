package org.iqracity.console.ui.exports;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.research.ResearchExportRequest;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.ResearchClient;
import org.iqracity.console.exports.ResearchExporter;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.RetryWhenBack;
import org.iqracity.console.ui.common.SaveFolders;
import org.iqracity.console.ui.common.SaveTarget;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The research export form (R11): which course, the k, whether pseudonyms stay stable across exports, and where
 * to save; then the export as a cancellable background job and, once saved, the platform's report of how many
 * records were generalised and suppressed.
 */
public final class ResearchExportViewModel {
    private static final Logger LOGGER = LoggerFactory.getLogger(ResearchExportViewModel.class);
    /** The k the form offers; the platform accepts any from 5 up. */
    public static final int MAX_OFFERED_K = 50;

    public enum State { LOADING, NO_COURSES, READY, RUNNING, DONE, CANCELLED, FAILED }

    private final AppState app;
    private final CourseList courseList;
    private final ResearchClient research;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ResearchErrors errors;

    private final ObservableList<CourseDto> courses = FXCollections.observableArrayList();
    private final ObjectProperty<CourseDto> course = new SimpleObjectProperty<>();
    private final IntegerProperty k = new SimpleIntegerProperty(ResearchExportRequest.MIN_K);
    private final BooleanProperty stableKey = new SimpleBooleanProperty(false);
    private final SaveTarget saveTo = new SaveTarget(".zip", SaveFolders.ofThisUser());
    private final StringProperty target = saveTo.textProperty();
    private final ObjectBinding<String> problem;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    /** Kept here: the application state holds it weakly. */
    private final RetryWhenBack retryWhenBack;
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ResearchExporter.Saved> saved = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper bytesReceived = new ReadOnlyLongWrapper();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private BackgroundTask<ResearchExporter.Saved> running;

    public ResearchExportViewModel(AppState app, CoursesClient courses, ResearchClient research, TaskRunner tasks,
                                   Messages messages) {
        this.app = app;
        this.retryWhenBack = new RetryWhenBack(app, () -> state.get() == State.FAILED && this.courses.isEmpty(),
                this::load);
        this.courseList = CourseList.asListed(courses, tasks);
        this.research = research;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ResearchErrors(messages);
        problem = Bindings.createObjectBinding(this::firstProblem, course, k, target);
        // a new choice makes an old result or error stale
        course.addListener((obs, old, now) -> clearOutcome());
        k.addListener((obs, old, now) -> clearOutcome());
        stableKey.addListener((obs, old, now) -> clearOutcome());
    }

    public void load() {
        state.set(State.LOADING);
        error.set(null);
        courseList.loadAsListed(list -> {
            courses.setAll(list);
            if (list.size() == 1) {
                course.set(list.getFirst());
            }
            state.set(list.isEmpty() ? State.NO_COURSES : State.READY);
        }, e -> {
            app.report(e);
            // no export is under way yet: the course list's failure is the platform's, said as every screen says it
            error.set(new ErrorMessages(messages).describe(e));
            state.set(State.FAILED);
        });
    }

    private String firstProblem() {
        String first = courseProblem();
        if (first == null) {
            first = kProblem();
        }
        return first != null ? first : targetProblem();
    }

    /** Null when a course is chosen. */
    public String courseProblem() {
        return course.get() == null ? messages.get("research.problem.noCourse") : null;
    }

    /** Null when k is at least the platform's least. */
    public String kProblem() {
        return k.get() < ResearchExportRequest.MIN_K
                ? messages.format("research.problem.k", ResearchExportRequest.MIN_K) : null;
    }

    /** Null when a file to save to is named. */
    public String targetProblem() {
        return target.get() == null || target.get().isBlank() ? messages.get("research.problem.noTarget") : null;
    }

    /**
     * Exports to the file named in the field. A file that is there already is not replaced silently: the export
     * waits, and {@link #replaceAskedProperty()} names the file until {@link #replace()} or {@link #keep()} answers.
     */
    public void export() {
        if (problem.get() != null || state.get() == State.RUNNING) {
            return;
        }
        if (!saveTo.clearToWrite()) {
            return;
        }
        String courseId = course.get().id();
        ResearchExportRequest request = new ResearchExportRequest(k.get(), stableKey.get());
        Path file = saveTo.file();
        AtomicLong received = new AtomicLong();
        cancelRequested.set(false);
        clearOutcome();
        bytesReceived.set(0);
        state.set(State.RUNNING);
        LOGGER.info("research export with k {} and {} key", request.k(), request.stableKey() ? "stable" : "one-off");
        running = tasks.job(messages.get("research.job"), sink -> {
            sink.progress(messages.get("research.job.preparing"), -1);
            return new ResearchExporter().export(research, courseId, request, file, bytes -> {
                received.set(bytes);
                sink.progress(messages.format("research.job.receiving", bytes / 1024), -1);
            }, () -> cancelRequested.get() || Thread.currentThread().isInterrupted());
        });
        running.onProgress((stage, fraction) -> bytesReceived.set(received.get()))
                .onSuccess(result -> {
                    bytesReceived.set(result.bytes());
                    saved.set(result);
                    state.set(State.DONE);
                    LOGGER.info("research export saved: {} rows, {} suppressed", result.summary().recordsExported(),
                            result.summary().recordsSuppressed());
                })
                .onFailure(this::failed)
                .onDone(() -> {
                    if (running != null && running.isCancelled()) {
                        state.set(State.CANCELLED);
                    }
                    running = null;
                });
    }

    private void failed(Throwable e) {
        if (e instanceof CancellationException || cancelRequested.get()) {
            state.set(State.CANCELLED);
            return;
        }
        LOGGER.info("research export failed: {}", e.getClass().getSimpleName());
        app.report(e);
        error.set(errors.describe(e));
        state.set(State.FAILED);
    }

    /** Stops the export; the exporter then deletes what it had written, so no file is left behind. */
    public void cancel() {
        cancelRequested.set(true);
        if (running != null) {
            running.cancel();
        }
        if (state.get() == State.RUNNING) {
            state.set(State.CANCELLED);
        }
    }

    private void clearOutcome() {
        if (state.get() != State.RUNNING) {
            saved.set(null);
            error.set(null);
            if (state.get() == State.DONE || state.get() == State.CANCELLED || state.get() == State.FAILED) {
                state.set(courses.isEmpty() ? State.NO_COURSES : State.READY);
            }
        }
    }

    /**
     * The report of a saved export as sentences: rows kept, generalised and suppressed, and the k used; for a
     * stable-key export after others, how many were left out for the joins with them.
     */
    public String report() {
        ResearchExporter.Saved s = saved.get();
        if (s == null) {
            return "";
        }
        var sum = s.summary();
        String report = messages.format("research.done", sum.recordsExported(), sum.learnersInCourse(),
                sum.recordsGeneralised(), sum.recordsSuppressed(), sum.k(), sum.generalisation(),
                s.file().toString());
        if (sum.stableKey() && sum.stableExportsBefore() > 0) {
            report += " " + messages.format("research.done.joins", sum.recordsSuppressedForJoins(),
                    sum.stableExportsBefore());
        }
        return report;
    }

    /** A file name naming the course and today, as the platform would: {@code research-CS101-2026_T1.zip}. */
    public static String suggestedName(CourseDto course) {
        String id = course == null ? "course" : course.id();
        return "research-" + id.substring(id.indexOf(':') + 1).replaceAll("[^A-Za-z0-9_.-]+", "-") + ".zip";
    }

    public ObservableList<CourseDto> courses() {
        return courses;
    }

    public ObjectProperty<CourseDto> courseProperty() {
        return course;
    }

    public IntegerProperty kProperty() {
        return k;
    }

    public BooleanProperty stableKeyProperty() {
        return stableKey;
    }

    /** A file picked in the system's save dialog, which has asked already whether to replace one that is there. */
    public void chosenInDialog(String path) {
        saveTo.chosenInDialog(path);
    }

    /** Where the file dialog opens: the folder of the file named in the field, else the documents folder. */
    public Path dialogFolder() {
        return saveTo.dialogFolder();
    }

    /** For tests: where names without a folder go. */
    void useFolders(SaveFolders folders) {
        saveTo.useFolders(folders);
    }

    /** The person chose to replace the file asked about: the export goes on. */
    public void replace() {
        saveTo.replace();
        export();
    }

    /** The person keeps the file asked about: nothing is exported, the field keeps its text to be changed. */
    public void keep() {
        saveTo.keep();
    }

    /** The existing file an export waits to replace until the person says so; null while none. */
    public ReadOnlyObjectProperty<Path> replaceAskedProperty() {
        return saveTo.replaceAskedProperty();
    }

    public StringProperty targetProperty() {
        return target;
    }

    /** Why the form cannot be exported yet; null when it can. */
    public ObjectBinding<String> problemProperty() {
        return problem;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ResearchExporter.Saved> savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty bytesReceivedProperty() {
        return bytesReceived.getReadOnlyProperty();
    }
}
