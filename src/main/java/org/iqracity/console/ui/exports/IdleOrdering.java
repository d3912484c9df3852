package org.iqracity.console.ui.exports;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.iqracity.console.roster.query.OfflineRoster;
import org.iqracity.console.ui.common.BackgroundTask;
import org.iqracity.console.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sorts an opened roster's columns one after another in the background while none of the person's searches or
 * sorts runs, and keeps each order ({@link OfflineRoster#ordered}): a header clicked a few seconds after opening then
 * only picks rows. It gives way as soon as a query starts, dropping the column it was sorting, and goes on once the
 * query is done, so it never competes with what the person waits for. Called on the FX thread.
 */
final class IdleOrdering {
    private static final Logger LOGGER = LoggerFactory.getLogger(IdleOrdering.class);

    private final TaskRunner tasks;
    /** Whether one of the person's queries runs: the ordering stops at its next check. */
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile OfflineRoster roster;
    private BackgroundTask<Void> worker;

    IdleOrdering(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /** The roster to order from the next idle moment on; whatever ran for an earlier one stops. */
    void roster(OfflineRoster opened) {
        stop();
        roster = opened;
    }

    /** A query starts: the ordering gives way. */
    void busy() {
        busy.set(true);
    }

    /** The newest query is done: the ordering goes on where it stopped. */
    void idle() {
        busy.set(false);
        resume();
    }

    void stop() {
        roster = null;
        if (worker != null) {
            worker.cancel();
        }
    }

    private void resume() {
        OfflineRoster r = roster;
        if (r == null || worker != null || busy.get() || r.allOrdered()) {
            return;
        }
        BackgroundTask<Void> task = tasks.run(() -> {
            orderWhileIdle(r);
            return null;
        });
        worker = task;
        task.onDone(() -> {
            if (worker == task) {
                worker = null;
            }
        }).onSuccess(done -> resume()).onFailure(e -> LOGGER.warn("ordering a roster's columns in the "
                + "background failed: {}", e.getClass().getSimpleName()));
    }

    private void orderWhileIdle(OfflineRoster r) {
        for (int column = 0; column < r.header().size(); column++) {
            try {
                r.ordered(column, () -> busy.get() || roster != r || Thread.currentThread().isInterrupted());
            } catch (CancellationException e) {
                return;
            }
        }
    }
}
