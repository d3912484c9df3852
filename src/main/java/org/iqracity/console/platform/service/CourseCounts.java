package org.iqracity.console.platform.service;

import org.iqracity.console.api.CourseDto;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;

/**
 * A course's enrollment counts as a caller may see them (R11, R2; docs/decisions/0005). Whoever may list the
 * course's learners sees them exactly: the list has the same numbers. Anyone else who sees the course, a security
 * officer above all, sees them through {@link SmallCells}, as the insights are shown: enrolled is the total of a
 * breakdown into active and unenrolled, and the unenrolled, though never sent, follow from the two numbers that are.
 */
final class CourseCounts {
    private CourseCounts() {
    }

    static CourseDto shownTo(Caller caller, CourseRow course) {
        // inScope holds only for course and Member administrators, who are the ones that list learners
        return caller.inScope(course.dto().id()) ? course.dto()
                : suppressed(course.dto(), course.enrollments(), course.activeEnrollments());
    }

    /** The counts with small groups suppressed: none from 1 to 4, none that gives one away by subtraction. */
    static CourseDto suppressed(CourseDto course, long enrolled, long active) {
        SmallCells.Decision split = SmallCells.breakdown(active, enrolled - active);
        boolean totalHidden = enrolled > 0 && enrolled < SmallCells.THRESHOLD || split.exposed();
        Long shownEnrolled = totalHidden ? null : enrolled;
        Long shownActive = totalHidden || split.isSuppressed(0) ? null : active;
        return new CourseDto(course.id(), course.title(), course.org(), course.number(), course.run(),
                course.startsAt(), course.endsAt(), shownEnrolled, shownActive, true);
    }
}
