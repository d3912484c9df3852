package org.iqracity.console.ui.shell;

import java.time.Duration;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;

/** While the platform is unreachable, asks its health now and then and tells the app when it is back. */
public final class ConnectionWatcher {

    private final AppState app;
    private final TaskRunner tasks;
    private final Duration interval;
    private TaskRunner.Cancellable pending;

    public ConnectionWatcher(AppState app, TaskRunner tasks, Duration interval) {
        this.app = app;
        this.tasks = tasks;
        this.interval = interval;
        app.connectionProperty().addListener((obs, old, state) -> {
            if (state == ConnectionState.OFFLINE) {
                scheduleCheck();
            } else {
                stop();
            }
        });
    }

    private void scheduleCheck() {
        stop();
        pending = tasks.schedule(interval, this::check);
    }

    private void check() {
        pending = null;
        Session session = app.session();
        if (session == null || app.connectionProperty().get() != ConnectionState.OFFLINE) {
            return;
        }
        tasks.run(() -> session.client().health())
                .onSuccess(health -> app.reachable())
                .onFailure(e -> scheduleCheck());
    }

    public void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
