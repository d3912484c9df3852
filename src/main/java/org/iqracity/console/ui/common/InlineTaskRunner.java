package org.iqracity.console.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs work at once on the caller's thread: for ViewModel tests without a toolkit. Scheduled actions wait until
 * the test calls {@link #runScheduled()}, so debouncing can be tested without sleeping.
 */
public final class InlineTaskRunner implements TaskRunner {

    private final List<Scheduled> scheduled = new ArrayList<>();
    private final ObservableList<Job> jobs = FXCollections.observableArrayList();
    /** Answers worked out but not handed back yet ({@link #holdResults}), in the order they were asked for. */
    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    @Override
    public <T> BackgroundTask<T> run(Callable<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>();
        Runnable complete;
        try {
            T result = work.call();
            complete = () -> task.succeed(result);
        } catch (Exception | Error e) {
            complete = () -> task.fail(e);
        }
        if (holding) {
            held.add(complete);
        } else {
            complete.run();
        }
        return task;
    }

    /**
     * From now on, work runs at once but its answer (and a job's progress before it) waits for
     * {@link #releaseResults()}: requests on their way.
     */
    public void holdResults() {
        holding = true;
    }

    private void deliver(Runnable answer) {
        if (holding) {
            held.add(answer);
        } else {
            answer.run();
        }
    }

    /** Hands back every answer held, in order, and any asked for meanwhile; answers come at once again after. */
    public void releaseResults() {
        holding = false;
        while (!held.isEmpty()) {
            held.removeFirst().run();
        }
    }

    @Override
    public <T> BackgroundTask<T> job(String title, ProgressWork<T> work) {
        BackgroundTask<T> task = new BackgroundTask<>();
        Job job = new Job(title, task::cancel);
        jobs.add(job);
        task.onDone(() -> jobs.remove(job));
        try {
            T result = work.call((stage, fraction) -> deliver(() -> {
                job.update(stage, fraction);
                task.progressed(stage, fraction);
            }));
            deliver(() -> task.succeed(result));
        } catch (Exception | Error e) {
            deliver(() -> task.fail(e));
        }
        return task;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        Scheduled entry = new Scheduled(action);
        scheduled.add(entry);
        return () -> scheduled.remove(entry);
    }

    /** Runs every action scheduled so far, as if their delays had passed. */
    public int runScheduled() {
        List<Scheduled> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(s -> s.action.run());
        return due.size();
    }

    public int pendingScheduled() {
        return scheduled.size();
    }

    public ObservableList<Job> jobs() {
        return jobs;
    }

    /** Identity, not value, equality: the same action may be scheduled twice. */
    private static final class Scheduled {
        private final Runnable action;

        Scheduled(Runnable action) {
            this.action = action;
        }
    }
}
