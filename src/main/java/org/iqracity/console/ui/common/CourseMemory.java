package org.iqracity.console.ui.common;

import java.util.List;
import java.util.Optional;
import org.iqracity.console.api.CourseDto;

/**
 * The course a person chose last, on any screen with a course picker: each such screen opens on it, and so does the
 * next sign-in of the same person on the same platform. Kept in {@link Settings} (a course id, nothing personal).
 */
public final class CourseMemory {
    private static final String KEY = "course.last";

    private final Settings settings;

    public CourseMemory(Settings settings) {
        this.settings = settings;
    }

    /** Remembers for this run only: for screens built without the console's settings (tests). */
    public static CourseMemory forThisRun() {
        return new CourseMemory(Settings.inMemory());
    }

    public void remember(Session session, CourseDto course) {
        if (session != null && course != null) {
            settings.put(key(session), course.id());
        }
    }

    /**
     * The course a screen opens on: the one it showed before (a list loaded again), else the one chosen last
     * anywhere, else the first of the list.
     */
    public CourseDto pick(Session session, CourseDto previous, List<CourseDto> list) {
        if (previous != null) {
            return CourseChoice.sameOrFirst(previous, list);
        }
        Optional<String> last = session == null ? Optional.empty() : settings.get(key(session));
        return last.flatMap(id -> list.stream().filter(c -> c.id().equals(id)).findFirst()).orElse(list.getFirst());
    }

    /** Per person and platform: two people sharing a computer, or one on two platforms, each keep their own. */
    private static String key(Session session) {
        return KEY + "." + session.me().username() + "@" + session.client().baseUri();
    }
}
