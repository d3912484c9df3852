package org.iqracity.console.api;

/** Enrollment tracks, as learners know them from edX-style platforms. */
public enum EnrollmentMode {
    AUDIT,
    VERIFIED,
    PROFESSIONAL,
    HONOR,
    MASTERS
}
