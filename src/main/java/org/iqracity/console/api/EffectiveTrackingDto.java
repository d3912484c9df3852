package org.iqracity.console.api;

import java.util.List;

/**
 * What a learner with the given cookie settings gets in a course: the technologies that apply, and those withheld
 * with the reason.
 */
public record EffectiveTrackingDto(boolean analytics, boolean functional, boolean marketing, boolean gpc,
                                   List<TrackingTechnologyDto> applied, List<Withheld> withheld) {

    /** {@code reason} is one of NOT_ALLOWED_BY_LEARNER, CATEGORY_OFF_IN_COURSE, GLOBAL_PRIVACY_CONTROL. */
    public record Withheld(TrackingTechnologyDto technology, String reason) {
    }
}
