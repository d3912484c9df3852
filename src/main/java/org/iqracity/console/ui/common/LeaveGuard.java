package org.iqracity.console.ui.common;

/** A screen that may hold unsaved work: the shell asks it before switching screens, signing out or closing. */
public interface LeaveGuard {

    /**
     * Runs {@code proceed} once leaving is fine: at once when nothing is unsaved, else after asking the person (and
     * maybe saving). Never runs it when the person chooses to stay.
     */
    void leave(Runnable proceed);
}
