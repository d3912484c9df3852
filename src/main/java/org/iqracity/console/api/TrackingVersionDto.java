package org.iqracity.console.api;

import java.time.Instant;
import java.util.List;

/** One version in a course's tracking history: who, when, and what changed from the version before, in words. */
public record TrackingVersionDto(long version, Instant at, String by, List<String> changes, Long revertedFrom) {
}
