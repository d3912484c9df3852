package org.iqracity.console.api;

/** Whether the Member itself runs a technology or a third party (who must then be named, R9). */
public enum TrackingParty {
    FIRST_PARTY,
    THIRD_PARTY
}
