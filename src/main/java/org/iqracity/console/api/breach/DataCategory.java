package org.iqracity.console.api.breach;

/** Kinds of learner data an incident can involve; the scope can be narrowed to learners whose copy holds them. */
public enum DataCategory {
    NAME, USERNAME, EMAIL, LOCATION, DEMOGRAPHICS, GOALS_AND_BIO, MAILING_ADDRESS, PERFORMANCE, ACTIVITY
}
