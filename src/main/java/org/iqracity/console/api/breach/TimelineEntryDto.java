package org.iqracity.console.api.breach;

import java.time.Instant;

/** One step in an incident's history: who did what, when. */
public record TimelineEntryDto(Instant at, String actor, String step, String detail) {
}
