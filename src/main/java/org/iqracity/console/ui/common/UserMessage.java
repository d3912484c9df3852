package org.iqracity.console.ui.common;

/** What went wrong, in one sentence, and what the person can do about it. */
public record UserMessage(String text, String hint) {
}
