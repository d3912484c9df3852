package org.iqracity.console.api.breach;

/** The approver names the fingerprints they reviewed; approval fails if either no longer matches. */
public record ApprovalRequest(String textFingerprint, String recipientsFingerprint) {
}
