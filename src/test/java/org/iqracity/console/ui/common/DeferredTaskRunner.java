package org.iqracity.console.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/** Holds work until the test lets it finish, so requests can be "in flight" when the person types again. */
public final class DeferredTaskRunner implements TaskRunner {

    private final List<Runnable> waiting = new ArrayList<>();
    private final InlineTaskRunner timers = new InlineTaskRunner();

    @Override
    public <T> BackgroundTask<T> run(Callable<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>();
        waiting.add(() -> {
            try {
                task.succeed(work.call());
            } catch (Exception e) {
                task.fail(e);
            }
        });
        return task;
    }

    @Override
    public <T> BackgroundTask<T> job(String title, ProgressWork<T> work) {
        return run(() -> work.call(ProgressSink.NONE));
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        return timers.schedule(delay, action);
    }

    public void runScheduled() {
        timers.runScheduled();
    }

    /** Lets every held piece of work finish, in the order it was started. */
    public void finishAll() {
        List<Runnable> now = new ArrayList<>(waiting);
        waiting.clear();
        now.forEach(Runnable::run);
    }

    /** The race that matters: an older, slower answer arrives after the newer one. */
    public void finishNewestFirst() {
        List<Runnable> now = new ArrayList<>(waiting);
        waiting.clear();
        Collections.reverse(now);
        now.forEach(Runnable::run);
    }

    public int inFlight() {
        return waiting.size();
    }
}
