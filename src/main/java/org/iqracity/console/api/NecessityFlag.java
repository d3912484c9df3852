package org.iqracity.console.api;

/**
 * Why a technology filed as strictly necessary is flagged for review (R9): it runs for every learner, including one
 * who refused all tracking, so anything that looks like it could be consent-bound is shown as such. Set by the
 * platform on what it returns; ignored on what it receives.
 */
public enum NecessityFlag {
    /** A third party's technology, accepted with the course team's written justification. */
    THIRD_PARTY,
    /** First party, but its words read as marketing; accepted with a written justification. */
    MARKETING_WORDING,
    /** Stored before justifications were required, and it has none. */
    UNJUSTIFIED,
    /**
     * Stored before advertising was refused as strictly necessary. Treated as marketing: it applies only to a learner
     * who allows marketing and sends no honoured Global Privacy Control signal.
     */
    ADVERTISING
}
