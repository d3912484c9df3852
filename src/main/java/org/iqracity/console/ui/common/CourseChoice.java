package org.iqracity.console.ui.common;

import java.util.List;
import org.iqracity.console.api.CourseDto;

/** Which course a screen shows after its course list is loaded again. */
public final class CourseChoice {
    private CourseChoice() {
    }

    /** The course open before, as the new list has it (its counts may have changed), else the list's first. */
    public static CourseDto sameOrFirst(CourseDto previous, List<CourseDto> list) {
        return previous == null ? list.getFirst() : list.stream().filter(c -> c.id().equals(previous.id()))
                .findFirst().orElse(list.getFirst());
    }
}
