package org.iqracity.console.api;

import java.time.Instant;

/** The platform's receipt for a conversion report: when it was first recorded, and whether this was a repeat. */
public record RosterConversionDto(String reportId, Instant recordedAt, boolean repeated) {
}
