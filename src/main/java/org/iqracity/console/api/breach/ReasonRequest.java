package org.iqracity.console.api.breach;

/** Why a notice is returned to its author or cancelled; kept in the timeline. */
public record ReasonRequest(String reason) {
}
