package org.iqracity.console.api.insights;

/**
 * The stages of the completion funnel, in order. Each stage counts the learners who reached it <em>and</em> every
 * stage before it, so the funnel never widens.
 */
public enum FunnelStage {
    /** Every enrollment of the course, including learners who later unenrolled (R2). */
    ENROLLED,
    /** Some recorded activity in the course, or any progress. */
    ACTIVE,
    /** Progress of at least 50 %. */
    HALF_WAY,
    /** Passed the course (the course's own pass mark). */
    PASSED,
    /** Passed and holds a certificate. */
    CERTIFICATE
}
