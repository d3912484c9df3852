package org.iqracity.console.ui.breach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One save of a draft at a time. Saves asked for while one is on its way wait for it and then go as one, with the
 * version it made (sending them beside it would have the platform refuse all but one as based on an old version).
 * FX thread only.
 */
final class SaveQueue {
    private boolean onItsWay;
    private final List<Runnable> waiting = new ArrayList<>();

    /** Whether a save is on its way. */
    boolean busy() {
        return onItsWay;
    }

    /** When a save is on its way, {@code then} waits for the next one, and this answers true; otherwise false. */
    boolean queueBehind(Runnable then) {
        if (!onItsWay) {
            return false;
        }
        waiting.add(then);
        return true;
    }

    void started() {
        onItsWay = true;
    }

    /**
     * The save on its way ended. If it went through and saves were asked for meanwhile, {@code saveAgain} is given
     * what they were to run afterwards, as one; after a failure they are dropped (the failure is said once).
     */
    void ended(boolean ok, Consumer<Runnable> saveAgain) {
        onItsWay = false;
        List<Runnable> queued = List.copyOf(waiting);
        waiting.clear();
        if (ok && !queued.isEmpty()) {
            saveAgain.accept(() -> queued.forEach(Runnable::run));
        }
    }
}
