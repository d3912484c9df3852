package org.iqracity.console.api;

/** Purposes a tracking technology serves, as learners choose them in their cookie settings (R9). */
public enum TrackingCategory {
    /** Always on: the course cannot work without it, and it cannot be switched off. */
    STRICTLY_NECESSARY,
    /** Performance and analytics: how the course is used. */
    PERFORMANCE,
    /** Functionality: remembers choices such as video quality or language. */
    FUNCTIONALITY,
    /** Marketing and targeting: advertising and campaign measurement. */
    MARKETING
}
