package org.iqracity.console.ui.common;

/** How the console's link to its platform looks from here. */
public enum ConnectionState {
    /** Not signed in to any platform. */
    NONE,
    ONLINE,
    /** The last call found no platform; the console keeps checking. */
    OFFLINE
}
