package org.iqracity.console.platform.service;

import java.util.List;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.Role;
import org.iqracity.console.platform.store.CourseRepository;
import org.iqracity.console.platform.store.CourseRepository.CourseRow;

/**
 * The courses a staff member may see: their own Member's only (R1), and for course administrators only those assigned
 * (R3).
 */
public final class CourseService {
    private final CourseRepository courses;

    public CourseService(CourseRepository courses) {
        this.courses = courses;
    }

    public List<CourseDto> list(Caller caller) {
        return courses.listForMember(caller.memberId()).stream()
                .filter(c -> visible(caller, c.dto().id()))
                .map(c -> CourseCounts.shownTo(caller, c))
                .toList();
    }

    public CourseDto get(Caller caller, String courseId) {
        return CourseCounts.shownTo(caller, visibleCourse(caller, courseId));
    }

    /**
     * The course if the caller may see it; otherwise exactly the answer for a course that does not exist. Its counts
     * are exact: what a caller is shown of them is {@link CourseCounts}' to decide.
     */
    public CourseRow visibleCourse(Caller caller, String courseId) {
        if (courseId == null || courseId.length() > 200 || !visible(caller, courseId)) {
            throw PlatformException.notFound();
        }
        return courses.find(caller.memberId(), courseId).orElseThrow(PlatformException::notFound);
    }

    /** The course if the caller may read its learners (course or Member administrators in scope). */
    public CourseRow learnerCourse(Caller caller, String courseId) {
        if (!caller.readsLearners()) {
            throw PlatformException.forbidden("Your role does not include working with learner data.");
        }
        if (courseId == null || !caller.inScope(courseId)) {
            throw PlatformException.notFound();
        }
        return visibleCourse(caller, courseId);
    }

    /** Security officers see the Member's catalogue (to scope breach notices) but no learners. */
    private static boolean visible(Caller caller, String courseId) {
        return caller.has(Role.SECURITY_OFFICER) || caller.inScope(courseId);
    }
}
