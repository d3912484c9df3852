package org.iqracity.console.ui.learners;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.iqracity.console.api.LearnerDetailDto;
import org.iqracity.console.api.LearnerRowDto;
import org.iqracity.console.client.LearnersClient;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/** One learner as the Member sees them in one course. Opening it is recorded in the access log (R12). */
public final class LearnerDetailViewModel {

    /** WAITING: a row is selected but its detail is not asked for (nor logged) until the selection rests. */
    public enum State { NONE, WAITING, LOADING, READY, ERROR }

    private final AppState app;
    private final LearnersClient client;
    private final TaskRunner tasks;
    private final ErrorMessages errors;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NONE);
    private final ReadOnlyObjectWrapper<LearnerRowDto> row = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LearnerDetailDto> detail = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private BackgroundTask<LearnerDetailDto> inFlight;
    /** The detail fetched last, kept while the selection only passes over other rows. */
    private Shown lastShown;

    private record Shown(String course, LearnerRowDto learner, LearnerDetailDto detail) {
    }
    private String courseId;

    public LearnerDetailViewModel(AppState app, LearnersClient client, TaskRunner tasks, Messages messages) {
        this.app = app;
        this.client = client;
        this.tasks = tasks;
        this.errors = new ErrorMessages(messages);
    }

    public void load(String course, LearnerRowDto learner) {
        if (shows(course, learner)) {
            return;
        }
        cancel();
        courseId = course;
        row.set(learner);
        error.set(null);
        if (lastShown != null && lastShown.course.equals(course) && lastShown.learner.equals(learner)) {
            // The learner shown a moment ago, the selection having passed over another: shown again, not fetched.
            detail.set(lastShown.detail);
            state.set(State.READY);
            return;
        }
        detail.set(null);
        state.set(State.LOADING);
        inFlight = tasks.run(() -> client.detail(course, learner.learnerId()));
        inFlight.onSuccess(d -> {
            inFlight = null;
            lastShown = new Shown(course, learner, d);
            detail.set(d);
            state.set(State.READY);
        }).onFailure(e -> {
            inFlight = null;
            app.report(e);
            error.set(errors.describe(e));
            state.set(State.ERROR);
        });
    }

    /** Whether this learner's detail is open (or on its way) for this course. */
    boolean shows(String course, LearnerRowDto learner) {
        return learner.equals(row.get()) && course.equals(courseId)
                && (state.get() == State.LOADING || state.get() == State.READY);
    }

    /**
     * A row is selected whose detail is not asked for yet: the pane says which learner it will be, and nothing is
     * fetched, so nothing is written to the access log for a row a person only passed over.
     */
    public void waitFor(String course, LearnerRowDto learner) {
        cancel();
        courseId = course;
        row.set(learner);
        detail.set(null);
        error.set(null);
        state.set(State.WAITING);
    }

    public void retry() {
        LearnerRowDto learner = row.get();
        if (learner != null && courseId != null) {
            lastShown = null;
            state.set(State.ERROR);
            load(courseId, learner);
        }
    }

    void retryIfFailed() {
        if (state.get() == State.ERROR) {
            retry();
        }
    }

    public void clear() {
        cancel();
        lastShown = null;
        state.set(State.NONE);
        row.set(null);
        detail.set(null);
        error.set(null);
        state.set(State.NONE);
    }

    private void cancel() {
        if (inFlight != null) {
            inFlight.cancel();
            inFlight = null;
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The row the detail was opened from: shown at once while the detail loads. */
    public ReadOnlyObjectProperty<LearnerRowDto> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LearnerDetailDto> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }
}
