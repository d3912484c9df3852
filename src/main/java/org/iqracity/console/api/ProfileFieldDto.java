package org.iqracity.console.api;

/** One shared profile field; {@code key} is stable (e.g. {@code name}, {@code country}), value is display text. */
public record ProfileFieldDto(String key, String value, boolean visibleToOtherLearners) {
}
