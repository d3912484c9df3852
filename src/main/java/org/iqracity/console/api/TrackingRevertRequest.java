package org.iqracity.console.api;

/** Make a new version with the content of an earlier one. */
public record TrackingRevertRequest(long version) {
}
