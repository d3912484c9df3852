package org.iqracity.console.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Work running away from the FX thread. Callbacks run on the FX thread (or the caller's, inline), at most once,
 * and never after {@link #cancel()}: a cancelled search can never overwrite the newer one's results.
 */
public final class BackgroundTask<T> {

    private final List<Consumer<? super T>> successes = new ArrayList<>();
    private final List<Consumer<Throwable>> failures = new ArrayList<>();
    private final List<Runnable> finallies = new ArrayList<>();
    private final List<ProgressSink> progressListeners = new ArrayList<>();
    private Runnable canceller = () -> { };
    private volatile boolean cancelled;
    private boolean done;
    private T value;
    private Throwable failure;

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        if (done && failure == null && !cancelled) {
            action.accept(value);
        } else if (!done) {
            successes.add(action);
        }
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        if (done && failure != null && !cancelled) {
            action.accept(failure);
        } else if (!done) {
            failures.add(action);
        }
        return this;
    }

    /** Told of progress (jobs only), on the FX thread. */
    public BackgroundTask<T> onProgress(ProgressSink listener) {
        progressListeners.add(listener);
        return this;
    }

    void progressed(String stage, double fraction) {
        if (!cancelled && !done) {
            progressListeners.forEach(l -> l.progress(stage, fraction));
        }
    }

    /** Runs once the task ends whichever way, also when cancelled. */
    public BackgroundTask<T> onDone(Runnable action) {
        if (done) {
            action.run();
        } else {
            finallies.add(action);
        }
        return this;
    }

    public void cancel() {
        if (cancelled || done) {
            return;
        }
        cancelled = true;
        canceller.run();
        finish();
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return done;
    }

    void cancelWith(Runnable action) {
        this.canceller = action;
    }

    /** Called on the delivering thread (FX, or the caller's for inline runners). */
    void succeed(T result) {
        if (cancelled || done) {
            return;
        }
        value = result;
        finish();
        successes.forEach(s -> s.accept(result));
    }

    void fail(Throwable error) {
        if (cancelled || done) {
            return;
        }
        failure = error;
        finish();
        failures.forEach(f -> f.accept(error));
    }

    private void finish() {
        done = true;
        finallies.forEach(Runnable::run);
        finallies.clear();
    }
}
