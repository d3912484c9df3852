package org.iqracity.console.ui.common;

import java.util.Set;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.RosterField;

/**
 * A roster export asked for from another screen (the Learners screen's "Export roster"): the course and the columns
 * shown there. {@code narrowed} says the screen had a search or filters on, which a roster cannot carry: the export
 * form says so rather than pretend.
 */
public record ExportRequest(CourseDto course, Set<RosterField> fields, boolean narrowed) {
    public ExportRequest {
        fields = Set.copyOf(fields);
    }
}
