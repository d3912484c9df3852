package org.iqracity.console.ui.learners;

/** An active filter as a person reads it ("Grade 50–100%"); removing the chip clears that filter. */
public record FilterChip(LearnerFilter filter, String text) {
}
