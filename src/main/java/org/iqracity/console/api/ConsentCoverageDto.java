package org.iqracity.console.api;

import java.util.List;

/**
 * How many of a course's active learners allow each category. Small counts are suppressed (R11): {@code count} is
 * then null and {@code display} says "fewer than 5".
 */
public record ConsentCoverageDto(AggregateCount learners, List<CategoryCoverage> categories,
                                 AggregateCount globalPrivacyControl) {

    public record AggregateCount(Long count, String display) {
    }

    public record CategoryCoverage(TrackingCategory category, AggregateCount allowing) {
    }
}
