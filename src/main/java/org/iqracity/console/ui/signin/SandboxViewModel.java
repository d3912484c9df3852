package org.iqracity.console.ui.signin;

import java.net.URI;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.iqracity.console.ui.common.LocalPlatform;
import org.iqracity.console.ui.common.Messages;
import org.iqracity.console.ui.common.TaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local sandbox platform: starting it in the background and telling how far it has come. */
public final class SandboxViewModel {

    private static final Logger LOGGER = LoggerFactory.getLogger(SandboxViewModel.class);

    public enum State { NOT_STARTED, STARTING, READY, FAILED }

    private final Optional<LocalPlatform> platform;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_STARTED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("");
    private final ObjectProperty<URI> address = new SimpleObjectProperty<>();

    public SandboxViewModel(Optional<LocalPlatform> platform, TaskRunner tasks, Messages messages) {
        this.platform = platform;
        this.tasks = tasks;
        this.messages = messages;
    }

    public boolean available() {
        return platform.isPresent();
    }

    public void start() {
        if (platform.isEmpty() || state.get() == State.STARTING || state.get() == State.READY) {
            return;
        }
        run("sandbox.starting", "sandbox.job", sink -> platform.get().start(sink));
    }

    /**
     * Stops the sandbox and starts it again with its data, while the console stays open: a session stays good when
     * the sandbox comes back at the same address. Only a sandbox that serves can be restarted.
     */
    public void restart() {
        if (platform.isEmpty() || state.get() != State.READY) {
            return;
        }
        run("sandbox.restarting", "sandbox.restartJob", sink -> platform.get().restart(sink));
    }

    private void run(String stageKey, String jobKey, TaskRunner.ProgressWork<URI> work) {
        state.set(State.STARTING);
        stage.set(messages.get(stageKey));
        progress.set(-1);
        tasks.job(messages.get(jobKey), work)
                .onProgress(this::progressed)
                .onSuccess(this::ready)
                .onFailure(this::failed);
    }

    private void ready(URI uri) {
        address.set(uri);
        progress.set(1);
        stage.set(messages.format("sandbox.ready", uri.toString()));
        state.set(State.READY);
    }

    private void failed(Throwable e) {
        // a start failure's sentences are written to carry no data; another exception's message may quote some
        if (e instanceof LocalPlatform.StartFailure failure) {
            LOGGER.warn("sandbox platform did not start: {}", failure.getMessage());
            stage.set(messages.format("sandbox.failedBecause", failure.getMessage()));
        } else {
            LOGGER.warn("sandbox platform did not start: {}", e.getClass().getSimpleName());
            stage.set(messages.get("sandbox.failed"));
        }
        state.set(State.FAILED);
    }

    private void progressed(String what, double fraction) {
        if (state.get() == State.STARTING) {
            String label = what == null || what.isBlank() ? messages.get("sandbox.starting") : what;
            stage.set(fraction >= 0 ? messages.format("sandbox.progress", label, fraction) : label);
            progress.set(fraction);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<URI> addressProperty() {
        return address;
    }
}
