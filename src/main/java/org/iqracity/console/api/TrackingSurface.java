package org.iqracity.console.api;

/** Where a technology runs. */
public enum TrackingSurface {
    COURSE_PAGES,
    COURSE_EMAILS
}
