package org.iqracity.console.api;

/** What a technology is, so people can tell a cookie from an email pixel. */
public enum TrackingKind {
    COOKIE,
    LOCAL_STORAGE,
    PIXEL,
    SCRIPT,
    EMAIL_OPEN_TRACKING,
    LINK_CLICK_TRACKING
}
