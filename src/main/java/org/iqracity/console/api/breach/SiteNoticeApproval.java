package org.iqracity.console.api.breach;

/** A second officer's approval of a proposed site notice: the fingerprint of the text they read. */
public record SiteNoticeApproval(String textFingerprint) {
}
