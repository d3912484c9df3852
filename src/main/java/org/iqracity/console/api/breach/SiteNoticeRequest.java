package org.iqracity.console.api.breach;

/** The text of a site notice; both parts are required. */
public record SiteNoticeRequest(String title, String body) {
}
