package org.iqracity.console.ui.common;

import java.util.Set;
import org.iqracity.console.api.CourseDto;
import org.iqracity.console.api.RosterField;
import org.iqracity.console.api.RosterView;

/**
 * A roster export asked for from another screen (the Learners screen's "Export roster"): the course, the columns shown
 * there, and the view the list showed ({@code view}: its search, filters and order; null when it showed the whole
 * course in username order) with its {@code rows}, so the roster holds what the screen showed, in its order.
 */
public record ExportRequest(CourseDto course, Set<RosterField> fields, RosterView view, long rows) {
    public ExportRequest {
        fields = Set.copyOf(fields);
    }
}
