package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/**
 * One version in a course's tracking history: who, when, and what changed from the version before, in words.
 *
 * @param flagged the technologies of this version filed as strictly necessary that carry a {@link NecessityFlag}
 */
public record TrackingVersionDto(long version, Instant at, String by, List<String> changes, Long revertedFrom,
                                 List<TrackingTechnologyDto> flagged) {

    public TrackingVersionDto(long version, Instant at, String by, List<String> changes, Long revertedFrom) {
        this(version, at, by, changes, revertedFrom, List.of());
    }
}
