package org.iqracity.console.ui.exports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterView;
import org.iqracity.console.client.CoursesClient;
import org.iqracity.console.client.RostersClient;
import org.iqracity.console.exports.RosterExporter;
import org.iqracity.console.roster.RosterManifest;
import org.iqracity.console.roster.RosterProtection;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.CourseList;
import org.iqracity.console.ui.common.ErrorMessages;
import org.iqracity.console.ui.common.ExportRequest;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.RetryWhenBack;
import org.iqracity.console.ui.common.SaveFolders;
import org.iqracity.console.ui.common.SaveTarget;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;
import org.iqracity.console.ui.common.UserMessage;
import org.iqracity.console.ui.common.ViewWords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export form (R14): which courses and columns, who can open the file (a passphrase and/or colleagues' OpenPGP
 * keys), until when, and where; then the export as a cancellable background job with progress.
 */
public final class ExportViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(ExportViewModel.class);
    public static final List<Integer> EXPIRY_CHOICES = List.of(7, 30, 90);
    static final Set<RosterField> DEFAULT_FIELDS = EnumSet.of(RosterField.USERNAME, RosterField.NAME,
            RosterField.EMAIL, RosterField.MODE, RosterField.ENROLLED_AT, RosterField.PROGRESS, RosterField.GRADE,
            RosterField.PASSED, RosterField.LAST_ACTIVITY_AT);

    public enum State { LOADING, NO_COURSES, READY, RUNNING, DONE, CANCELLED, FAILED }

    /** A course with its check box. */
    public record CourseChoice(CourseDto course, BooleanProperty selected) {
    }

    /** A column with its check box. */
    public record FieldChoice(RosterField field, BooleanProperty selected) {
    }

    /** A colleague's key the file is also encrypted to. */
    public record Recipient(String userId, String keyId, PGPPublicKey key) {
    }

    private final AppState app;
    private final CourseList courseList;
    private final RostersClient rosters;
    private final TaskRunner tasks;
    private final Messages messages;
    private final RosterErrors errors;
    private final Clock clock;

    private final ObservableList<CourseChoice> courses = FXCollections.observableArrayList(
            c -> new Observable[] {c.selected()});
    private final List<FieldChoice> fields = new ArrayList<>();
    private final ObservableList<Recipient> recipients = FXCollections.observableArrayList();
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty passphraseAgain = new SimpleStringProperty("");
    private final IntegerProperty expiryDays = new SimpleIntegerProperty(30);
    private final SaveTarget saveTo = new SaveTarget(".iqroster", SaveFolders.ofThisUser());
    private final StringProperty target = saveTo.textProperty();
    private final ReadOnlyObjectWrapper<Path> savedFile = new ReadOnlyObjectWrapper<>();
    private final ObjectBinding<PassphraseStrength> strength;
    private final ObjectBinding<String> problem;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.LOADING);
    /** Kept here: the application state holds it weakly. */
    private final RetryWhenBack retryWhenBack;
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper rowsDone = new ReadOnlyLongWrapper();
    private final ReadOnlyLongWrapper rowsExpected = new ReadOnlyLongWrapper();
    private final ReadOnlyDoubleWrapper rowsPerSecond = new ReadOnlyDoubleWrapper();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private BackgroundTask<RosterManifest> running;
    private final ObjectProperty<ExportRequest> requests;
    private final ReadOnlyStringWrapper fromScreen = new ReadOnlyStringWrapper("");
    /** A request taken before the courses were loaded; applied once they are. */
    private ExportRequest pending;
    /** The request the form was last filled from: its view applies while its course alone is chosen. */
    private ExportRequest taken;
    private final ViewWords viewWords;

    public ExportViewModel(AppState app, CoursesClient courses, RostersClient rosters, TaskRunner tasks,
                           Messages messages, Clock clock) {
        this(app, courses, rosters, tasks, messages, clock, new SimpleObjectProperty<>());
    }

    /** Also takes the exports other screens ask for through {@code requests}, which it empties as it takes them. */
    public ExportViewModel(AppState app, CoursesClient courseClient, RostersClient rosters, TaskRunner tasks,
                           Messages messages, Clock clock, ObjectProperty<ExportRequest> requests) {
        this.app = app;
        this.retryWhenBack = new RetryWhenBack(app, () -> state.get() == State.FAILED && this.courses.isEmpty(),
                this::load);
        this.courseList = CourseList.asListed(courseClient, tasks);
        this.rosters = rosters;
        this.requests = requests;
        this.tasks = tasks;
        this.messages = messages;
        this.errors = new RosterErrors(messages);
        this.clock = clock;
        this.viewWords = new ViewWords(messages);
        // Choosing other courses changes what the Learners screen's view applies to; the note says so at once.
        courses.addListener((ListChangeListener<CourseChoice>) c -> describeFromScreen());
        List<Observable> deps = new ArrayList<>(List.of(courses, recipients, passphrase, passphraseAgain, target));
        for (RosterField f : RosterField.values()) {
            if (f != RosterField.COURSE_ID) {
                FieldChoice choice = new FieldChoice(f, new SimpleBooleanProperty(DEFAULT_FIELDS.contains(f)));
                fields.add(choice);
                deps.add(choice.selected());
            }
        }
        strength = Bindings.createObjectBinding(() -> PassphraseStrength.of(passphrase.get()), passphrase);
        problem = Bindings.createObjectBinding(this::firstProblem, deps.toArray(Observable[]::new));
        // A request made before this screen was first built waits in the holder; later ones arrive through it.
        takeRequest(requests.get());
        requests.addListener((obs, old, now) -> takeRequest(now));
    }

    public void load() {
        state.set(State.LOADING);
        error.set(null);
        courseList.loadAsListed(list -> {
            courses.setAll(list.stream().map(c -> new CourseChoice(c, new SimpleBooleanProperty())).toList());
            if (list.size() == 1) {
                courses.getFirst().selected().set(true);
            }
            state.set(list.isEmpty() ? State.NO_COURSES : State.READY);
            applyPending();
        }, e -> {
            app.report(e);
            // no export is under way yet: the course list's failure is the platform's, said as every screen says it
            error.set(new ErrorMessages(messages).describe(e));
            state.set(State.FAILED);
        });
    }

    /**
     * Fills the form from a request of another screen: that course alone, its columns, and the view it showed (its
     * search, filters and order), which the roster then holds, in that order, while that course alone is chosen.
     */
    private void takeRequest(ExportRequest request) {
        if (request != null) {
            pending = request;
            requests.set(null);
            applyPending();
        }
    }

    private void applyPending() {
        if (pending == null || courses.isEmpty()) {
            return;
        }
        ExportRequest request = pending;
        pending = null;
        boolean found = courses.stream().anyMatch(c -> c.course().id().equals(request.course().id()));
        taken = found ? request : null;
        for (CourseChoice c : courses) {
            c.selected().set(c.course().id().equals(request.course().id()));
        }
        for (FieldChoice f : fields) {
            f.selected().set(request.fields().contains(f.field()));
        }
        describeFromScreen();
    }

    /** The view taken from the Learners screen, if it applies to the courses chosen now: exactly its course. */
    private RosterView viewNow() {
        if (taken == null || taken.view() == null) {
            return null;
        }
        List<CourseChoice> chosen = courses.stream().filter(c -> c.selected().get()).toList();
        boolean alone = chosen.size() == 1 && chosen.getFirst().course().id().equals(taken.course().id());
        return alone ? taken.view() : null;
    }

    private void describeFromScreen() {
        if (taken == null) {
            fromScreen.set("");
        } else if (taken.view() == null) {
            fromScreen.set(messages.format("exports.fromLearners", taken.course().title(), taken.rows()));
        } else if (viewNow() != null) {
            fromScreen.set(messages.format("exports.fromLearners.view", taken.rows(), taken.course().title(),
                    viewWords.describe(taken.view())));
        } else {
            fromScreen.set(messages.format("exports.fromLearners.viewOff", taken.course().title(),
                    viewWords.describe(taken.view())));
        }
    }

    /** Where the form was filled from and what the roster will hold, or empty. */
    public ReadOnlyStringProperty fromScreenProperty() {
        return fromScreen.getReadOnlyProperty();
    }

    /** The first thing that keeps the form from being exported, as a sentence; null when it can go. */
    private String firstProblem() {
        if (courses.stream().noneMatch(c -> c.selected().get())) {
            return messages.get("exports.problem.noCourse");
        }
        if (fields.stream().noneMatch(f -> f.selected().get())) {
            return messages.get("exports.problem.noField");
        }
        String phrase = passphrase.get();
        if (phrase.isEmpty() && recipients.isEmpty()) {
            return messages.get("exports.problem.noProtection");
        }
        String first = passphraseProblem();
        if (first != null) {
            return first;
        }
        String again = passphraseAgainProblem();
        if (again != null) {
            return again;
        }
        return targetProblem();
    }

    /** What is wrong with the passphrase itself, or null (none is fine when a colleague's key protects the file). */
    public String passphraseProblem() {
        String phrase = passphrase.get();
        if (!phrase.isEmpty() && phrase.length() < PassphraseStrength.MIN_LENGTH) {
            return messages.format("exports.problem.short", PassphraseStrength.MIN_LENGTH);
        }
        return null;
    }

    /**
     * What is wrong with the repeated passphrase, or null. Before anything is typed in it, it asks for it; it speaks
     * of a difference only once there is a second passphrase to differ.
     */
    public String passphraseAgainProblem() {
        String phrase = passphrase.get();
        if (phrase.isEmpty() && passphraseAgain.get().isEmpty()) {
            return null;
        }
        if (passphraseAgain.get().isEmpty()) {
            return messages.get("exports.problem.again");
        }
        return phrase.equals(passphraseAgain.get()) ? null : messages.get("exports.problem.mismatch");
    }

    /** Null when a file to save to is named. */
    public String targetProblem() {
        return target.get().isBlank() ? messages.get("exports.problem.noTarget") : null;
    }

    /**
     * Exports to the file named in the field (a name alone goes to the documents folder). A file that is there
     * already is not replaced silently: the export waits, and {@link #replaceAskedProperty()} names the file until
     * {@link #replace()} or {@link #keep()} answers.
     */
    public void export() {
        if (problem.get() != null || state.get() == State.RUNNING) {
            return;
        }
        if (!saveTo.clearToWrite()) {
            return;
        }
        Session session = app.session();
        RosterView view = viewNow();
        List<RosterExporter.Course> chosen = courses.stream().filter(c -> c.selected().get())
                .map(c -> view != null ? new RosterExporter.Course(c.course().id(), c.course().title(),
                        taken.rows(), view)
                        : new RosterExporter.Course(c.course().id(), c.course().title(), c.course().enrollmentsOr(0)))
                .toList();
        List<RosterField> columns = new ArrayList<>(List.of(RosterField.COURSE_ID));
        fields.stream().filter(f -> f.selected().get()).map(FieldChoice::field).forEach(columns::add);
        char[] phrase = passphrase.get().isEmpty() ? null : passphrase.get().toCharArray();
        RosterProtection protection = new RosterProtection(phrase, recipients.stream().map(Recipient::key).toList());
        Path file = saveTo.file();
        RosterExporter.Request request = new RosterExporter.Request(chosen, columns, protection,
                clock.instant().plus(Duration.ofDays(expiryDays.get())), file);

        long expected = chosen.stream().mapToLong(RosterExporter.Course::expectedRows).sum();
        AtomicLong done = new AtomicLong();
        long started = System.nanoTime();
        cancelRequested.set(false);
        rowsDone.set(0);
        rowsExpected.set(expected);
        rowsPerSecond.set(0);
        error.set(null);
        result.set("");
        state.set(State.RUNNING);
        LOGGER.info("exporting courses: {}; columns: {}{}", chosen.size(), columns.size(),
                view == null ? "" : "; of a view");
        running = tasks.job(messages.get("exports.job"), sink -> new RosterExporter(clock).export(rosters,
                session.me(), request, (rows, total) -> {
                    done.set(rows);
                    sink.progress(messages.format("exports.job.progress", rows, total),
                            total <= 0 ? -1 : rows / (double) total);
                }, () -> cancelRequested.get() || Thread.currentThread().isInterrupted()));
        running.onProgress((stage, fraction) -> showProgress(done.get(), started))
                .onSuccess(manifest -> {
                    savedFile.set(file);
                    showProgress(manifest.rowCount(), started);
                    passphrase.set("");
                    passphraseAgain.set("");
                    result.set(messages.format("exports.done", manifest.rowCount(), manifest.courses().size(),
                            file.toString(), Date.from(manifest.expiresAt())));
                    state.set(State.DONE);
                    LOGGER.info("export finished: {} rows", manifest.rowCount());
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
        LOGGER.info("export failed: {}", e.getClass().getSimpleName());
        app.report(e);
        error.set(errors.describe(e));
        state.set(State.FAILED);
    }

    private void showProgress(long rows, long startedNanos) {
        rowsDone.set(rows);
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        rowsPerSecond.set(seconds <= 0 ? 0 : rows / seconds);
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

    /** The person chose to replace the file asked about: the export goes on. */
    public void replace() {
        saveTo.replace();
        export();
    }

    /** The person keeps the file asked about: nothing is exported, the field keeps its text to be changed. */
    public void keep() {
        saveTo.keep();
    }

    /** A file picked in the system's save dialog, which has asked already whether to replace one that is there. */
    public void chosenInDialog(String path) {
        saveTo.chosenInDialog(path);
    }

    /** The existing file an export waits to replace until the person says so; null while none. */
    public ReadOnlyObjectProperty<Path> replaceAskedProperty() {
        return saveTo.replaceAskedProperty();
    }

    /** The file the last export wrote, for "Show in folder"; null before one is written. */
    public ReadOnlyObjectProperty<Path> savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    /** Where the file dialog opens: the folder of the file named in the field, else the documents folder. */
    public Path dialogFolder() {
        return saveTo.dialogFolder();
    }

    /**
     * A file name from what is exported and when: {@code roster-CS101-2026_T1-2026-12-07.iqroster} for one course,
     * {@code roster-3-courses-2026-12-07.iqroster} for several.
     */
    public String suggestedFileName() {
        List<CourseChoice> chosen = courses.stream().filter(c -> c.selected().get()).toList();
        String what = chosen.size() == 1 ? shortId(chosen.getFirst().course().id())
                : chosen.isEmpty() ? "courses" : chosen.size() + "-courses";
        return "roster-" + what + "-" + LocalDate.ofInstant(clock.instant(), ZoneId.systemDefault()) + ".iqroster";
    }

    private static String shortId(String courseId) {
        String id = courseId.substring(courseId.indexOf(':') + 1);
        String[] parts = id.split("\\+");
        String shortPart = parts.length >= 3 ? parts[1] + "-" + parts[2] : id;
        return shortPart.replaceAll("[^A-Za-z0-9_.-]+", "-");
    }

    /** For tests: where names without a folder go. */
    void useFolders(SaveFolders folders) {
        saveTo.useFolders(folders);
    }

    /** Reads a colleague's armored public key in the background and adds it as a recipient. */
    public void addRecipientKey(Path file) {
        error.set(null);
        tasks.run(() -> PublicKeyFiles.read(file)).onSuccess(recipient -> {
            if (recipients.stream().noneMatch(r -> r.keyId().equals(recipient.keyId()))) {
                recipients.add(recipient);
            }
        }).onFailure(e -> error.set(new UserMessage(messages.get("exports.key.unreadable.text"),
                messages.get("exports.key.unreadable.hint"))));
    }

    public void removeRecipient(Recipient recipient) {
        recipients.remove(recipient);
    }

    public ObservableList<CourseChoice> courses() {
        return courses;
    }

    public List<FieldChoice> fields() {
        return fields;
    }

    public ObservableList<Recipient> recipients() {
        return recipients;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty passphraseAgainProperty() {
        return passphraseAgain;
    }

    public ObjectBinding<PassphraseStrength> strengthProperty() {
        return strength;
    }

    public IntegerProperty expiryDaysProperty() {
        return expiryDays;
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

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsDoneProperty() {
        return rowsDone.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty rowsExpectedProperty() {
        return rowsExpected.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty rowsPerSecondProperty() {
        return rowsPerSecond.getReadOnlyProperty();
    }
}
