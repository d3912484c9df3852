package org.iqracity.console.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;

/** The one way the console leaves the FX thread for network or disk work. */
public interface TaskRunner {

    <T> BackgroundTask<T> run(Callable<T> work);

    /** Like {@link #run} but shown in the status bar's job list with its progress, and cancellable there. */
    <T> BackgroundTask<T> job(String title, ProgressWork<T> work);

    /** Runs {@code action} on the FX thread after {@code delay}, unless cancelled first. */
    Cancellable schedule(Duration delay, Runnable action);

    @FunctionalInterface
    interface ProgressWork<T> {
        T call(ProgressSink progress) throws Exception;
    }

    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }
}
