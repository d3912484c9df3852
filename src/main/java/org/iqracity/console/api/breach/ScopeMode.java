package org.iqracity.console.api.breach;

/** Whether the affected learners are chosen by filters or named one by one. */
public enum ScopeMode {
    FILTER, LIST
}
