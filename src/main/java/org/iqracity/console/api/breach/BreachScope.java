package org.iqracity.console.api.breach;

import java.time.Instant;
import java.util.List;

/**
 * Who was affected. In {@link ScopeMode#FILTER} mode: learners enrolled in {@code courseIds} (empty: every course of
 * the Member), enrolled within {@code enrolledFrom} (inclusive) to {@code enrolledTo} (exclusive) when given, and, when
 * {@code holding} is not empty, only those whose copy holds at least one of those categories. In
 * {@link ScopeMode#LIST} mode: exactly the learners named in {@code learners} by id or email. Either way only the
 * Member's own learners are ever reached.
 */
public record BreachScope(ScopeMode mode, List<String> courseIds, Instant enrolledFrom, Instant enrolledTo,
                          List<DataCategory> holding, List<String> learners) {
    public BreachScope {
        mode = mode == null ? ScopeMode.FILTER : mode;
        courseIds = courseIds == null ? List.of() : List.copyOf(courseIds);
        holding = holding == null ? List.of() : List.copyOf(holding);
        learners = learners == null ? List.of() : List.copyOf(learners);
    }

    public static BreachScope allLearners() {
        return new BreachScope(ScopeMode.FILTER, List.of(), null, null, List.of(), List.of());
    }
}
