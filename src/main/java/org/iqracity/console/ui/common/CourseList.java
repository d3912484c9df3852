package org.iqracity.console.ui.common;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.client.CoursesClient;

/**
 * The courses a screen offers: asked of the platform in the background, kept by title for a course picker, and the
 * course the screen opens on (the one it showed before, else the one chosen last anywhere, else the first). Every
 * screen that loads courses does it here. FX thread only.
 */
public final class CourseList {

    private final CoursesClient client;
    private final TaskRunner tasks;
    private final Locale locale;
    private final CourseMemory memory;
    private final Supplier<Session> session;
    private final ObservableList<CourseDto> courses = FXCollections.observableArrayList();
    private boolean failed;

    public CourseList(CoursesClient client, TaskRunner tasks, Locale locale, CourseMemory memory,
                      Supplier<Session> session) {
        this.client = client;
        this.tasks = tasks;
        this.locale = locale;
        this.memory = memory;
        this.session = session;
    }

    /** For screens without a picker to remember: the list in the platform's order, nothing remembered. */
    public static CourseList asListed(CoursesClient client, TaskRunner tasks) {
        return new CourseList(client, tasks, Locale.ROOT, CourseMemory.forThisRun(), () -> null);
    }

    /** The courses by title, as the picker shows them. */
    public ObservableList<CourseDto> courses() {
        return courses;
    }

    /**
     * Loads the courses by title. {@code open} gets the course to show (the one {@code shown} names when the answer
     * comes, if the list still has it), {@code none} runs when this person has no course, {@code failure} gets what
     * went wrong.
     */
    public void load(Supplier<CourseDto> shown, Consumer<CourseDto> open, Runnable none,
                     Consumer<Throwable> failure) {
        loadAsListed(list -> {
            courses.setAll(CourseChoice.byTitle(list, locale));
            if (list.isEmpty()) {
                none.run();
            } else {
                open.accept(memory.pick(session.get(), shown.get(), courses));
            }
        }, failure);
    }

    /** Loads the courses in the platform's order and hands them to {@code then}; the picker's list stays as it is. */
    public void loadAsListed(Consumer<List<CourseDto>> then, Consumer<Throwable> failure) {
        failed = false;
        tasks.run(client::all).onSuccess(then::accept).onFailure(e -> {
            failed = true;
            failure.accept(e);
        });
    }

    /** True when the last load failed: a screen loads the courses again once the platform is back. */
    public boolean failed() {
        return failed;
    }

    /** Remembers {@code course} as the one chosen last, for every screen and the next sign-in. */
    public void remember(CourseDto course) {
        memory.remember(session.get(), course);
    }
}
