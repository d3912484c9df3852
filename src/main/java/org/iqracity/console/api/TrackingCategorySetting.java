package org.iqracity.console.api;

/** Whether a course uses a category at all; strictly necessary is always enabled. */
public record TrackingCategorySetting(TrackingCategory category, boolean enabled) {
}
