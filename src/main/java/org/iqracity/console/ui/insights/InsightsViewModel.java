package org.iqracity.console.ui.insights;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;
import javax.imageio.ImageIO;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.insights.CourseInsightsDto;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.InsightsClient;
import org.iqracity.console.documents.AtomicFiles;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.CourseMemory;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;

/**
 * The insights screen: pick a course, see its aggregated counts (R11) as charts, save any chart as a picture or its
 * data as CSV. The platform suppresses small cells; this screen only shows what came, and says where a count was
 * withheld.
 */
public final class InsightsViewModel {

    /** NO_COURSES: nothing to pick; SUPPRESSED: fewer than 5 learners, nothing may be shown; EMPTY: no learners. */
    public enum State { NO_COURSES, LOADING, READY, SUPPRESSED, EMPTY, ERROR }

    /** The outcome of the last save, in words. */
    public record Notice(boolean ok, String text) {
    }

    private final AppState app;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ErrorMessages errors;
    private final InsightWords words;

    private final ObjectProperty<CourseDto> course = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<CourseInsightsDto> insights = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final InvalidationListener connectionChanged = obs -> retryAfterRecovery();

    private BackgroundTask<CourseInsightsDto> inFlight;
    private final CourseList courses;
    private final InsightsClient client;

    public InsightsViewModel(AppState app, CoursesClient courses, InsightsClient client, TaskRunner tasks,
                             Messages messages) {
        this(app, courses, client, tasks, messages, CourseMemory.forThisRun());
    }

    public InsightsViewModel(AppState app, CoursesClient courses, InsightsClient client, TaskRunner tasks,
                             Messages messages, CourseMemory memory) {
        this.app = app;
        this.courses = new CourseList(courses, tasks, messages.locale(), memory, app::session);
        this.client = client;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new ErrorMessages(messages);
        this.words = new InsightWords(messages);
        course.addListener((obs, old, now) -> {
            this.courses.remember(now);
            reload();
        });
        app.connectionProperty().addListener(new WeakInvalidationListener(connectionChanged));
        app.signInAgainNeededProperty().addListener(new WeakInvalidationListener(connectionChanged));
    }

    /** Loads the courses this person may see and opens the first (or the one open before). */
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

    /** Asks the platform for the open course's insights again; a request still under way is dropped. */
    public void reload() {
        CourseDto selected = course.get();
        if (selected == null) {
            if (courses.failed()) {
                load();
            }
            return;
        }
        if (inFlight != null) {
            inFlight.cancel();
        }
        state.set(State.LOADING);
        error.set(null);
        notice.set(null);
        String courseId = selected.id();
        inFlight = tasks.run(() -> client.course(courseId));
        inFlight.onSuccess(dto -> {
            insights.set(dto);
            state.set(dto.suppressed() ? State.SUPPRESSED
                    : dto.enrolled().count() == 0 ? State.EMPTY : State.READY);
        }).onFailure(e -> {
            insights.set(null);
            fail(e);
        }).onDone(() -> inFlight = null);
    }

    /** Saves what one chart shows, as the View pictured it, as a PNG file. */
    public void savePicture(InsightChart chart, Picture picture, Path target) {
        if (picture == null || target == null) {
            return;
        }
        save(chart, target, file -> {
            BufferedImage image = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, picture.width(), picture.height(), picture.argb(), 0, picture.width());
            try (OutputStream out = Files.newOutputStream(file)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this Java runtime");
                }
            }
        });
    }

    /** Saves one chart's data as CSV; a suppressed cell is written as words, never as a number. */
    public void saveData(InsightChart chart, Path target) {
        CourseInsightsDto shown = insights.get();
        if (shown == null || target == null) {
            return;
        }
        String csv = csv(chart);
        save(chart, target, file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
    }

    /** The CSV that {@link #saveData} writes for the insights shown now. */
    public String csv(InsightChart chart) {
        CourseInsightsDto shown = insights.get();
        return shown == null ? "" : new InsightsCsv(words).of(chart, shown);
    }

    /** A file name to offer: the chart and the course's number, e.g. "progress-CS101.png". */
    public String suggestedName(InsightChart chart, String extension) {
        CourseDto selected = course.get();
        String number = selected == null || selected.number() == null ? "" : "-" + selected.number();
        return chart.fileStem() + number.replaceAll("[^A-Za-z0-9._-]", "") + "." + extension;
    }

    @FunctionalInterface
    private interface FileWrite {
        void write(Path file) throws IOException;
    }

    /** Written next to the target and moved over it once whole, off the FX thread. */
    private void save(InsightChart chart, Path target, FileWrite write) {
        notice.set(null);
        String title = messages.get(chart.titleKey());
        tasks.run(() -> {
            AtomicFiles.replace(target, partial -> {
                write.write(partial);
                return null;
            });
            return target;
        }).onSuccess(path -> notice.set(new Notice(true, messages.format("insights.saved", title,
                path.getFileName().toString())))).onFailure(e -> {
                    app.report(e);
                    UserMessage m = errors.describe(e);
                    notice.set(new Notice(false, messages.format("insights.saveFailed", title) + " " + m.text()));
                });
    }

    public void dismissNotice() {
        notice.set(null);
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

    public void dispose() {
        if (inFlight != null) {
            inFlight.cancel();
        }
    }

    public InsightWords words() {
        return words;
    }

    public ObservableList<CourseDto> courses() {
        return courses.courses();
    }

    public ObjectProperty<CourseDto> courseProperty() {
        return course;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CourseInsightsDto> insightsProperty() {
        return insights.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Notice> noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
