package org.iqracity.console.platform.http;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.iqracity.console.api.EnrollmentMode;
import org.iqracity.console.api.LearnerQuery;
import org.iqracity.console.api.LearnerSort;
import org.iqracity.console.api.RosterView;

/**
 * The learner list's search, filter and order parameters, read one way for the list and for the roster of a view:
 * the same values are taken and the same ones refused, naming the same fields.
 */
final class LearnerQueryParams {
    /** What chooses and orders the learners: the list's parameters without its paging. */
    static final Set<String> VIEW = Set.copyOf(RosterView.PARAMETERS);
    /** The list's parameters. */
    static final Set<String> LIST = with(VIEW, "limit", "cursor", "at");

    private LearnerQueryParams() {
    }

    static Set<String> with(Set<String> params, String... more) {
        Set<String> all = new HashSet<>(params);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    /** The search, filters and order of the request, as a first page of the default size; errors go to {@code p}. */
    static LearnerQuery read(Requests.Params p) {
        String sortParam = p.string("sort");
        boolean descending = sortParam != null && sortParam.startsWith("-");
        LearnerSort sort = LearnerSort.USERNAME;
        if (sortParam != null) {
            sort = LearnerSort.fromWireName(descending ? sortParam.substring(1) : sortParam).orElse(null);
            if (sort == null) {
                p.error("sort", "Sort by one of username, name, enrolledAt, progress, grade, lastActivityAt, "
                        + "with a leading '-' for descending.");
                sort = LearnerSort.USERNAME;
            }
        }
        return new LearnerQuery(p.string("q"), p.enumValue("mode", EnrollmentMode.class), p.bool("active"),
                p.bool("passed"), countries(p.string("country")), p.fraction("minProgress"),
                p.fraction("maxProgress"), p.fraction("minGrade"), p.fraction("maxGrade"),
                p.optionalInteger("inactiveDays"), sort, descending, LearnerQuery.DEFAULT_LIMIT, null);
    }

    /** {@code country=KE,de}: codes separated by commas, in any case (checked by the service). */
    private static List<String> countries(String param) {
        return param == null || param.isBlank() ? List.of() : List.of(param.split(",", -1));
    }
}
