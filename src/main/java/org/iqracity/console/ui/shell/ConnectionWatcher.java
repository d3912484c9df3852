package org.iqracity.console.ui.shell;

import java.time.Duration;
import org.iqracity.console.ui.common.AppState;
import org.iqracity.console.ui.common.ConnectionState;
import org.iqracity.console.ui.common.Session;
import org.iqracity.console.ui.common.TaskRunner;

/**
 * Keeps the status bar honest: while signed in it asks the platform's health now and then, so a platform that
 * went away is noticed even when nobody clicks; while it is away it asks more often and says when it is back.
 */
public final class ConnectionWatcher {

    private final AppState app;
    private final TaskRunner tasks;
    private final Duration retryInterval;
    private final Duration heartbeat;
    private TaskRunner.Cancellable pending;

    public ConnectionWatcher(AppState app, TaskRunner tasks, Duration retryInterval, Duration heartbeat) {
        this.app = app;
        this.tasks = tasks;
        this.retryInterval = retryInterval;
        this.heartbeat = heartbeat;
        app.connectionProperty().addListener((obs, old, state) -> reschedule(state));
        reschedule(app.connectionProperty().get());
    }

    private void reschedule(ConnectionState state) {
        stop();
        switch (state) {
            case OFFLINE -> pending = tasks.schedule(retryInterval, this::check);
            case ONLINE -> pending = tasks.schedule(heartbeat, this::check);
            case NONE -> { }
        }
    }

    private void check() {
        pending = null;
        Session session = app.session();
        if (session == null) {
            return;
        }
        ConnectionState before = app.connectionProperty().get();
        tasks.run(() -> session.client().health())
                .onSuccess(health -> {
                    app.reachable();
                    if (before == ConnectionState.ONLINE) {
                        reschedule(ConnectionState.ONLINE);
                    }
                })
                .onFailure(e -> {
                    app.report(e);
                    if (app.connectionProperty().get() == before) {
                        reschedule(before);
                    }
                });
    }

    public void stop() {
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }
}
