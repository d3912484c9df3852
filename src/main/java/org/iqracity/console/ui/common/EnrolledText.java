package org.iqracity.console.ui.common;

import org.iqracity.console.api.CourseDto;

/**
 * A course's size in words: "1,234 enrolled", or "a few enrolled" where the platform keeps a small count back from a
 * role that cannot list the course's learners (R11; it is then at most a handful, never a number to show).
 */
public final class EnrolledText {
    private EnrolledText() {
    }

    public static String of(Messages messages, CourseDto course) {
        Long count = course.enrollmentCount();
        return count == null ? messages.get("learners.course.enrolled.few")
                : messages.format("learners.course.enrolled", count);
    }
}
